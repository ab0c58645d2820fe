import { clsx } from 'clsx';
import { useId } from 'react';

export type SelectOption = { value: string; label: string };

export type SelectProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  hideLabel?: boolean;
  className?: string;
};

/**
 * A labelled native select: the phone's own picker, keyboard and type-ahead for free, and none of the
 * positioning code a custom listbox needs in every portal's first download.
 */
export function Select({ label, value, onValueChange, options, hideLabel, className }: SelectProps) {
  const id = useId();
  return (
    <div className={clsx('flex items-center gap-2', className)}>
      <label htmlFor={id} className={clsx('text-sm text-ink-muted', hideLabel && 'sr-only')}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        className="h-8 min-w-16 rounded-md border bg-panel px-2 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
