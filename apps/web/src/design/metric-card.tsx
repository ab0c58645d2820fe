import { clsx } from 'clsx';

export type Trend = { direction: 'up' | 'down' | 'flat'; label: string };

export type MetricCardProps = { title: string; value: string; trend?: Trend | undefined; className?: string };

const trendClass = { up: 'text-brand-700', down: 'text-danger-700', flat: 'text-ink-subtle' } as const;
const trendArrow = { up: '▲', down: '▼', flat: '■' } as const;

/** One number on a dashboard. The value is a pre-formatted string: the caller knows if it is money, a count or a rate. */
export function MetricCard({ title, value, trend, className }: MetricCardProps) {
  return (
    <figure
      className={clsx('rounded-lg border border-line bg-panel p-4 shadow-[var(--shadow-card)]', className)}
      aria-label={title}
    >
      <figcaption className="text-sm text-ink-muted">{title}</figcaption>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-ink">{value}</p>
      {trend ? (
        <p className={clsx('mt-1 text-xs', trendClass[trend.direction])}>
          <span aria-hidden="true">{trendArrow[trend.direction]} </span>
          {trend.label}
        </p>
      ) : null}
    </figure>
  );
}
