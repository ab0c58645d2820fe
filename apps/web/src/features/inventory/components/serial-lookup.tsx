import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSerialLookup } from '../api/serial-lookup';
import { LedgerMoves } from './ledger-moves';

/**
 * Look up a serial by typing it or scanning it: a barcode scanner acting as a keyboard types the code
 * and presses Enter, which submits the form; the field is selected again for the next scan.
 */
export function SerialLookup({ orderHref }: { orderHref: ((id: string) => string) | null }) {
  const { t, label, formatDate } = useI18n();
  const [text, setText] = useState('');
  const [serial, setSerial] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const result = useSerialLookup(serial);
  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSerial(text.trim());
          input.current?.select();
        }}
      >
        <Input
          ref={input}
          label={t('inventory.serialNumber')}
          hint={t('inventory.scanHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
          autoComplete="off"
          className="w-80"
        />
        <Button type="submit">{t('inventory.lookUp')}</Button>
      </form>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {serial && result.isPending ? <Spinner label={t('common.loading')} /> : null}
      {result.data && !result.data.length ? <Notice>{t('inventory.serialUnknown', { serial })}</Notice> : null}
      {result.data?.map((u) => (
        <Card key={u.productId} title={`${u.serialNumber} · ${u.sku} ${u.productName}`}>
          <dl className="mb-4 grid max-w-2xl grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-muted">{t('inventory.whereNow')}</dt>
            <dd>
              {u.location.code} · {u.location.name} ({label('inventory.kind', u.location.kind)})
            </dd>
            <dt className="text-ink-muted">{t('inventory.received')}</dt>
            <dd>{formatDate(u.receivedAt)}</dd>
            <dt className="text-ink-muted">{t('inventory.installedOn')}</dt>
            <dd>{u.installedOn ? formatDate(u.installedOn) : '—'}</dd>
            <dt className="text-ink-muted">{t('inventory.warrantyUntil')}</dt>
            <dd>{u.warrantyUntil ? formatDate(u.warrantyUntil) : '—'}</dd>
            <dt className="text-ink-muted">{t('inventory.order')}</dt>
            <dd>
              {u.order ? (
                orderHref ? (
                  <Link className="text-brand-700 underline" to={orderHref(u.order.id)}>
                    {u.order.number}
                  </Link>
                ) : (
                  u.order.number
                )
              ) : (
                '—'
              )}
              {u.visitNumber ? ` (${u.visitNumber})` : ''}
            </dd>
            <dt className="text-ink-muted">{t('inventory.customer')}</dt>
            <dd>{u.customer?.name ?? '—'}</dd>
          </dl>
          <h2 className="mb-2 text-base font-semibold">{t('inventory.hops')}</h2>
          <LedgerMoves moves={u.hops} label={t('inventory.hops')} />
        </Card>
      ))}
    </div>
  );
}
