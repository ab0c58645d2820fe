import { TableScroll } from '../../../design/table-scroll';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input, Textarea } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { formatPostcode } from '../../../lib/format/postcode';
import { useI18n } from '../../../lib/i18n/i18n';
import { signingPdfHref, useDeclinePart, useSignPart, useSigningPart } from '../api/signing';
import { SignaturePad } from './signature-pad';

/** The public signing page: the signer sees exactly their part, signs by typing or drawing, or declines with a reason. */
export function SigningPage({ token }: { token: string }) {
  const { t, label, locale, localized, formatCents, formatDate, formatDay, formatNumber } = useI18n();
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
      {/* What the agreement is about: what is installed, where and when, before what it costs. */}
      <Card title={t('signing.what')}>
        <dl className="flex flex-col gap-3 text-sm">
          <div>
            <dt className="font-medium">{t('signing.where')}</dt>
            <dd>
              {p.installationAddress
                ? `${p.installationAddress.street} ${p.installationAddress.houseNumber}${
                    p.installationAddress.houseNumberAddition ?? ''
                  }, ${formatPostcode(p.installationAddress.postcode)} ${p.installationAddress.city}`
                : t('signing.noAddress')}
            </dd>
          </div>
          <div>
            <dt className="font-medium">{t('signing.installed')}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {p.installedItems.map((item, i) => (
                  <li key={i}>
                    {formatNumber(item.quantity)} × {localized(item.description, item.descriptionEn)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt className="font-medium">{t('signing.when')}</dt>
            <dd>
              <ul className="flex flex-col gap-1">
                {p.visits.map((v) => (
                  <li key={v.sequence}>
                    {v.sequence}. {label('visitType', v.type)} ·{' '}
                    {t('signing.duration', { hours: formatNumber(Math.round(v.durationMinutes / 30) / 2) })}
                    {v.earliestDates[0] ? ` · ${t('signing.earliest', { date: formatDay(v.earliestDates[0]) })}` : ''}
                  </li>
                ))}
              </ul>
              <p className="text-xs text-ink-subtle">{t('signing.planned')}</p>
            </dd>
          </div>
        </dl>
      </Card>
      <Card title={t('signing.price', { number: p.quoteNumber })}>
        <TableScroll label={t('signing.price', { number: p.quoteNumber })}>
          <table className="w-full text-sm" aria-label={t('signing.price', { number: p.quoteNumber })}>
            <tbody>
              {p.lines.map((l, i) => (
                <tr key={i} className="border-t border-line align-top">
                  <td className="py-1">
                    {localized(l.description, l.descriptionEn)}
                    {l.specification ? (
                      <span className="block text-xs text-ink-subtle">
                        {localized(l.specification, l.specificationEn)}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">
                    {formatNumber(l.quantity)} × {formatCents(l.unitPriceCents)}
                    {l.vatCategory === 'reverse_charge' ? (
                      <span className="block text-xs text-ink-subtle">{t('vat.reverseCharge')}</span>
                    ) : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">{formatCents(l.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
          href={signingPdfHref(token, locale)}
          target="_blank"
          rel="noreferrer"
        >
          {t('signing.pdf')}
        </a>
      </Card>
      <Card title={t('signing.terms')}>
        <ul className="flex flex-col gap-2 text-sm">
          <li>{t('signing.validUntil', { date: formatDate(p.validUntil) })}</li>
          <li>{t('signing.conditions', { entity: p.entity.name, website: p.entity.website })}</li>
          {p.consumer ? <li className="font-medium">{t('signing.withdrawal', { entity: p.entity.name })}</li> : null}
        </ul>
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
