import { useId, useState } from 'react';
import { Button } from '../../../design/button';
import { useI18n } from '../../../lib/i18n/i18n';
import { fieldDb, type FieldVisit } from '../store/field-db';
import { enqueue } from '../store/sync-engine';
import { useLive } from '../store/use-live';

/** Parts used, picked from the van's stock; a charger's serial typed or scanned from its label. */
export function PartsUsed({ visit }: { visit: FieldVisit }) {
  const { t, localized } = useI18n();
  const stock = useLive(() => fieldDb.vanStock.toArray(), 'van') ?? [];
  const products = [...new Map(stock.map((s) => [s.productId, s])).values()];
  const [productId, setProductId] = useState('');
  const [serial, setSerial] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState<string | null>(null);
  const scanId = useId();
  const chosen = products.find((p) => p.productId === productId);
  const serialised = chosen?.tracking === 'serial';
  // A part still queued on the phone has no name from the server yet: the van's stock names it.
  const partName = (p: FieldVisit['execution']['parts'][number]) => {
    const named = p.productName
      ? { name: p.productName, nameEn: p.productNameEn }
      : stock.find((s) => s.productId === p.productId);
    return named ? localized(named.name, named.nameEn) : '';
  };
  const add = async () => {
    if (!chosen || (serialised && !serial.trim())) return;
    await enqueue(visit.id, {
      kind: 'part',
      productId: chosen.productId,
      quantity: serialised ? 1 : quantity,
      serialNumber: serialised ? serial.trim() : null,
    });
    setSerial('');
    setQuantity(1);
  };
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{t('field.parts')}</h2>
      <ul className="space-y-1">
        {visit.execution.parts.map((p) => (
          <li key={p.commandId} className="rounded-md bg-surface px-3 py-2">
            {partName(p)} × {p.quantity}
            {p.serialNumber ? ` · ${p.serialNumber}` : ''}
          </li>
        ))}
      </ul>
      <label className="block text-sm font-medium">
        {t('field.product')}
        <select
          className="mt-1 block h-12 w-full rounded-md border border-line bg-panel px-3 text-base"
          value={productId}
          onChange={(e) => setProductId(e.target.value)}
        >
          <option value="" />
          {products.map((p) => (
            <option key={p.productId} value={p.productId}>
              {localized(p.name, p.nameEn)}
            </option>
          ))}
        </select>
      </label>
      {serialised ? (
        <div className="flex items-end gap-2">
          <label className="block flex-1 text-sm font-medium">
            {t('field.serial')}
            <input
              className="mt-1 block h-12 w-full rounded-md border border-line px-3 text-base"
              value={serial}
              list="van-serials"
              onChange={(e) => setSerial(e.target.value)}
            />
            <datalist id="van-serials">
              {stock
                .filter((s) => s.productId === productId && s.lot)
                .map((s) => (
                  <option key={s.key} value={s.lot} />
                ))}
            </datalist>
          </label>
          <label
            htmlFor={scanId}
            className="inline-flex h-12 cursor-pointer items-center rounded-md border border-line bg-panel px-4 font-medium"
          >
            {t('field.scan')}
            <input
              id={scanId}
              type="file"
              accept="image/*"
              capture="environment"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                const { readSerial } = await import('./serial-scanner');
                const found = await readSerial(file).catch(() => null);
                if (found) setSerial(found);
                setNote(found ? null : t('field.scanFailed'));
              }}
            />
          </label>
        </div>
      ) : chosen ? (
        <label className="block text-sm font-medium">
          {t('field.quantity')}
          <input
            type="number"
            min={1}
            className="mt-1 block h-12 w-full rounded-md border border-line px-3 text-base"
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
      ) : null}
      {note ? <p className="text-sm text-danger-700">{note}</p> : null}
      <Button className="h-12 w-full text-base" disabled={!chosen} onClick={() => void add()}>
        {t('field.addPart')}
      </Button>
    </section>
  );
}
