import { useRef, useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCheckKit, useKit } from '../api/picking';
import { StockTable } from './stock-table';

/**
 * The kit's quality checkpoint in staging: every serial is scanned (a barcode scanner types the code and
 * presses Enter; typing works the same) and every other part is counted. "Goedkeuren en laden" is possible
 * once all serials are in and all counts match; the server checks the same before the kit goes onto the van.
 */
export function KitCheck({ visitId }: { visitId: string }) {
  const { t } = useI18n();
  const kit = useKit(visitId);
  const check = useCheckKit(visitId);
  const [key] = useState(() => crypto.randomUUID());
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [scanError, setScanError] = useState<string | undefined>();
  const [counts, setCounts] = useState<Record<string, string>>({});
  const scanField = useRef<HTMLInputElement>(null);
  if (kit.error) return <ErrorNotice error={kit.error} />;
  if (!kit.data) return <Spinner label={t('common.loading')} />;
  const { items } = kit.data;
  if (check.data)
    return (
      <Notice tone="success">{t('inventory.kit.loaded', { visit: kit.data.visitNumber, van: check.data.van })}</Notice>
    );
  if (kit.data.loaded) return <Notice tone="success">{t('inventory.kit.alreadyLoaded', { van: kit.data.van })}</Notice>;
  if (!items.length) return <Notice>{t('inventory.kit.empty', { staging: kit.data.staging })}</Notice>;
  const serials = items.filter((i) => i.serialNumber).map((i) => i.serialNumber!);
  const bulk = new Map<string, { sku: string; name: string; quantity: number }>();
  for (const i of items.filter((x) => !x.serialNumber)) {
    const b = bulk.get(i.productId) ?? { sku: i.sku, name: i.name, quantity: 0 };
    b.quantity += i.quantity;
    bulk.set(i.productId, b);
  }
  const countsOk = [...bulk].every(([id, b]) => Number(counts[id]) === b.quantity);
  const allScanned = serials.every((s) => scanned.includes(s));
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('inventory.kit.serials', { done: scanned.length, total: serials.length })}>
        <form
          className="mb-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const code = scan.trim();
            setScan('');
            scanField.current?.focus();
            if (!code) return;
            if (!serials.includes(code)) setScanError(t('inventory.kit.notInKit', { serial: code }));
            else if (scanned.includes(code)) setScanError(t('inventory.kit.twice', { serial: code }));
            else {
              setScanError(undefined);
              setScanned([...scanned, code]);
            }
          }}
        >
          <Input
            ref={scanField}
            label={t('inventory.kit.scan')}
            hint={t('inventory.scanHint')}
            error={scanError}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            autoFocus
            autoComplete="off"
            className="w-80 max-w-full"
          />
          <Button type="submit" variant="secondary">
            {t('inventory.kit.add')}
          </Button>
        </form>
        <StockTable
          label={t('inventory.kit.serialsTable')}
          rows={items.filter((i) => i.serialNumber)}
          empty={t('inventory.kit.noSerials')}
          rowKey={(i) => i.serialNumber!}
          columns={[
            { header: t('inventory.product'), cell: (i) => `${i.sku} · ${i.name}` },
            { header: t('inventory.serialNumber'), cell: (i) => i.serialNumber },
            {
              header: t('inventory.kit.scanned'),
              cell: (i) => (scanned.includes(i.serialNumber!) ? `✓ ${t('inventory.kit.yes')}` : t('inventory.kit.no')),
            },
          ]}
        />
      </Card>
      {bulk.size ? (
        <Card title={t('inventory.kit.count')}>
          <div className="flex flex-col gap-2">
            {[...bulk].map(([id, b]) => (
              <Input
                key={id}
                type="number"
                inputMode="numeric"
                min={0}
                label={t('inventory.kit.counted', { sku: b.sku, name: b.name, quantity: b.quantity })}
                value={counts[id] ?? ''}
                onChange={(e) => setCounts({ ...counts, [id]: e.target.value })}
                error={counts[id] && Number(counts[id]) !== b.quantity ? t('inventory.kit.countOff') : undefined}
                className="w-80 max-w-full"
              />
            ))}
          </div>
        </Card>
      ) : null}
      {check.error ? <ErrorNotice error={check.error} /> : null}
      <div>
        <Button
          disabled={!allScanned || !countsOk}
          busy={check.isPending}
          onClick={() =>
            check.mutate({
              idempotencyKey: key,
              scannedSerials: scanned,
              counted: [...bulk.keys()].map((id) => ({ productId: id, quantity: Number(counts[id]) })),
            })
          }
        >
          {t('inventory.kit.approve')}
        </Button>
      </div>
    </div>
  );
}
