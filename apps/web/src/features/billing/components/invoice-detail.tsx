import { TableScroll } from '../../../design/table-scroll';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInvoice, type InvoiceDetail } from '../api/get-invoice';
import { useEntityName } from '../../reference/api/list-entities';
import { InvoiceFiles, type InvoiceLinks } from './invoices-table';
import { RecordPaymentForm } from './record-payment-form';
import { CreditNoteForm } from './credit-note-form';

const linkClass = 'text-brand-700 hover:underline';

/**
 * One invoice as ops see it: who pays, for which order, its lines, payments and credit notes, what is
 * still open, its files; with `canManage`, a payment or a credit note is recorded from here.
 */
export function InvoiceDetailView({
  invoiceId,
  canManage,
  links,
}: {
  invoiceId: string;
  canManage: boolean;
  links: Required<InvoiceLinks>;
}) {
  const { t, label } = useI18n();
  const query = useInvoice(invoiceId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} notFound={t('invoice.notFound')} />;
  const invoice = query.data;
  const payable = invoice.kind === 'invoice' && invoice.openCents > 0 && invoice.status !== 'cancelled';
  const creditable = invoice.lines.some((l) => l.creditableQuantity > 0);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={`${label('invoiceKind', invoice.kind)} ${invoice.number}`} subtitle={invoice.payerName} />
      <Summary invoice={invoice} links={links} />
      <Lines invoice={invoice} />
      {invoice.kind === 'invoice' ? <Payments invoice={invoice} /> : null}
      {invoice.kind === 'invoice' ? <CreditNotes invoice={invoice} links={links} /> : null}
      {canManage && payable ? <RecordPaymentForm invoiceId={invoice.id} openCents={invoice.openCents} /> : null}
      {canManage && creditable ? <CreditNoteForm invoice={invoice} invoiceHref={links.invoiceHref} /> : null}
    </div>
  );
}

function Summary({ invoice, links }: { invoice: InvoiceDetail; links: Required<InvoiceLinks> }) {
  const { t, label, formatCents, formatDate, formatDateTime, formatMonth } = useI18n();
  const entityName = useEntityName();
  const payerHref =
    invoice.payer === 'customer' && invoice.customerId
      ? links.customerHref(invoice.customerId)
      : invoice.partnerId
        ? links.partnerHref(invoice.partnerId)
        : null;
  const rows: [string, ReactNode][] = [
    [t('invoices.kind'), label('invoiceKind', invoice.kind)],
    [t('invoices.status'), <strong key="s">{label('invoiceStatus', invoice.status)}</strong>],
    [t('invoices.entity'), entityName(invoice.entityId)],
    [
      t('invoices.payer'),
      <span key="p">
        {payerHref ? (
          <Link to={payerHref} className={linkClass}>
            {invoice.payerName}
          </Link>
        ) : (
          invoice.payerName
        )}{' '}
        ({label('billTo', invoice.payer)})
      </span>,
    ],
  ];
  if (invoice.orderId && invoice.orderNumber)
    rows.push([
      t('invoices.order'),
      <Link key="o" to={links.orderHref(invoice.orderId)} className={`font-mono ${linkClass}`}>
        {invoice.orderNumber}
      </Link>,
    ]);
  if (invoice.periodMonth) rows.push([t('invoice.period'), formatMonth(invoice.periodMonth)]);
  if (invoice.creditedInvoiceId && invoice.creditedInvoiceNumber)
    rows.push([
      t('invoice.corrects'),
      <Link key="c" to={links.invoiceHref(invoice.creditedInvoiceId)} className={`font-mono ${linkClass}`}>
        {invoice.creditedInvoiceNumber}
      </Link>,
    ]);
  if (invoice.reason) rows.push([t('invoice.reason'), invoice.reason]);
  rows.push([t('invoices.issueDate'), formatDate(invoice.issueDate)]);
  if (invoice.kind === 'invoice') rows.push([t('invoices.dueDate'), formatDate(invoice.dueDate)]);
  if (invoice.paymentReminder)
    rows.push([
      t('reminders.sent'),
      t('reminders.sentStep', {
        step: invoice.paymentReminder.step,
        days: invoice.paymentReminder.days,
        at: formatDateTime(invoice.paymentReminder.sentAt),
      }),
    ]);
  if (invoice.reverseCharge)
    rows.push([t('invoices.vat'), `${t('invoices.reverseCharge')} · ${invoice.buyerVatNumber ?? ''}`]);
  rows.push([t('invoices.files'), <InvoiceFiles key="f" id={invoice.id} />]);
  const money: [string, number, boolean?][] = [
    [t('invoice.subtotal'), invoice.subtotalCents],
    [t('invoices.vat'), invoice.vatCents],
    [t('invoices.total'), invoice.totalCents, true],
  ];
  if (invoice.kind === 'invoice')
    money.push(
      [t('invoice.paid'), invoice.paidCents ? -invoice.paidCents : 0],
      [t('invoice.credited'), invoice.creditedCents ? -invoice.creditedCents : 0],
      [t('invoices.open'), invoice.openCents, true],
    );
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Card title={t('invoice.details')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-ink-muted">{name}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t('invoice.amounts')}>
        <dl className="grid max-w-sm grid-cols-2 gap-1 text-sm">
          {money.map(([name, cents, bold]) => (
            <div key={name} className="contents">
              <dt className={bold ? 'font-semibold' : ''}>{name}</dt>
              <dd
                className={`text-right tabular-nums ${bold ? 'font-semibold' : ''}`}
                data-testid={name === t('invoices.open') ? 'invoice-open' : undefined}
              >
                {formatCents(cents)}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

function Lines({ invoice }: { invoice: InvoiceDetail }) {
  const { t, localized, formatCents, formatNumber } = useI18n();
  return (
    <Card title={t('invoice.lines')}>
      <TableScroll label={t('invoice.lines')}>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-ink-muted uppercase">
            <tr>
              <th className="px-2 py-1">#</th>
              <th className="px-2 py-1">{t('invoice.description')}</th>
              <th className="px-2 py-1 text-right">{t('invoice.quantity')}</th>
              <th className="px-2 py-1 text-right">{t('invoice.unitPrice')}</th>
              <th className="px-2 py-1 text-right">{t('invoice.vatRate')}</th>
              <th className="px-2 py-1 text-right">{t('invoice.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.position} className="border-t border-line">
                <td className="px-2 py-1">{l.position}</td>
                <td className="px-2 py-1">{localized(l.description, l.descriptionEn)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatNumber(l.quantity)}</td>
                <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">{formatCents(l.unitPriceCents)}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {l.vatCategory === 'reverse_charge' ? t('invoices.reverseCharge') : `${l.vatRate}%`}
                </td>
                <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">{formatCents(l.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}

function Payments({ invoice }: { invoice: InvoiceDetail }) {
  const { t, label, formatCents, formatDate } = useI18n();
  return (
    <Card title={t('invoice.payments')}>
      {invoice.payments.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('invoice.noPayments')}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {invoice.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap justify-between gap-2">
              <span>
                {formatDate(p.paidAt)} · {label('paymentMethod', p.method)}
                {p.reference ? ` · ${p.reference}` : ''}
              </span>
              <span className="tabular-nums">{formatCents(p.amountCents)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CreditNotes({ invoice, links }: { invoice: InvoiceDetail; links: Required<InvoiceLinks> }) {
  const { t, formatCents, formatDate } = useI18n();
  return (
    <Card title={t('invoice.creditNotes')}>
      {invoice.creditNotes.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('invoice.noCreditNotes')}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {invoice.creditNotes.map((c) => (
            <li key={c.id} className="flex flex-wrap justify-between gap-2">
              <span>
                <Link to={links.invoiceHref(c.id)} className={`font-mono ${linkClass}`}>
                  {c.number}
                </Link>{' '}
                · {formatDate(c.issueDate)}
                {c.reason ? ` · ${c.reason}` : ''}
              </span>
              <span className="tabular-nums">{formatCents(c.totalCents)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
