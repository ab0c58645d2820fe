import { billingRuleText } from '../billing-rule-text';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { formatDate, formatDateTime } from '../../../lib/format/date';
import { formatCents } from '../../../lib/format/money';
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
  above,
}: {
  quoteId: string;
  staff: boolean;
  canEdit?: boolean;
  ownSide?: 'customer' | 'partner';
  orderHref?: (id: string) => string;
  above?: (q: { number: string }) => ReactNode;
}) {
  const entityName = useEntityName();
  const { t, label } = useI18n();
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
          href={`/api/quotes/${q.id}/pdf?view=customer`}
          target="_blank"
          rel="noreferrer"
        >
          {t('quote.customerPdf')}
        </a>
      ) : null}
      {q.partnerId && (staff || ownSide === 'partner') ? (
        <a
          className="text-sm text-brand-700 hover:underline"
          href={`/api/quotes/${q.id}/pdf?view=partner`}
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
      <div className="grid gap-4 lg:grid-cols-2">
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
      <Card title={t('quote.versions')}>
        <QuoteVersions quote={q} ownSide={ownSide} />
      </Card>
    </div>
  );
}

function QuoteLines({ quote, ownSide }: { quote: QuoteDetail; ownSide?: 'customer' | 'partner' | undefined }) {
  const { t, label } = useI18n();
  // The other side's prices are not sent (they arrive as 0), so they show as unknown, not as free.
  const price = (cents: number, billTo: string) => (ownSide && billTo !== ownSide ? '—' : formatCents(cents));
  return (
    <table className="w-full text-sm" aria-label={t('quote.lines')}>
      <thead className="text-left text-xs text-ink-muted uppercase">
        <tr>
          <th scope="col" className="px-2 py-1">
            {t('quote.description')}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            {t('quote.quantity')}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            {t('quote.price')}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            {t('quote.vat')}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            {t('quote.total')}
          </th>
          <th scope="col" className="px-2 py-1">
            {t('quote.billTo')}
          </th>
          <th scope="col" className="px-2 py-1">
            {t('quote.rule')}
          </th>
        </tr>
      </thead>
      <tbody>
        {quote.lines.map((l) => (
          <tr key={l.position} className="border-t border-line align-top">
            <td className="px-2 py-1">
              {l.kitId ? (
                <span className="mr-1 rounded bg-brand-50 px-1 text-xs text-brand-800">{t('quoteEditor.kit')}</span>
              ) : null}
              {l.description}
              {l.specification ? <span className="block text-xs text-ink-subtle">{l.specification}</span> : null}
            </td>
            <td className="px-2 py-1 text-right tabular-nums">{l.quantity}</td>
            <td className="px-2 py-1 text-right tabular-nums">{price(l.unitPriceCents, l.billTo)}</td>
            <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">
              {l.vatCategory === 'reverse_charge' ? t('vat.reverseCharge') : `${l.vatRate}%`}
            </td>
            <td className="px-2 py-1 text-right tabular-nums">{price(l.totalCents, l.billTo)}</td>
            <td className="px-2 py-1 font-medium">{label('billTo', l.billTo)}</td>
            <td className="px-2 py-1 text-xs text-ink-muted">{billingRuleText(l.billingRule, t, label)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-line font-semibold">
          <td className="px-2 py-1" colSpan={3}>
            {ownSide
              ? t(ownSide === 'customer' ? 'quotes.customerTotal' : 'quotes.partnerTotal')
              : `${t('quotes.customerTotal')} / ${t('quotes.partnerTotal')}`}
          </td>
          <td className="px-2 py-1 text-right tabular-nums" colSpan={4}>
            {ownSide
              ? formatCents(ownSide === 'customer' ? quote.customerTotalCents : quote.partnerTotalCents)
              : `${formatCents(quote.customerTotalCents)} / ${formatCents(quote.partnerTotalCents)}`}
          </td>
        </tr>
        {quote.partnerVatNumber && quote.lines.some((l) => l.vatCategory === 'reverse_charge') ? (
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
