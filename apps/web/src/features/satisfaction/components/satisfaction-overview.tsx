import { useMemo } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../design/card';
import type { DataTableColumn } from '../../../design/data-table';
import { MetricCard } from '../../../design/metric-card';
import { QueryDataTable } from '../../../design/query-data-table';
import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSatisfactionOverview, type SatisfactionItem, type SatisfactionParams } from '../api/satisfaction-overview';

const ALL = 'all';
export const SATISFACTION_FILTERS = ['teamId', 'answered'] as const;

/** The customers' answers to the survey after a visit: per visit with its order and team, and averages per team. */
export function SatisfactionOverviewView({
  params,
  onFilterChange,
  ...handlers
}: {
  params: SatisfactionParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  onFilterChange: (key: (typeof SATISFACTION_FILTERS)[number], value: string | undefined) => void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const score = (n: number | null) => (n === null ? '—' : formatNumber(Math.round(n * 10) / 10));
  const query = useSatisfactionOverview(params);
  const data = query.data;
  const columns = useMemo<DataTableColumn<SatisfactionItem>[]>(
    () => [
      {
        id: 'visit',
        header: t('satisfaction.visit'),
        cell: (i) => (
          <Link to={`/ops/visits/${i.visitId}`} className="text-brand-700 hover:underline">
            {i.visitNumber}
          </Link>
        ),
        className: 'whitespace-nowrap',
      },
      {
        id: 'order',
        header: t('satisfaction.order'),
        cell: (i) => (
          <Link to={`/ops/orders/${i.orderId}`} className="text-brand-700 hover:underline">
            {i.orderNumber}
          </Link>
        ),
        className: 'whitespace-nowrap',
      },
      {
        id: 'customer',
        header: t('satisfaction.customer'),
        cell: (i) => (
          <Link to={`/ops/customers/${i.customerId}`} className="text-brand-700 hover:underline">
            {i.customerName}
          </Link>
        ),
      },
      { id: 'team', header: t('satisfaction.team'), cell: (i) => i.teamName ?? '—' },
      {
        id: 'date',
        header: t('satisfaction.date'),
        cell: (i) => (i.date ? formatDate(i.date) : '—'),
        className: 'whitespace-nowrap',
      },
      {
        id: 'score',
        header: t('satisfaction.score'),
        cell: (i) =>
          i.score === null ? (
            <span className="text-ink-muted">{t('satisfaction.notAnswered')}</span>
          ) : (
            <span className="font-semibold tabular-nums">{i.score}</span>
          ),
      },
      { id: 'onSite', header: t('satisfaction.onSite'), cell: (i) => score(i.onSiteScore) },
      {
        id: 'remark',
        header: t('satisfaction.remark'),
        cell: (i) => <span className="block max-w-80 break-words">{i.remark ?? ''}</span>,
      },
    ],
    [t],
  );
  const filter = (key: (typeof SATISFACTION_FILTERS)[number]) => (v: string | undefined) =>
    onFilterChange(key, v === ALL ? undefined : v);
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <MetricCard title={t('satisfaction.average')} value={score(data?.average ?? null)} />
        <MetricCard title={t('satisfaction.answered')} value={String(data?.answered ?? 0)} />
        <MetricCard
          title={t('satisfaction.responseRate')}
          value={data?.asked ? `${Math.round((100 * data.answered) / data.asked)}%` : '—'}
        />
      </div>
      <Card title={t('satisfaction.perTeam')}>
        {data?.teams.length ? (
          <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {data.teams.map((team) => (
              <li key={team.teamId} className="flex justify-between gap-2 border-b border-line py-1">
                <span>{team.teamName}</span>
                <span className="tabular-nums">
                  {score(team.average)} ({t('satisfaction.answers', { n: String(team.answered) })})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">{t('satisfaction.noAnswers')}</p>
        )}
      </Card>
      <QueryDataTable
        label={t('satisfaction.list')}
        columns={columns}
        query={query}
        params={params}
        getRowId={(i) => i.visitId}
        toolbar={
          <>
            <Select
              label={t('satisfaction.team')}
              value={params.teamId ?? ALL}
              onValueChange={filter('teamId')}
              options={[
                { value: ALL, label: t('satisfaction.allTeams') },
                ...(data?.teams ?? []).map((team) => ({ value: team.teamId, label: team.teamName })),
              ]}
            />
            <Select
              label={t('satisfaction.state')}
              value={params.answered ?? ALL}
              onValueChange={filter('answered')}
              options={[
                { value: ALL, label: t('satisfaction.allStates') },
                { value: 'true', label: t('satisfaction.onlyAnswered') },
                { value: 'false', label: t('satisfaction.onlyOpen') },
              ]}
            />
          </>
        }
        {...handlers}
      />
    </div>
  );
}
