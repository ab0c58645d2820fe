import type { StockLedgerMove } from '@chargecars/contract';
import { useI18n } from '../../../lib/i18n/i18n';
import { StockTable } from './stock-table';

/** Moves of the ledger: when, which document, from where to where, which serial or batch. */
export function LedgerMoves({ moves, label }: { moves: StockLedgerMove[]; label: string }) {
  const { t, label: enumLabel, formatDateTime } = useI18n();
  return (
    <StockTable
      label={label}
      rows={moves}
      empty={t('inventory.noMoves')}
      rowKey={(m) => String(m.id)}
      columns={[
        { header: t('inventory.when'), cell: (m) => formatDateTime(m.postedAt) },
        {
          header: t('inventory.document'),
          cell: (m) => `${enumLabel('inventory.doc', m.documentType)} ${m.documentRef}`,
        },
        { header: t('inventory.from'), cell: (m) => m.from.code },
        { header: t('inventory.to'), cell: (m) => m.to.code },
        { header: t('inventory.quantity'), numeric: true, cell: (m) => m.quantity },
        { header: t('inventory.serialOrBatch'), cell: (m) => m.serialNumber ?? m.batchCode ?? '' },
      ]}
    />
  );
}
