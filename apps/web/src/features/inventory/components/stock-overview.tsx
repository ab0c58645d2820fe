import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { useDebouncedValue } from '../../../design/use-debounced-value';
import { useI18n } from '../../../lib/i18n/i18n';
import { useStockLocations, useStockOverview } from '../api/stock';
import { QuantityCell, StockTable } from './stock-table';

/** Stock per product and physical place, filtered by text, place and what runs below its reorder point. */
export function StockOverview({ productHref }: { productHref: (id: string) => string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [locationId, setLocationId] = useState('');
  const [below, setBelow] = useState(false);
  const search = useDebouncedValue(q, 300);
  const locations = useStockLocations();
  const stock = useStockOverview({ q: search, locationId, belowReorderPoint: below });
  const physical = (locations.data ?? []).filter((l) => ['warehouse', 'bin', 'staging', 'van'].includes(l.kind));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <Input label={t('inventory.search')} value={q} onChange={(e) => setQ(e.target.value)} className="w-64" />
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.location')}
          <select
            className="h-10 rounded-md border border-line bg-panel px-2 text-sm"
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
          >
            <option value="">{t('inventory.allLocations')}</option>
            {physical.map((l) => (
              <option key={l.id} value={l.id}>
                {l.code} · {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex h-10 items-center gap-2 text-sm text-ink">
          <input type="checkbox" checked={below} onChange={(e) => setBelow(e.target.checked)} />
          {t('inventory.belowReorderPoint')}
        </label>
      </div>
      {stock.error ? <ErrorNotice error={stock.error} /> : null}
      {stock.isPending ? <Spinner label={t('common.loading')} /> : null}
      {stock.data ? (
        <StockTable
          label={t('inventory.title')}
          rows={stock.data}
          empty={t('inventory.noStock')}
          columns={[
            {
              header: t('inventory.product'),
              cell: (r) => (
                <Link className="text-brand-700 underline" to={productHref(r.productId)}>
                  {r.sku} · {r.name}
                </Link>
              ),
            },
            { header: t('inventory.location'), cell: (r) => `${r.locationCode} · ${r.locationName}` },
            { header: t('inventory.onHand'), numeric: true, cell: (r) => <QuantityCell value={r.onHand} /> },
            { header: t('inventory.reserved'), numeric: true, cell: (r) => r.reserved },
            { header: t('inventory.available'), numeric: true, cell: (r) => <QuantityCell value={r.available} /> },
            {
              header: t('inventory.reorderPoint'),
              numeric: true,
              cell: (r) =>
                r.belowReorderPoint ? (
                  <span className="font-medium text-danger-600">
                    {r.reorderPoint} · {t('inventory.below')}
                  </span>
                ) : (
                  r.reorderPoint
                ),
            },
          ]}
          rowKey={(r) => `${r.productId}|${r.locationId}`}
        />
      ) : null}
    </div>
  );
}
