import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { MetricCard } from '../../../design/metric-card';
import { Spinner } from '../../../design/status-message';
import { addDays, amsterdamDay, formatDay } from '../../../lib/format/date';
import { formatPercent } from '../../../lib/format/money';
import { useI18n } from '../../../lib/i18n/i18n';
import { type StockOutReport, useStockOutReport } from '../api/demand';
import { StockTable } from './stock-table';
import { useTeamChoices } from './tools-register';

type Visit = StockOutReport['visits'][number];

/**
 * Planned visits that will lack a part, handed the free stock and expected receipts in date order: per
 * visit its day, team and order and what it misses, and the share of the period's planned installations
 * that would be delayed (the PRD's goal: under 1%). Links to the visit and order for the roles that may open them.
 */
export function StockOutWarnings({
  visitHref,
  orderHref,
}: {
  visitHref: ((id: string) => string) | null;
  orderHref: ((id: string) => string) | null;
}) {
  const { t, label, locale } = useI18n();
  const [from, setFrom] = useState(() => amsterdamDay());
  const [to, setTo] = useState(() => addDays(amsterdamDay(), 41));
  const [teamId, setTeamId] = useState('');
  const teams = useTeamChoices();
  const report = useStockOutReport({ from, to, teamId });
  const r = report.data;
  const link = (href: ((id: string) => string) | null, id: string, text: string) =>
    href ? (
      <Link className="whitespace-nowrap text-brand-700 underline" to={href(id)}>
        {text}
      </Link>
    ) : (
      text
    );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <Input
          label={t('inventory.counts.from')}
          type="date"
          value={from}
          max={to}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
          className="w-44"
        />
        <Input
          label={t('inventory.counts.to')}
          type="date"
          value={to}
          min={from}
          max={addDays(from, 92)}
          onChange={(e) => e.target.value && setTo(e.target.value)}
          className="w-44"
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.team')}
          <select
            className="h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            <option value="">{t('inventory.tools.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report.error ? <ErrorNotice error={report.error} /> : null}
      {report.isPending ? <Spinner label={t('common.loading')} /> : null}
      {r ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <MetricCard
              title={t('inventory.stockOuts.share')}
              value={r.share === null ? '—' : formatPercent(r.share, locale)}
              trend={
                r.share === null
                  ? undefined
                  : r.share < r.goal
                    ? { direction: 'up', label: t('inventory.stockOuts.goalMet') }
                    : { direction: 'down', label: t('inventory.stockOuts.goalMissed') }
              }
            />
            <MetricCard title={t('inventory.stockOuts.delayed')} value={String(r.delayedInstallations)} />
            <MetricCard title={t('inventory.stockOuts.planned')} value={String(r.plannedInstallations)} />
          </div>
          <StockTable
            label={t('inventory.stockOuts.title')}
            rows={r.visits}
            empty={t('inventory.stockOuts.none')}
            rowKey={(v) => v.visitId}
            columns={[
              { header: t('inventory.stockOuts.visit'), cell: (v: Visit) => link(visitHref, v.visitId, v.visitNumber) },
              {
                header: t('inventory.stockOuts.day'),
                cell: (v: Visit) =>
                  `${formatDay(v.date, locale)}${v.block ? ` · ${label('inventory.picking.block', v.block)}` : ''}`,
              },
              { header: t('inventory.tools.team'), cell: (v: Visit) => v.team?.name ?? '—' },
              { header: t('inventory.order'), cell: (v: Visit) => link(orderHref, v.order.id, v.order.number) },
              {
                header: t('inventory.stockOuts.missing'),
                cell: (v: Visit) => (
                  <ul>
                    {v.missing.map((m) => (
                      <li key={m.productId}>
                        {t('inventory.stockOuts.missingLine', { n: m.shortBy, sku: m.sku, name: m.name })}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
