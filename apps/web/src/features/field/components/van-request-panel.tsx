import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../design/button';
import { request, isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { askVanReplenishmentEndpoint, myVanRequestsEndpoint, vanProductsEndpoint } from '../api/van-request-endpoints';
import { useOnline } from '../store/use-online';

const field = 'h-12 w-full rounded-md border border-line bg-panel px-3 text-base';

/**
 * Aanvullen: the technician asks the warehouse for products on the team's van, and sees what became of
 * earlier requests. Online only: a request is a question to the warehouse, not work to keep for later,
 * so it does not go through the phone's outbox.
 */
export function VanRequestPanel() {
  const { t, formatDate } = useI18n();
  const online = useOnline();
  const queryClient = useQueryClient();
  const products = useQuery({
    queryKey: ['field', 'van-products'],
    queryFn: ({ signal }) => request(vanProductsEndpoint, { signal }),
    enabled: online,
    staleTime: 10 * 60_000,
  });
  const mine = useQuery({
    queryKey: ['field', 'van-requests'],
    queryFn: ({ signal }) => request(myVanRequestsEndpoint, { signal }),
    enabled: online,
  });
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<{ productId: string; quantity: number }[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const ask = useMutation({
    mutationFn: () =>
      request(askVanReplenishmentEndpoint, {
        body: { idempotencyKey: key, lines, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: () => {
      setLines([]);
      setNote('');
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ['field', 'van-requests'] });
    },
  });
  const nameOf = (id: string) => {
    const p = products.data?.find((x) => x.productId === id);
    return p ? `${p.sku} · ${p.name}` : '';
  };
  if (!online)
    return (
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('field.request.title')}</h2>
        <p className="text-ink-muted">{t('field.request.onlineOnly')}</p>
      </section>
    );
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{t('field.request.title')}</h2>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t('field.product')}</span>
        <select className={field} value={productId} onChange={(e) => setProductId(e.target.value)}>
          <option value="">{t('field.request.choose')}</option>
          {(products.data ?? [])
            .filter((p) => !lines.some((l) => l.productId === p.productId))
            .map((p) => (
              <option key={p.productId} value={p.productId}>
                {p.sku} · {p.name}
              </option>
            ))}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <label className="block flex-1 space-y-1">
          <span className="text-sm font-medium">{t('field.quantity')}</span>
          <input
            className={field}
            type="number"
            inputMode="numeric"
            min={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </label>
        <Button
          variant="secondary"
          className="h-12 text-base"
          disabled={!productId || Number(quantity) < 1}
          onClick={() => {
            setLines((ls) => [...ls, { productId, quantity: Number(quantity) }]);
            setProductId('');
            setQuantity('1');
          }}
        >
          {t('field.request.add')}
        </Button>
      </div>
      {lines.length ? (
        <ul
          className="divide-y divide-line rounded-lg border border-line bg-panel"
          aria-label={t('field.request.lines')}
        >
          {lines.map((l) => (
            <li key={l.productId} className="flex items-center justify-between gap-2 px-4 py-2">
              <span>
                {l.quantity} × {nameOf(l.productId)}
              </span>
              <Button
                variant="ghost"
                aria-label={t('field.request.remove', { product: nameOf(l.productId) })}
                onClick={() => setLines((ls) => ls.filter((x) => x.productId !== l.productId))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t('field.request.note')}</span>
        <input className={field} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      {ask.error ? (
        <p role="alert" className="rounded-md bg-danger-50 p-3 text-danger-700">
          {isProblem(ask.error) ? (ask.error.detail ?? ask.error.title) : t('common.loadFailed')}
        </p>
      ) : null}
      {ask.data && !ask.isPending ? (
        <p role="status" className="rounded-md bg-brand-50 p-3">
          {t('field.request.sent', { number: ask.data.number })}
        </p>
      ) : null}
      <Button
        className="h-12 w-full text-base"
        busy={ask.isPending}
        disabled={!lines.length}
        onClick={() => ask.mutate()}
      >
        {t('field.request.send')}
      </Button>
      <h3 className="pt-2 font-semibold">{t('field.request.mine')}</h3>
      {mine.data?.length ? (
        <ul className="space-y-2">
          {mine.data.slice(0, 10).map((r) => (
            <li key={r.id} className="rounded-lg border border-line bg-panel px-4 py-3">
              <p className="flex justify-between gap-2 text-sm text-ink-muted">
                <span>{r.number}</span>
                <span>{formatDate(r.requestedAt)}</span>
              </p>
              <p className="font-medium">
                {r.status === 'fulfilled'
                  ? t('field.request.fulfilled', { number: r.transfer?.number ?? '' })
                  : r.status === 'declined'
                    ? t('field.request.declined', { reason: r.declineReason ?? '' })
                    : t('field.request.open')}
              </p>
              <p className="text-sm">{r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-ink-muted">{t('field.request.none')}</p>
      )}
    </section>
  );
}
