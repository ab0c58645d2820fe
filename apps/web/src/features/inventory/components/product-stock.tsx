import type { ReactNode } from 'react';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type ProductLedger, useProductLedger } from '../api/stock';
import { LedgerMoves } from './ledger-moves';
import { QuantityCell, StockTable } from './stock-table';

/** A product's stock per place and its ledger, newest move first. */
export function ProductStock({ productId, above }: { productId: string; above: (p: ProductLedger) => ReactNode }) {
  const { t, label } = useI18n();
  const ledger = useProductLedger(productId);
  if (ledger.error) return <ErrorNotice error={ledger.error} notFound={t('inventory.productNotFound')} />;
  if (!ledger.data) return <Spinner label={t('common.loading')} />;
  const { product, stock, moves } = ledger.data;
  return (
    <>
      {above(ledger.data)}
      <PageHeader
        title={`${product.sku} · ${product.name}`}
        subtitle={`${label('inventory.tracking', product.tracking)} · ${t('inventory.warrantyMonths', { months: product.warrantyMonths })} · ${t('inventory.reorderPoint')} ${product.reorderPoint}`}
      />
      <div className="flex flex-col gap-4">
        <Card title={t('inventory.perLocation')}>
          <StockTable
            label={t('inventory.perLocation')}
            rows={stock}
            empty={t('inventory.noStock')}
            rowKey={(r) => r.locationId}
            columns={[
              { header: t('inventory.location'), cell: (r) => `${r.locationCode} · ${r.locationName}` },
              { header: t('inventory.onHand'), numeric: true, cell: (r) => <QuantityCell value={r.onHand} /> },
              { header: t('inventory.reserved'), numeric: true, cell: (r) => r.reserved },
              { header: t('inventory.available'), numeric: true, cell: (r) => <QuantityCell value={r.available} /> },
            ]}
          />
        </Card>
        <Card title={t('inventory.ledger')}>
          <LedgerMoves moves={moves} label={t('inventory.ledger')} />
        </Card>
      </div>
    </>
  );
}
