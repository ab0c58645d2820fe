import { Button } from '../../../design/button';
import { ErrorNotice } from '../../../design/error-notice';
import { Spinner } from '../../../design/status-message';
import { formatDateTime } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { type StockTransfer, useReceiveTransfer, useTransfers } from '../api/transfers';
import { ProblemNotice } from './problem-notice';
import { StockTable } from './stock-table';

/** Recent transfers, those on the road first; one in transit is received here when it arrives. */
export function TransferList() {
  const { t, label, locale } = useI18n();
  const transfers = useTransfers();
  const receive = useReceiveTransfer();
  const status = (x: StockTransfer) =>
    x.status === 'in_transit' ? (
      <Button
        size="sm"
        busy={receive.isPending && receive.variables === x.id}
        onClick={() => receive.mutate(x.id)}
        aria-label={t('inventory.transfers.receiveOne', { number: x.number })}
      >
        {t('inventory.transfers.receive')}
      </Button>
    ) : (
      label('inventory.transfers.status', x.status)
    );
  return (
    <section className="flex flex-col gap-2" aria-labelledby="recent-transfers">
      <h2 id="recent-transfers" className="text-lg font-semibold">
        {t('inventory.transfers.recent')}
      </h2>
      <ProblemNotice error={receive.error} />
      {transfers.error ? <ErrorNotice error={transfers.error} /> : null}
      {transfers.isPending ? <Spinner label={t('common.loading')} /> : null}
      {transfers.data ? (
        <StockTable
          label={t('inventory.transfers.recent')}
          rows={transfers.data}
          empty={t('inventory.transfers.none')}
          rowKey={(x) => x.id}
          columns={[
            { header: t('inventory.transfers.number'), cell: (x) => x.number },
            {
              header: t('inventory.transfers.route'),
              cell: (x) => (
                <span className="whitespace-nowrap">
                  {x.from.code} → {x.viaTransit ? `${t('inventory.kind.transit')} → ` : ''}
                  {x.to.code}
                </span>
              ),
            },
            {
              header: t('inventory.transfers.lines'),
              cell: (x) => (
                <ul>
                  {x.lines.map((l, i) => (
                    <li key={`${l.productId}-${i}`}>
                      {l.quantity} × {l.sku}
                      {l.serialNumber || l.batchCode ? ` (${l.serialNumber ?? l.batchCode})` : ''}
                    </li>
                  ))}
                </ul>
              ),
            },
            { header: t('inventory.transfers.statusHeader'), cell: status },
            { header: t('inventory.when'), cell: (x) => formatDateTime(x.receivedAt ?? x.createdAt, locale) },
            { header: t('inventory.transfers.request'), cell: (x) => x.request?.number ?? '—' },
          ]}
        />
      ) : null}
    </section>
  );
}
