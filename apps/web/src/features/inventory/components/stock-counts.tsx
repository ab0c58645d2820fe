import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { MetricCard } from '../../../design/metric-card';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useStartStockCount, useStockCounts } from '../api/counts';
import { useStockLocations } from '../api/stock';
import { StockTable } from './stock-table';
import { amsterdamDay } from '../../../lib/format/date';

const PHYSICAL = ['warehouse', 'bin', 'staging', 'van'];
// The goal of issue 13: over 99% of counted lines without a variance.
const ACCURACY_GOAL = 0.99;

function daysBefore(date: string, days: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Cycle counts: start one for a physical place, the counts of a period (open ones always on top), and
 * the inventory accuracy over the counts posted in it.
 */
export function StockCounts({ countHref }: { countHref: (id: string) => string }) {
  const { t, label, formatPercent, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const today = amsterdamDay();
  const [from, setFrom] = useState(() => daysBefore(today, 90));
  const [to, setTo] = useState(today);
  const [locationId, setLocationId] = useState('');
  const counts = useStockCounts({ from, to });
  const locations = useStockLocations();
  const start = useStartStockCount();
  const physical = (locations.data ?? []).filter((l) => PHYSICAL.includes(l.kind));
  const accuracy = counts.data?.accuracy;
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('inventory.counts.start')}>
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (locationId) start.mutate(locationId, { onSuccess: (c) => navigate(countHref(c.id)) });
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.location')}
            <select
              className="h-10 max-w-full rounded-md border border-line bg-panel px-2 text-sm"
              value={locationId}
              onChange={(e) => setLocationId(e.target.value)}
            >
              <option value="">{t('inventory.counts.chooseLocation')}</option>
              {physical.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.code} · {l.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" busy={start.isPending} disabled={!locationId}>
            {t('inventory.counts.startButton')}
          </Button>
        </form>
        {start.error ? <ErrorNotice error={start.error} /> : null}
      </Card>
      <div className="flex flex-wrap items-end gap-4">
        <Input
          label={t('inventory.counts.from')}
          type="date"
          value={from}
          max={to}
          onChange={(e) => setFrom(e.target.value)}
          className="w-44"
        />
        <Input
          label={t('inventory.counts.to')}
          type="date"
          value={to}
          min={from}
          onChange={(e) => setTo(e.target.value)}
          className="w-44"
        />
      </div>
      {accuracy ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <MetricCard
            title={t('inventory.counts.accuracy')}
            value={accuracy.share === null ? '—' : formatPercent(accuracy.share)}
            trend={
              accuracy.share === null
                ? undefined
                : accuracy.share > ACCURACY_GOAL
                  ? { direction: 'up', label: t('inventory.counts.goalMet') }
                  : { direction: 'down', label: t('inventory.counts.goalMissed') }
            }
          />
          <MetricCard title={t('inventory.counts.linesCounted')} value={String(accuracy.lines)} />
          <MetricCard
            title={t('inventory.counts.linesWithVariance')}
            value={String(accuracy.lines - accuracy.accurate)}
          />
        </div>
      ) : null}
      {counts.error ? <ErrorNotice error={counts.error} /> : null}
      {counts.isPending ? <Spinner label={t('common.loading')} /> : null}
      {counts.data ? (
        <StockTable
          label={t('inventory.counts.title')}
          rows={counts.data.counts}
          empty={t('inventory.counts.none')}
          rowKey={(c) => c.id}
          columns={[
            {
              header: t('inventory.counts.number'),
              cell: (c) => (
                <Link className="text-brand-700 underline" to={countHref(c.id)}>
                  {c.number}
                </Link>
              ),
            },
            { header: t('inventory.location'), cell: (c) => c.location.code },
            { header: t('inventory.counts.status'), cell: (c) => label('inventory.counts.statusOf', c.status) },
            { header: t('inventory.counts.when'), cell: (c) => formatDateTime(c.postedAt ?? c.startedAt) },
            { header: t('inventory.counts.lines'), numeric: true, cell: (c) => `${c.counted}/${c.lines}` },
            { header: t('inventory.counts.variances'), numeric: true, cell: (c) => c.variances },
          ]}
        />
      ) : null}
    </div>
  );
}
