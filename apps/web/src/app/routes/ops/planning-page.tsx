import { useState } from 'react';
import { Button } from '../../../design/button';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Select } from '../../../design/select';
import { Spinner } from '../../../design/status-message';
import {
  usePlanningCapacity,
  useRegions,
  useTeamSchedule,
  type BoardParams,
} from '../../../features/planning/api/planning-board';
import { PlanningBoard } from '../../../features/planning/components/planning-board';
import { PlanningKpis } from '../../../features/planning/components/planning-kpis';
import { useI18n } from '../../../lib/i18n/i18n';
import { amsterdamDay } from '../../../lib/format/date';

const shift = (date: string, view: BoardParams['view'], step: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  if (view === 'week') d.setUTCDate(d.getUTCDate() + 7 * step);
  else d.setUTCMonth(d.getUTCMonth() + step, 1);
  return d.toISOString().slice(0, 10);
};

/** `/ops/planning`: the capacity board with its KPIs, for planners, operations and admins. */
export function PlanningPage() {
  const { t } = useI18n();
  const [view, setView] = useState<BoardParams['view']>('week');
  const [date, setDate] = useState(() => amsterdamDay());
  const [region, setRegion] = useState('');
  const [type, setType] = useState('');
  const [priority, setPriority] = useState('');
  const [age, setAge] = useState('');
  const [materials, setMaterials] = useState('');
  const params: BoardParams = {
    view,
    date,
    region: region || undefined,
    type: type || undefined,
    priority: priority ? Number(priority) : undefined,
    minAgeDays: age ? Number(age) : undefined,
    materials: materials === 'waiting' || materials === 'ready' ? materials : undefined,
  };
  const schedule = useTeamSchedule(params);
  const capacity = usePlanningCapacity({ view, date });
  const regions = useRegions();
  const kpi = capacity.data;
  return (
    <>
      <PageHeader title={t('planning.title')} subtitle={t('planning.intro')} />
      {kpi ? <PlanningKpis kpi={kpi} /> : null}
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div className="flex gap-1" role="group" aria-label={`${t('planning.week')} / ${t('planning.month')}`}>
          {(['week', 'month'] as const).map((v) => (
            <Button
              key={v}
              size="sm"
              variant={view === v ? 'primary' : 'secondary'}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`planning.${v}`)}
            </Button>
          ))}
        </div>
        <Button size="sm" variant="secondary" onClick={() => setDate(shift(date, view, -1))}>
          {t('planning.previous')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setDate(amsterdamDay())}>
          {t('planning.today')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setDate(shift(date, view, 1))}>
          {t('planning.next')}
        </Button>
        <span className="text-sm text-ink-muted" data-testid="range">
          {schedule.data ? `${schedule.data.from} – ${schedule.data.to}` : ''}
        </span>
      </div>
      <div className="mb-3 flex flex-wrap gap-3">
        <Select
          label={t('planning.region')}
          value={region}
          onValueChange={setRegion}
          options={[
            { value: '', label: t('planning.allRegions') },
            ...(regions.data ?? []).map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        <Select
          label={t('planning.type')}
          value={type}
          onValueChange={setType}
          options={[
            { value: '', label: t('planning.allTypes') },
            ...(['survey', 'installation', 'meter_replacement'] as const).map((v) => ({
              value: v,
              label: t(`visitType.${v}`),
            })),
          ]}
        />
        <Select
          label={t('planning.priority')}
          value={priority}
          onValueChange={setPriority}
          options={[
            { value: '', label: t('planning.anyPriority') },
            ...(['1', '2'] as const).map((p) => ({ value: p, label: t(`planning.priority.${p}`) })),
          ]}
        />
        <Select
          label={t('planning.age')}
          value={age}
          onValueChange={setAge}
          options={[
            { value: '', label: t('planning.anyAge') },
            ...[7, 14, 30].map((d) => ({ value: String(d), label: t('planning.ageDays', { days: d }) })),
          ]}
        />
        <Select
          label={t('planning.materials')}
          value={materials}
          onValueChange={setMaterials}
          options={[
            { value: '', label: t('planning.anyMaterials') },
            { value: 'waiting', label: t('planning.materials.waiting') },
            { value: 'ready', label: t('planning.materials.ready') },
          ]}
        />
      </div>
      {schedule.error ? <ErrorNotice error={schedule.error} /> : null}
      {schedule.isPending ? <Spinner label={t('planning.title')} /> : null}
      {schedule.data ? (
        <PlanningBoard schedule={schedule.data} params={params} resultHref={(id) => `/ops/visits/${id}`} />
      ) : null}
    </>
  );
}
