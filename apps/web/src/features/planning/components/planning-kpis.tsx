import type { z } from 'zod';
import type { PlanningCapacity } from '@chargecars/contract';
import { MetricCard } from '../../../design/metric-card';
import { useI18n } from '../../../lib/i18n/i18n';

/** The board's three figures against their goals, in the reader's number format ("60,6 km" / "60.6 km"). */
export function PlanningKpis({ kpi }: { kpi: z.infer<typeof PlanningCapacity> }) {
  const { t, formatPercent, formatNumber } = useI18n();
  return (
    <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="kpis">
      <MetricCard
        title={t('planning.kpi.utilisation', { goal: formatPercent(kpi.utilisationGoal) })}
        value={formatPercent(kpi.utilisation)}
      />
      <MetricCard
        title={t('planning.kpi.firstTimeRight', { goal: formatPercent(kpi.firstTimeRightGoal) })}
        value={kpi.firstTimeRight === null ? t('planning.kpi.none') : formatPercent(kpi.firstTimeRight)}
      />
      <MetricCard
        title={t('planning.kpi.travel')}
        value={
          kpi.travelKmPerVisit === null
            ? t('planning.kpi.none')
            : t('planning.kpi.km', { km: formatNumber(kpi.travelKmPerVisit) })
        }
      />
    </div>
  );
}
