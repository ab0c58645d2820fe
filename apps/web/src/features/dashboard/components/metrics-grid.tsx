import { ErrorNotice } from '../../../design/error-notice';
import { MetricCard } from '../../../design/metric-card';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMetrics } from '../api/get-metrics';

/** Rates may come as 0..1 or as 0..100 (the foundation API does not say); show both as a percentage. */
function asRatio(value: number): number {
  return value > 1 ? value / 100 : value;
}

export function MetricsGrid() {
  const { t, formatPercent, formatCount } = useI18n();
  const query = useMetrics();
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const m = query.data;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <MetricCard title={t('metrics.customers')} value={formatCount(m.customers)} />
      <MetricCard title={t('metrics.openLeads')} value={formatCount(m.openLeads)} />
      <MetricCard title={t('metrics.quotes')} value={formatCount(m.quotes)} />
      <MetricCard title={t('metrics.orders')} value={formatCount(m.orders)} />
      <MetricCard title={t('metrics.visitsToday')} value={formatCount(m.visitsToday)} />
      <MetricCard title={t('metrics.executionRate')} value={formatPercent(asRatio(m.executionRate))} />
      <MetricCard title={t('metrics.quoteConversion')} value={formatPercent(asRatio(m.quoteConversion))} />
    </div>
  );
}
