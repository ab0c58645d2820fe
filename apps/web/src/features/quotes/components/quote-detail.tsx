import { billingRuleText } from '../billing-rule-text';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useQuote, type QuoteDetail } from '../api/get-quote';
import { useQuoteAction } from '../api/quote-actions';
import { QuoteVersions } from './quote-versions';
import { ReviseQuoteLines } from './revise-quote-lines';
import { QuoteVisits } from './quote-visits';
import { useEntityName } from '../../reference/api/list-entities';

/**
 * One quote: the lines with who pays each and why, the visits, both signatures and every version.
 * Staff see both PDFs and the earliest visit dates; only those who manage quotes (`canEdit`) send,
 * renew and edit them. Outside staff, `ownSide` is the only PDF offered.
 */
export function QuoteDetailView({
  quoteId,
  staff,
  canEdit = false,
  ownSide,
  orderHref,
  customerHref,
  leadHref,
  above,
}: {
  quoteId: string;
  staff: boolean;
  canEdit?: boolean;
  ownSide?: 'customer' | 'partner';
  orderHref?: (id: string) => string;
  /** Staff pages link the customer and the lead the quote came from. */
  customerHref?: (id: string) => string;
  leadHref?: (id: string) => string;
  above?: (q: { number: string }) => ReactNode;
}) {
  const entityName = useEntityName();
  const { t, label, locale, formatDate, formatDateTime } = useI18n();
  // A link opens without the app's Accept-Language: the PDF's language goes in its address.
  const lang = locale === 'en' ? '&lang=en' : '';
  // The intake questionnaire's own questions and answers name what the customer said.
  const intakeLabel = (key: string) => label('intake', key === 'distanceCabinetToParkingMeters' ? 'distance' : key);
  const query = useQuote(quoteId);
  const send = useQuoteAction(quoteId, 'send');
  const renew = useQuoteAction(quoteId, 'renew');
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} notFound={t('quotes.notFound')} />;
  const q = query.data;
  const actions = (
    <div className="flex flex-wrap gap-2">
      {staff || ownSide === 'customer' ? (
        <a
          className="text-sm text-brand-700 hover:underline"
          href={`/api/quotes/${q.id}/pdf?view=customer${lang}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('quote.customerPdf')}
        </a>
      ) : null}
      {q.partnerId && (staff || ownSide === 'partner') ? (
        <a
          className="text-sm text-brand-700 hover:underline"
          href={`/api/quotes/${q.id}/pdf?view=partner${lang}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('quote.partnerPdf')}
        </a>
      ) : null}
      {canEdit && q.status === 'draft' ? (
        <Button size="sm" busy={send.isPending} onClick={() => send.mutate(q.lockVersion)}>
          {t('quote.send')}
        </Button>
      ) : null}
      {canEdit && (q.status === 'expired' || q.status === 'declined') ? (
        <Button size="sm" busy={renew.isPending} onClick={() => renew.mutate(q.lockVersion)}>
          {t('quote.renew')}
        </Button>
      ) : null}
      {customerHref ? (
        <Link className="text-sm text-brand-700 hover:underline" to={customerHref(q.customerId)}>
          {t('quote.customer')}
        </Link>
      ) : null}
      {q.leadId && leadHref ? (
        <Link className="text-sm text-brand-700 hover:underline" to={leadHref(q.leadId)}>
          {q.lead ? t('quote.lead', { number: q.lead.number }) : t('leads.lead')}
        </Link>
      ) : null}
      {q.orderId && orderHref ? (
        <Link className="text-sm font-medium text-brand-700 hover:underline" to={orderHref(q.orderId)}>
          {t('quote.order')}
        </Link>
      ) : null}
    </div>
  );
  return (
    <div className="flex flex-col gap-4">
      {above?.(q)}
      <PageHeader
        title={t('quote.title', { number: q.number })}
        subtitle={[
          q.customerName,
          q.partnerName,
          entityName(q.entityId),
          `${label('quoteStatus', q.status)} · v${q.currentVersion}`,
          `${t('quotes.validUntil')} ${formatDate(q.validUntil)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={actions}
      />
      {send.isError ? <ErrorNotice error={send.error} /> : null}
      {renew.isError ? <ErrorNotice error={renew.error} /> : null}
      {/* A signed or expired quote is history: only renewing brings it back. */}
      <Card
        title={t('quote.lines')}
        actions={
          canEdit && q.status !== 'signed' && q.status !== 'expired' ? (
            <Button size="sm" variant="secondary" onClick={() => setEditing(!editing)}>
              {editing ? t('quoteEditor.cancel') : t('quoteEditor.edit')}
            </Button>
          ) : null
        }
      >
        {editing ? (
          <ReviseQuoteLines key={q.lockVersion} quote={q} onDone={() => setEditing(false)} />
        ) : (
          <QuoteLines quote={q} ownSide={ownSide} />
        )}
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t('quote.visits')}>
          <QuoteVisits quote={q} staff={staff} />
        </Card>
        <Card title={t('quote.signatures')}>
          {q.signatures.length === 0 ? <p className="text-sm text-ink-muted">{t('quote.noSignatures')}</p> : null}
          <ul className="flex flex-col gap-2 text-sm">
            {q.signatures.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{label('billTo', s.role)}</span> · v{s.version} ·{' '}
                {label('signatureStatus', s.status)}
                {s.signerName ? ` · ${s.signerName}` : ''}
                {s.usedAt ? ` · ${formatDateTime(s.usedAt)}` : ''}
                {s.declineReason ? ` · “${s.declineReason}”` : ''}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      {q.lead && (q.lead.notes || q.lead.intakeAnswers) ? (
        <Card title={t('quote.fromLead', { number: q.lead.number })}>
          {q.lead.notes ? <p className="text-sm">{q.lead.notes}</p> : null}
          {q.lead.intakeAnswers ? (
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
              {Object.entries(q.lead.intakeAnswers).map(([key, value]) => (
                <div key={key} className="flex min-w-0 gap-2">
                  <dt className="text-ink-muted">{intakeLabel(key)}</dt>
                  <dd className="min-w-0 break-words">{label(`intake.${key}`, String(value))}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </Card>
      ) : null}
      <Card title={t('quote.versions')}>
        <QuoteVersions quote={q} ownSide={ownSide} />
      </Card>
    </div>
  );
}

function QuoteLines({ quote, ownSide }: { quote: QuoteDetail; ownSide?: 'customer' | 'partner' | undefined }) {
  const { t, label, localized, formatCents, formatNumber } = useI18n();
  // The other side's prices are not sent (they arrive as 0): each side reads who pays that line, never € 0,00.
  const otherSide = (billTo: string) => ownSide !== undefined && billTo !== ownSide;
  // Who pays a line and by which rule is for staff and the partner; a customer sees every line of the work
  // (what is installed at their home) but the prices of their own only.
  const showPayer = ownSide !== 'customer';
  const cell = 'px-2 py-1';
  // On a phone the unit price and VAT move under the description, so the table fits its card.
  const wide = 'hidden sm:table-cell';
  return (
    <table className="w-full table-fixed text-sm sm:table-auto" aria-label={t('quote.lines')}>
      <thead className="text-left text-xs text-ink-muted uppercase">
        <tr>
          <th scope="col" className={`${cell} w-1/2 sm:w-auto`}>
            {t('quote.description')}
          </th>
          <th scope="col" className={`${cell} text-right`}>
            {t('quote.quantity')}
          </th>
          <th scope="col" className={`${cell} ${wide} text-right`}>
            {t('quote.price')}
          </th>
          <th scope="col" className={`${cell} ${wide} text-right`}>
            {t('quote.vat')}
          </th>
          <th scope="col" className={`${cell} text-right`}>
            {t('quote.total')}
          </th>
          {showPayer ? (
            <th scope="col" className={`${cell} ${wide}`}>
              {t('quote.billTo')}
            </th>
          ) : null}
          {showPayer ? (
            <th scope="col" className={`${cell} ${wide}`}>
              {t('quote.rule')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {quote.lines.map((l) => {
          const vat = l.vatCategory === 'reverse_charge' ? t('vat.reverseCharge') : `${l.vatRate}%`;
          return (
            <tr key={l.position} className="border-t border-line align-top">
              <td className={`${cell} break-words`}>
                {l.kitId ? (
                  <span className="mr-1 rounded bg-brand-50 px-1 text-xs text-brand-800">{t('quoteEditor.kit')}</span>
                ) : null}
                {localized(l.description, l.descriptionEn)}
                {l.specification ? (
                  <span className="block text-xs text-ink-subtle">{localized(l.specification, l.specificationEn)}</span>
                ) : null}
                {otherSide(l.billTo) ? null : (
                  <span className="block text-xs text-ink-subtle sm:hidden">
                    {`${formatCents(l.unitPriceCents)} · ${t('quote.vat')} ${vat}`}
                  </span>
                )}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{formatNumber(l.quantity)}</td>
              <td className={`${cell} ${wide} text-right tabular-nums`}>
                {otherSide(l.billTo) ? '' : formatCents(l.unitPriceCents)}
              </td>
              <td className={`${cell} ${wide} text-right tabular-nums whitespace-nowrap`}>
                {otherSide(l.billTo) ? '' : vat}
              </td>
              <td className={`${cell} text-right tabular-nums`}>
                {otherSide(l.billTo) ? (
                  <span className="text-xs text-ink-muted">
                    {t(l.billTo === 'customer' ? 'quote.paidByCustomer' : 'quote.paidByPartner')}
                  </span>
                ) : (
                  formatCents(l.totalCents)
                )}
              </td>
              {showPayer ? <td className={`${cell} ${wide} font-medium`}>{label('billTo', l.billTo)}</td> : null}
              {showPayer ? (
                <td className={`${cell} ${wide} text-xs text-ink-muted`}>{billingRuleText(l.billingRule, t, label)}</td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-line font-semibold">
          <td className={cell} colSpan={2}>
            {ownSide
              ? t(ownSide === 'customer' ? 'quotes.customerTotal' : 'quotes.partnerTotal')
              : `${t('quotes.customerTotal')} / ${t('quotes.partnerTotal')}`}
          </td>
          <td className={`${cell} ${wide}`} colSpan={2} />
          <td className={`${cell} text-right tabular-nums`} colSpan={showPayer ? 3 : 1}>
            {ownSide
              ? formatCents(ownSide === 'customer' ? quote.customerTotalCents : quote.partnerTotalCents)
              : `${formatCents(quote.customerTotalCents)} / ${formatCents(quote.partnerTotalCents)}`}
          </td>
        </tr>
        {ownSide !== 'customer' &&
        quote.partnerVatNumber &&
        quote.lines.some((l) => l.vatCategory === 'reverse_charge') ? (
          <tr>
            <td className="px-2 py-1 text-xs text-ink-muted" colSpan={7}>
              {t('vat.shiftedTo', { party: quote.partnerName ?? '', number: quote.partnerVatNumber })}
            </td>
          </tr>
        ) : null}
      </tfoot>
    </table>
  );
}
