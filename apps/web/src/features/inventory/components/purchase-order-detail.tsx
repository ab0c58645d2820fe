import { type ReactNode, useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input, Textarea } from '../../../design/input';
import { PageHeader } from '../../../design/page-header';
import { Notice, Spinner } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  type PurchaseOrderDetail as Detail,
  type ReceiptLine,
  usePurchaseOrder,
  useReadDespatchAdvice,
  useReceivePurchaseOrder,
  useSendPurchaseOrder,
} from '../api/purchase-orders';
import { LedgerMoves } from './ledger-moves';
import { StockTable } from './stock-table';

/** A purchase order: its lines, sending it, receiving a delivery, and the receipts so far. */
export function PurchaseOrderDetailView({ id, above }: { id: string; above: (po: Detail) => ReactNode }) {
  const { t, label, locale } = useI18n();
  const order = usePurchaseOrder(id);
  const send = useSendPurchaseOrder(id);
  // Kept here, not in the form: the last delivery closes the form, and its confirmation must stay.
  const [received, setReceived] = useState(false);
  if (order.error) return <ErrorNotice error={order.error} notFound={t('inventory.purchaseOrders.notFound')} />;
  if (!order.data) return <Spinner label={t('common.loading')} />;
  const po = order.data;
  const receivable = po.status === 'sent' || po.status === 'partly_received';
  return (
    <>
      {above(po)}
      <PageHeader
        title={`${t('inventory.purchaseOrders.one')} ${po.number}`}
        subtitle={`${po.supplier} → ${po.destination} · ${label('inventory.poStatus', po.status)}`}
        actions={
          <span className="flex flex-wrap items-center gap-3">
            <a
              className="text-sm text-brand-700 underline"
              href={`/api/inventory/purchase-orders/${po.id}/pdf${locale === 'en' ? '?lang=en' : ''}`}
            >
              {t('inventory.purchaseOrders.pdf')}
            </a>
            <a className="text-sm text-brand-700 underline" href={`/api/inventory/purchase-orders/${po.id}/ubl`}>
              {t('inventory.purchaseOrders.ubl')}
            </a>
            {po.status === 'draft' ? (
              <Button busy={send.isPending} onClick={() => send.mutate()}>
                {t('inventory.purchaseOrders.send')}
              </Button>
            ) : null}
          </span>
        }
      />
      <div className="flex flex-col gap-4">
        <Card title={t('inventory.purchaseOrders.lines')}>
          <StockTable
            label={t('inventory.purchaseOrders.lines')}
            rows={po.lines}
            empty="—"
            rowKey={(l) => l.id}
            columns={[
              { header: t('inventory.product'), cell: (l) => `${l.sku} · ${l.name}` },
              { header: t('inventory.trackingHeader'), cell: (l) => label('inventory.tracking', l.tracking) },
              { header: t('inventory.purchaseOrders.ordered'), numeric: true, cell: (l) => l.quantityOrdered },
              { header: t('inventory.purchaseOrders.received'), numeric: true, cell: (l) => l.quantityReceived },
            ]}
          />
        </Card>
        {received ? <Notice tone="success">{t('inventory.purchaseOrders.receivedDone')}</Notice> : null}
        {receivable ? <ReceiveForm po={po} onReceived={() => setReceived(true)} /> : null}
        <Card title={t('inventory.purchaseOrders.receipts')}>
          <LedgerMoves moves={po.receipts} label={t('inventory.purchaseOrders.receipts')} />
        </Card>
      </div>
    </>
  );
}

type Entry = { quantity: string; serials: string; batch: string };

/**
 * One delivery: per line the quantity, the serials (one per line; a scanner's Enter starts the next)
 * or the batch code. The key is made once per form, so a double click or a retry posts the delivery once.
 */
function ReceiveForm({ po, onReceived }: { po: Detail; onReceived: () => void }) {
  const { t } = useI18n();
  const receive = useReceivePurchaseOrder(po.id);
  const [key, setKey] = useState<string>(() => crypto.randomUUID());
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const open = po.lines.filter((l) => l.quantityReceived < l.quantityOrdered);
  const entry = (productId: string) => entries[productId] ?? { quantity: '', serials: '', batch: '' };
  const set = (productId: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [productId]: { ...entry(productId), ...patch } }));
  const serialsOf = (e: Entry) =>
    e.serials
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
  const lines: ReceiptLine[] = open.flatMap((l): ReceiptLine[] => {
    const e = entry(l.productId);
    if (l.tracking === 'serial') {
      const serialNumbers = serialsOf(e);
      return serialNumbers.length ? [{ productId: l.productId, quantity: serialNumbers.length, serialNumbers }] : [];
    }
    const quantity = Number(e.quantity);
    if (!quantity) return [];
    return [{ productId: l.productId, quantity, ...(e.batch.trim() ? { batchCode: e.batch.trim() } : {}) }];
  });
  const problem = isProblem(receive.error) ? receive.error : null;
  const despatch = useReadDespatchAdvice(po.id);
  const despatchProblem = isProblem(despatch.error) ? despatch.error : null;
  // A supplier's delivery note fills the form; booking it uses the note's own key, so it books once.
  const readDespatchAdvice = (file: File) =>
    file.text().then((xml) =>
      despatch.mutate(xml, {
        onSuccess: (note) => {
          setKey(note.idempotencyKey);
          setEntries(
            Object.fromEntries(
              note.lines.map((l) => [
                l.productId,
                { quantity: String(l.quantity), serials: l.serialNumbers.join('\n'), batch: l.batchCode ?? '' },
              ]),
            ),
          );
        },
      }),
    );
  return (
    <Card title={t('inventory.purchaseOrders.receive')}>
      <div className="mb-4 flex flex-col gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.purchaseOrders.despatchAdvice')}
          <input
            type="file"
            accept=".xml,application/xml,text/xml"
            className="max-w-full text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void readDespatchAdvice(file);
              e.target.value = '';
            }}
          />
        </label>
        <p className="text-xs text-ink-subtle">{t('inventory.purchaseOrders.despatchAdviceHint')}</p>
        {despatch.isPending ? <Spinner label={t('common.loading')} /> : null}
        {despatch.data ? (
          <Notice tone="success">
            {t('inventory.purchaseOrders.despatchAdviceRead', { id: despatch.data.despatchId })}
            {despatch.data.warnings.length ? ` ${despatch.data.warnings.join(' · ')}` : ''}
          </Notice>
        ) : null}
        {despatchProblem ? (
          <Notice tone="error">{despatchProblem.detail ?? despatchProblem.title}</Notice>
        ) : despatch.error ? (
          <ErrorNotice error={despatch.error} />
        ) : null}
      </div>
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!lines.length) return;
          receive.mutate(
            { idempotencyKey: key, lines },
            {
              onSuccess: () => {
                onReceived();
                setEntries({});
                setKey(crypto.randomUUID());
              },
            },
          );
        }}
      >
        {open.map((l) => {
          const e = entry(l.productId);
          const left = l.quantityOrdered - l.quantityReceived;
          return (
            <fieldset key={l.id} className="flex flex-wrap items-start gap-4 border-t border-line pt-3">
              <legend className="text-sm font-medium">
                {l.sku} · {l.name} ({t('inventory.purchaseOrders.open', { n: left })})
              </legend>
              {l.tracking === 'serial' ? (
                <div className="flex flex-col gap-1">
                  <Textarea
                    label={t('inventory.purchaseOrders.serials', { sku: l.sku })}
                    value={e.serials}
                    onChange={(ev) => set(l.productId, { serials: ev.target.value })}
                    className="w-full max-w-96"
                  />
                  <p className="text-xs text-ink-subtle">
                    {t('inventory.purchaseOrders.serialsHint', { n: serialsOf(e).length })}
                  </p>
                </div>
              ) : (
                <>
                  <Input
                    label={t('inventory.purchaseOrders.quantity', { sku: l.sku })}
                    type="number"
                    min={1}
                    max={left}
                    value={e.quantity}
                    onChange={(ev) => set(l.productId, { quantity: ev.target.value })}
                    className="w-40"
                  />
                  {l.tracking === 'batch' ? (
                    <Input
                      label={t('inventory.purchaseOrders.batch', { sku: l.sku })}
                      value={e.batch}
                      onChange={(ev) => set(l.productId, { batch: ev.target.value })}
                      className="w-48"
                    />
                  ) : null}
                </>
              )}
            </fieldset>
          );
        })}
        {problem ? (
          <Notice tone="error">
            {problem.detail ?? problem.title}
            {problem.errors?.length ? ` (${problem.errors.map((f) => f.message).join('; ')})` : ''}
          </Notice>
        ) : receive.error ? (
          <ErrorNotice error={receive.error} />
        ) : null}
        <div>
          <Button type="submit" busy={receive.isPending} disabled={!lines.length}>
            {t('inventory.purchaseOrders.book')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
