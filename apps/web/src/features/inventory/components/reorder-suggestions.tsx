import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../design/button';
import { ErrorNotice } from '../../../design/error-notice';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type ReorderSuggestion, useOrderSuggestion, useReorderSuggestions } from '../api/replenishment';
import { StockTable } from './stock-table';

const ORDERED_BY_PURCHASE = ['warehouse', 'bin'];

/**
 * Min/max per product and place with what to order: free stock plus what is on order against the minimum.
 * A warehouse row that is due becomes a draft purchase order to the supplier it came from last, in one click.
 */
export function ReorderSuggestions({ orderHref }: { orderHref: (id: string) => string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [onlyDue, setOnlyDue] = useState(true);
  const suggestions = useReorderSuggestions(onlyDue);
  const order = useOrderSuggestion();
  const action = (s: ReorderSuggestion) => {
    if (!s.suggested) return '—';
    if (!ORDERED_BY_PURCHASE.includes(s.locationKind)) return t('inventory.reorder.fromWarehouse');
    if (!s.supplierLocationId) return t('inventory.reorder.noSupplier');
    return (
      <Button
        size="sm"
        busy={order.isPending && order.variables === s}
        onClick={() => order.mutate(s, { onSuccess: (po) => navigate(orderHref(po.id)) })}
      >
        {t('inventory.reorder.order', { n: s.suggested, supplier: s.supplierName ?? '' })}
      </Button>
    );
  };
  return (
    <div className="flex flex-col gap-4">
      <label className="flex h-10 items-center gap-2 text-sm text-ink">
        <input type="checkbox" checked={onlyDue} onChange={(e) => setOnlyDue(e.target.checked)} />
        {t('inventory.reorder.onlyDue')}
      </label>
      {order.error ? <ErrorNotice error={order.error} /> : null}
      {suggestions.error ? <ErrorNotice error={suggestions.error} /> : null}
      {suggestions.isPending ? <Spinner label={t('common.loading')} /> : null}
      {suggestions.data ? (
        <StockTable
          label={t('inventory.reorder.title')}
          rows={suggestions.data}
          empty={t('inventory.reorder.none')}
          rowKey={(s) => `${s.productId}|${s.locationId}`}
          columns={[
            { header: t('inventory.product'), cell: (s) => `${s.sku} · ${s.name}` },
            { header: t('inventory.location'), cell: (s) => s.locationCode },
            { header: t('inventory.reorder.min'), numeric: true, cell: (s) => s.min },
            { header: t('inventory.reorder.max'), numeric: true, cell: (s) => s.max },
            { header: t('inventory.available'), numeric: true, cell: (s) => s.free },
            { header: t('inventory.reorder.onOrder'), numeric: true, cell: (s) => s.onOrder },
            { header: t('inventory.reorder.suggested'), numeric: true, cell: (s) => s.suggested },
            { header: t('inventory.reorder.action'), cell: action },
          ]}
        />
      ) : null}
    </div>
  );
}
