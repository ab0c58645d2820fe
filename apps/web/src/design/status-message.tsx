import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** Loading, error and notice blocks, announced to screen readers without stealing focus. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'error' | 'success'; children: ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx('rounded-md border px-3 py-2 text-sm', {
        'border-info-600/30 bg-info-50 text-ink': tone === 'info',
        'border-danger-600/30 bg-danger-50 text-danger-700': tone === 'error',
        'border-brand-300 bg-brand-50 text-brand-800': tone === 'success',
      })}
    >
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <p role="status" className="py-6 text-center text-sm text-ink-muted">
      {label}
    </p>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className="h-2 w-full overflow-hidden rounded-full bg-line"
    >
      <div className="h-full rounded-full bg-brand-500" style={{ width: `${pct}%` }} />
    </div>
  );
}
