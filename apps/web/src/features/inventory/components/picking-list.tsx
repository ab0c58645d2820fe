import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { amsterdamDay } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { type PickingList as List, usePickingList, usePickVisit } from '../api/picking';
import { useStockLocations } from '../api/stock';
import { KitCheck } from './kit-check';
import { StockTable } from './stock-table';

// The sheet alone on paper: everything else on the page (menu, filters, buttons) is hidden when printing.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  #picking-sheet, #picking-sheet * { visibility: visible; }
  #picking-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; }
  #picking-sheet .no-print { display: none; }
}`;

/**
 * The picking list of a team's day, chosen by its van: per visit the main components by serial and the
 * bin to take them from, and the small parts per installation type; printable as a sheet. "Picken" moves
 * what is reserved into the team's staging; the kit check then opens per visit.
 */
export function PickingListView() {
  const { t } = useI18n();
  const locations = useStockLocations();
  const vans = (locations.data ?? []).filter((l) => l.kind === 'van' && l.teamId);
  const [teamId, setTeamId] = useState('');
  const [date, setDate] = useState(() => amsterdamDay());
  const team = teamId || vans[0]?.teamId || '';
  const list = usePickingList(team, date);
  return (
    <div className="flex flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.picking.team')}
          <select
            className="h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm"
            value={team}
            onChange={(e) => setTeamId(e.target.value)}
          >
            {vans.map((v) => (
              <option key={v.id} value={v.teamId!}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <Input
          type="date"
          label={t('inventory.picking.date')}
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
        <Button variant="secondary" onClick={() => window.print()}>
          {t('inventory.picking.print')}
        </Button>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.isPending && team ? <Spinner label={t('common.loading')} /> : null}
      {list.data ? <Sheet list={list.data} /> : null}
    </div>
  );
}

function Sheet({ list }: { list: List }) {
  const { t, label, formatDay } = useI18n();
  const pick = usePickVisit();
  // The kit check opens in the visit's card, where the kit lies: one at a time, as at the staging table.
  const [checking, setChecking] = useState<string | null>(null);
  return (
    <section id="picking-sheet" aria-label={t('inventory.picking.sheet')} className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">
        {t('inventory.picking.sheetTitle', { team: list.team.name, day: formatDay(list.date) })}
      </h2>
      <p className="text-sm text-ink-muted">
        {t('inventory.picking.route', { staging: list.staging?.code ?? '—', van: list.van?.code ?? '—' })}
      </p>
      {pick.error ? <ErrorNotice error={pick.error} /> : null}
      {!list.visits.length ? <Notice>{t('inventory.picking.none')}</Notice> : null}
      {list.visits.map((v) => (
        <Card key={v.visitId} title={`${v.number} · ${label('inventory.picking.block', v.block)} · ${v.place}`}>
          <div className="flex flex-col gap-3">
            <div className="no-print flex flex-wrap items-center gap-2">
              <span className="text-sm text-ink-muted">{label('inventory.picking.status', v.status)}</span>
              {v.status === 'to_pick' ? (
                <Button
                  size="sm"
                  busy={pick.isPending && pick.variables === v.visitId}
                  onClick={() => pick.mutate(v.visitId)}
                >
                  {t('inventory.picking.pick', { visit: v.number })}
                </Button>
              ) : null}
              {v.status === 'picked' && checking !== v.visitId ? (
                <Button size="sm" onClick={() => setChecking(v.visitId)}>
                  {t('inventory.picking.checkKit', { visit: v.number })}
                </Button>
              ) : null}
            </div>
            {checking === v.visitId ? (
              <div className="no-print rounded-lg border border-line p-3">
                <h3 className="mb-2 text-base font-semibold">{t('inventory.kit.title', { visit: v.number })}</h3>
                <KitCheck visitId={v.visitId} />
              </div>
            ) : null}
            <StockTable
              label={t('inventory.picking.main', { visit: v.number })}
              rows={v.mainComponents.map((m, i) => ({ ...m, key: `${m.productId}|${i}` }))}
              empty={t('inventory.picking.noMain')}
              rowKey={(m) => m.key}
              columns={[
                { header: t('inventory.product'), cell: (m) => `${m.sku} · ${m.name}` },
                {
                  header: t('inventory.serialNumber'),
                  cell: (m) =>
                    m.serialNumber ?? (
                      <span className="font-medium text-danger-600">{t('inventory.picking.short')}</span>
                    ),
                },
                { header: t('inventory.location'), cell: (m) => m.locationCode ?? '—' },
                { header: t('inventory.picking.tick'), cell: (m) => (m.picked ? '✓' : '☐') },
              ]}
            />
            <StockTable
              label={t('inventory.picking.small', { visit: v.number })}
              rows={v.smallParts}
              empty={t('inventory.picking.noSmall')}
              rowKey={(p) => p.productId}
              columns={[
                { header: t('inventory.product'), cell: (p) => `${p.sku} · ${p.name}` },
                { header: t('inventory.quantity'), numeric: true, cell: (p) => p.quantity },
              ]}
            />
          </div>
        </Card>
      ))}
      {list.smallPartsByType.map((g) => (
        <Card key={g.type} title={t('inventory.picking.perType', { type: label('inventory.picking.type', g.type) })}>
          <StockTable
            label={t('inventory.picking.perType', { type: label('inventory.picking.type', g.type) })}
            rows={g.parts}
            empty="—"
            rowKey={(p) => p.productId}
            columns={[
              { header: t('inventory.product'), cell: (p) => `${p.sku} · ${p.name}` },
              { header: t('inventory.quantity'), numeric: true, cell: (p) => p.quantity },
            ]}
          />
        </Card>
      ))}
    </section>
  );
}
