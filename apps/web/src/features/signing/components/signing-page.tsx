import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input, Textarea } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { formatCents } from '../../../lib/format/money';
import { useI18n } from '../../../lib/i18n/i18n';
import { signingPdfHref, useDeclinePart, useSignPart, useSigningPart } from '../api/signing';
import { SignaturePad } from './signature-pad';

/** The public signing page: the signer sees exactly their part, signs by typing or drawing, or declines with a reason. */
export function SigningPage({ token }: { token: string }) {
  const { t } = useI18n();
  const part = useSigningPart(token);
  const sign = useSignPart(token);
  const decline = useDeclinePart(token);
  const [name, setName] = useState('');
  const [method, setMethod] = useState<'typed' | 'drawn'>('typed');
  const [image, setImage] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  if (part.isPending) return <Spinner label={t('common.loading')} />;
  if (part.isError) return <Notice tone="error">{t('signing.invalid')}</Notice>;
  const p = part.data;
  if (sign.isSuccess) return <Notice tone="success">{t('signing.done')}</Notice>;
  if (decline.isSuccess) return <Notice tone="info">{t('signing.declined')}</Notice>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate(method === 'drawn' && image ? { name, method, signatureImage: image } : { name, method: 'typed' });
  };
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 p-4">
      <header className="rounded p-4 text-white" style={{ backgroundColor: p.entity.brandColor }}>
        <p className="text-xl font-bold">{p.entity.name}</p>
        <h1 className="text-lg">{t('signing.title', { number: p.quoteNumber })}</h1>
      </header>
      <p className="text-sm">
        {p.signerParty} — {t('signing.intro', { version: p.version })}
      </p>
      <Card title={p.quoteNumber}>
        <table className="w-full text-sm">
          <tbody>
            {p.lines.map((l, i) => (
              <tr key={i} className="border-t border-line align-top">
                <td className="py-1">
                  {l.description}
                  {l.specification ? <span className="block text-xs text-ink-subtle">{l.specification}</span> : null}
                </td>
                <td className="py-1 text-right tabular-nums">
                  {l.quantity} × {formatCents(l.unitPriceCents)}
                  {l.vatCategory === 'reverse_charge' ? (
                    <span className="block text-xs text-ink-subtle">{t('vat.reverseCharge')}</span>
                  ) : null}
                </td>
                <td className="py-1 text-right tabular-nums">{formatCents(l.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="mt-3 grid grid-cols-2 gap-1 text-sm">
          <dt>{t('signing.net')}</dt>
          <dd className="text-right tabular-nums">{formatCents(p.netCents)}</dd>
          <dt>{t('signing.vat')}</dt>
          <dd className="text-right tabular-nums">{formatCents(p.vatCents)}</dd>
          <dt className="font-semibold">{t('signing.gross')}</dt>
          <dd className="text-right font-semibold tabular-nums">{formatCents(p.grossCents)}</dd>
        </dl>
        {p.buyerVatNumber ? (
          <p className="mt-2 text-sm">{t('vat.shiftedTo', { party: p.signerParty, number: p.buyerVatNumber })}</p>
        ) : null}
        <p className="mt-3 text-xs break-all text-ink-subtle">{t('signing.hash', { hash: p.documentSha256 })}</p>
        <a
          className="text-sm text-brand-700 hover:underline"
          href={signingPdfHref(token)}
          target="_blank"
          rel="noreferrer"
        >
          {t('signing.pdf')}
        </a>
      </Card>
      {p.status !== 'pending' ? (
        <Notice tone="info">{t('signing.alreadyUsed')}</Notice>
      ) : (
        <Card title={t('signing.sign')}>
          <form className="flex flex-col gap-3" onSubmit={submit}>
            <Input
              label={t('signing.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              minLength={2}
              autoComplete="name"
            />
            <fieldset className="flex gap-4 text-sm">
              {(['typed', 'drawn'] as const).map((m) => (
                <label key={m} className="flex items-center gap-1">
                  <input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} />
                  {t(`signing.${m}`)}
                </label>
              ))}
            </fieldset>
            {method === 'typed' ? (
              <p className="font-serif text-2xl italic">{name}</p>
            ) : (
              <SignaturePad onChange={setImage} />
            )}
            {sign.isError ? <ErrorNotice error={sign.error} /> : null}
            <div className="flex gap-2">
              <Button
                type="submit"
                busy={sign.isPending}
                disabled={name.trim().length < 2 || (method === 'drawn' && !image)}
              >
                {t('signing.sign')}
              </Button>
              <Button variant="secondary" onClick={() => setDeclining(true)}>
                {t('signing.decline')}
              </Button>
            </div>
          </form>
          {declining ? (
            <form
              className="mt-4 flex flex-col gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                decline.mutate(reason);
              }}
            >
              <Textarea
                label={t('signing.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                minLength={3}
              />
              {decline.isError ? <ErrorNotice error={decline.error} /> : null}
              <Button type="submit" variant="danger" busy={decline.isPending} disabled={reason.trim().length < 3}>
                {t('signing.confirmDecline')}
              </Button>
            </form>
          ) : null}
        </Card>
      )}
    </div>
  );
}
