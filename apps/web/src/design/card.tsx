import { clsx } from 'clsx';
import type { HTMLAttributes, ReactNode } from 'react';

export type CardProps = HTMLAttributes<HTMLElement> & { title?: ReactNode; actions?: ReactNode };

/** A panel. With a title it becomes a labelled region, so screen readers can jump between cards. */
export function Card({ title, actions, className, children, ...rest }: CardProps) {
  return (
    <section
      className={clsx('rounded-lg border border-line bg-panel p-4 shadow-[var(--shadow-card)]', className)}
      {...rest}
    >
      {title || actions ? (
        <header className="mb-3 flex items-center justify-between gap-2">
          {title ? <h2 className="text-base font-semibold text-ink">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      {children}
    </section>
  );
}
