import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { request } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { serialLookupEndpoint } from '../api/serial-lookup';
import { useStockLocations, useStockOverview } from '../api/stock';
import { type StockLot, type TransferLine, type VanRequest, useSendTransfer, useStockLots } from '../api/transfers';
import { ProblemNotice } from './problem-notice';
import { StockTable } from './stock-table';

const PHYSICAL = ['warehouse', 'bin', 'staging', 'van'];
const AT_WAREHOUSE = ['warehouse', 'bin'];
type Line = TransferLine & { sku: string; name: string };
const select = 'h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm';

/**
 * A transfer from one physical place to another. Serials are scanned (a keyboard-wedge scanner types the
 * code and Enter) or typed, and found where they lie; other products are picked from what the place holds,
 * with their batch code where they have one. Between the warehouse and a staging area or van it goes
 * through transit. Opened from a van request, it goes to that van and fulfils the request.
 */
export function TransferForm({ vanRequest, onSent }: { vanRequest: VanRequest | null; onSent: () => void }) {
  const { t } = useI18n();
  const locations = useStockLocations();
  const physical = (locations.data ?? []).filter((l) => PHYSICAL.includes(l.kind));
  const warehouse = physical.find((l) => l.kind === 'warehouse');
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const from = physical.find((l) => l.id === (fromId || (vanRequest ? warehouse?.id : '')));
  const to = physical.find((l) => l.id === (vanRequest ? vanRequest.van.id : toId));
  const stock = useStockOverview({ locationId: from?.id }, Boolean(from));
  const lots = useStockLots(from?.id);
  const [lines, setLines] = useState<Line[]>([]);
  // A request's counted and batch parts go on the transfer at once, batches oldest first from what is free
  // where they come from; its serials are scanned.
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (!vanRequest || prefilled || !lots.data) return;
    setPrefilled(true);
    setLines(vanRequest.lines.flatMap((l) => allocate(l, lots.data)));
  }, [vanRequest, prefilled, lots.data]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState('');
  const scanInput = useRef<HTMLInputElement>(null);
  const [pick, setPick] = useState({ productId: '', quantity: '1', batch: '' });
  const send = useSendTransfer();
  const counted = (from && stock.data ? stock.data : []).filter((r) => r.tracking !== 'serial');
  const picked = counted.find((r) => r.productId === pick.productId);
  const pickedLots = (lots.data ?? []).filter((l) => l.productId === pick.productId && l.available > 0);
  const viaTransit = from && to ? AT_WAREHOUSE.includes(from.kind) !== AT_WAREHOUSE.includes(to.kind) : false;

  const addSerial = async () => {
    const serial = scan.trim();
    setScan('');
    scanInput.current?.focus();
    if (!serial || !from) return;
    if (lines.some((l) => l.serialNumber === serial))
      return setScanError(t('inventory.transfers.scannedTwice', { serial }));
    const units = await request(serialLookupEndpoint, { query: { serial } }).catch(() => []);
    const unit = units.find((u) => u.location.code === from.code);
    if (!unit)
      return setScanError(
        units[0]
          ? t('inventory.transfers.serialElsewhere', { serial, where: units[0].location.code })
          : t('inventory.serialUnknown', { serial }),
      );
    setScanError('');
    setLines((ls) => [
      ...ls,
      { productId: unit.productId, quantity: 1, serialNumber: serial, sku: unit.sku, name: unit.productName },
    ]);
  };
  const addCounted = () => {
    if (!picked || Number(pick.quantity) < 1) return;
    const batch = picked.tracking === 'batch' ? pick.batch.trim() : '';
    setLines((ls) => [
      ...ls,
      {
        productId: picked.productId,
        quantity: Number(pick.quantity),
        ...(batch ? { batchCode: batch } : {}),
        sku: picked.sku,
        name: picked.name,
      },
    ]);
    setPick({ productId: '', quantity: '1', batch: '' });
  };

  return (
    <Card
      title={vanRequest ? t('inventory.transfers.fulfil', { number: vanRequest.number }) : t('inventory.transfers.new')}
    >
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.from')}
            <select
              className={select}
              value={from?.id ?? ''}
              onChange={(e) => {
                setFromId(e.target.value);
                setLines([]);
                setPrefilled(false);
              }}
            >
              <option value="">{t('inventory.counts.chooseLocation')}</option>
              {physical.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.code} · {l.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.to')}
            <select
              className={select}
              value={to?.id ?? ''}
              disabled={Boolean(vanRequest)}
              onChange={(e) => setToId(e.target.value)}
            >
              <option value="">{t('inventory.counts.chooseLocation')}</option>
              {physical
                .filter((l) => l.id !== from?.id)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.code} · {l.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {from && to ? (
          <p className="text-sm text-ink-muted">
            {viaTransit ? t('inventory.transfers.viaTransit') : t('inventory.transfers.direct')}
          </p>
        ) : null}
        {vanRequest ? <Requested vanRequest={vanRequest} lines={lines} /> : null}
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void addSerial();
          }}
        >
          <Input
            ref={scanInput}
            label={t('inventory.transfers.scan')}
            hint={t('inventory.scanHint')}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            autoComplete="off"
            disabled={!from}
            error={scanError || undefined}
            className="w-72 max-w-full"
          />
          <Button type="submit" variant="secondary" disabled={!from || !scan.trim()}>
            {t('inventory.kit.add')}
          </Button>
        </form>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.product')}
            <select
              className={select}
              value={pick.productId}
              disabled={!from}
              onChange={(e) => setPick({ ...pick, productId: e.target.value })}
            >
              <option value="">{t('inventory.transfers.chooseProduct')}</option>
              {counted.map((r) => (
                <option key={r.productId} value={r.productId}>
                  {r.sku} · {r.name} ({r.available})
                </option>
              ))}
            </select>
          </label>
          <Input
            label={t('inventory.quantity')}
            type="number"
            min={1}
            value={pick.quantity}
            onChange={(e) => setPick({ ...pick, quantity: e.target.value })}
            className="w-28"
          />
          {picked?.tracking === 'batch' ? (
            <label className="flex flex-col gap-1 text-sm font-medium text-ink">
              {t('inventory.transfers.batch')}
              <select
                className={select}
                value={pick.batch}
                onChange={(e) => setPick({ ...pick, batch: e.target.value })}
              >
                <option value="">{t('inventory.transfers.chooseBatch')}</option>
                {pickedLots.map((l) => (
                  <option key={l.lot} value={l.lot}>
                    {t('inventory.transfers.batchFree', { batch: l.lot, n: l.available })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <Button
            variant="secondary"
            disabled={!picked || (picked.tracking === 'batch' && !pick.batch.trim())}
            onClick={addCounted}
          >
            {t('inventory.transfers.addLine')}
          </Button>
        </div>
        <StockTable
          label={t('inventory.transfers.lines')}
          rows={lines.map((l, i) => ({ ...l, i }))}
          empty={t('inventory.transfers.noLines')}
          rowKey={(l) => String(l.i)}
          columns={[
            { header: t('inventory.product'), cell: (l) => `${l.sku} · ${l.name}` },
            { header: t('inventory.serialOrBatch'), cell: (l) => l.serialNumber ?? l.batchCode ?? '—' },
            { header: t('inventory.quantity'), numeric: true, cell: (l) => l.quantity },
            {
              header: t('inventory.transfers.remove'),
              cell: (l) => (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('inventory.transfers.removeLine', { sku: l.sku })}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== l.i))}
                >
                  ×
                </Button>
              ),
            },
          ]}
        />
        <ProblemNotice error={send.error} />
        {send.data && !send.isPending ? (
          <Notice tone="success">
            {t(
              send.data.status === 'in_transit' ? 'inventory.transfers.sentInTransit' : 'inventory.transfers.sentDone',
              {
                number: send.data.number,
              },
            )}
          </Notice>
        ) : null}
        <div>
          <Button
            busy={send.isPending}
            disabled={!from || !to || !lines.length}
            onClick={() =>
              send.mutate(
                {
                  idempotencyKey: key,
                  fromLocationId: from!.id,
                  toLocationId: to!.id,
                  lines: lines.map(({ sku: _, name: __, ...l }) => l),
                  ...(vanRequest ? { requestId: vanRequest.id } : {}),
                },
                {
                  onSuccess: () => {
                    setLines([]);
                    setKey(crypto.randomUUID());
                    onSent();
                  },
                },
              )
            }
          >
            {t('inventory.transfers.send')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** What the request asks for against what is on the transfer so far (serials and batches are added by hand). */
function Requested({ vanRequest, lines }: { vanRequest: VanRequest; lines: Line[] }) {
  const { t } = useI18n();
  const added = (productId: string) =>
    lines.filter((l) => l.productId === productId).reduce((n, l) => n + l.quantity, 0);
  return (
    <StockTable
      label={t('inventory.vanRequests.asked')}
      rows={vanRequest.lines}
      empty=""
      rowKey={(l) => l.productId}
      columns={[
        { header: t('inventory.product'), cell: (l) => `${l.sku} · ${l.name}` },
        { header: t('inventory.vanRequests.asked'), numeric: true, cell: (l) => l.quantity },
        { header: t('inventory.transfers.onTransfer'), numeric: true, cell: (l) => added(l.productId) },
      ]}
    />
  );
}

/** A requested line as transfer lines: counted as asked; a batch product from the oldest lots with free stock. */
function allocate(line: VanRequest['lines'][number], lots: StockLot[]): Line[] {
  const base = { productId: line.productId, sku: line.sku, name: line.name };
  if (line.tracking === 'none') return [{ ...base, quantity: line.quantity }];
  if (line.tracking === 'serial') return [];
  let left = line.quantity;
  const out: Line[] = [];
  for (const lot of lots.filter((l) => l.productId === line.productId && l.available > 0)) {
    if (left <= 0) break;
    const quantity = Math.min(left, lot.available);
    out.push({ ...base, quantity, batchCode: lot.lot });
    left -= quantity;
  }
  return out;
}
