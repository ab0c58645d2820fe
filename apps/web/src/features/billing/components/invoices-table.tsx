import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInvoices, type InvoiceListItem, type InvoiceListParams } from '../api/list-invoices';
import { EntityFilter } from '../../reference/components/entity-filter';
import { useEntityName } from '../../reference/api/list-entities';

const ALL = 'all';
const STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'cancelled'] as const;

/** Where a row's number, order and payer lead; a portal without such pages leaves them out. */
export type InvoiceLinks = {
  invoiceHref?: (id: string) => string;
  orderHref?: (id: string) => string;
  customerHref?: (id: string) => string;
  partnerHref?: (id: string) => string;
};

export type InvoicesTableProps = InvoiceLinks & {
  params: InvoiceListParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSearchChange: (q: string) => void;
  /** With it, ops filter by entity, status, payer and overdue. */
  onFilterChange?: (key: 'entityId' | 'status' | 'payer' | 'overdue', value: string | undefined) => void;
};

/** Invoices and credit notes with what is still open, their PDF and UBL, searchable and filtered on the server. */
export function InvoicesTable({
  params,
  onFilterChange,
  invoiceHref,
  orderHref,
  customerHref,
  partnerHref,
  ...handlers
}: InvoicesTableProps) {
  const { t, label, formatCents, formatDate, formatMonth } = useI18n();
  const entityName = useEntityName();
  const query = useInvoices(params);
  const columns = useMemo<DataTableColumn<InvoiceListItem>[]>(
    () => [
      {
        id: 'number',
        header: t('invoices.number'),
        cell: (i) => (
          <>
            {invoiceHref ? (
              <Link
                to={invoiceHref(i.id)}
                className="font-mono font-medium whitespace-nowrap text-brand-700 hover:underline"
              >
                {i.number}
              </Link>
            ) : (
              <span className="font-mono whitespace-nowrap">{i.number}</span>
            )}
            {i.kind === 'credit_note' ? (
              <span className="block text-xs text-ink-muted">{label('invoiceKind', i.kind)}</span>
            ) : null}
          </>
        ),
      },
      { id: 'entity', header: t('invoices.entity'), cell: (i) => entityName(i.entityId) },
      {
        id: 'payer',
        header: t('invoices.payer'),
        cell: (i) => {
          const href =
            i.payer === 'customer' && i.customerId && customerHref
              ? customerHref(i.customerId)
              : i.payer === 'partner' && i.partnerId && partnerHref
                ? partnerHref(i.partnerId)
                : null;
          return (
            <span>
              {href ? (
                <Link to={href} className="text-brand-700 hover:underline">
                  {i.payerName}
                </Link>
              ) : (
                i.payerName
              )}{' '}
              <span className="text-xs text-ink-muted">({label('billTo', i.payer)})</span>
            </span>
          );
        },
      },
      {
        id: 'order',
        header: t('invoices.order'),
        cell: (i) =>
          i.orderId && i.orderNumber ? (
            orderHref ? (
              <Link to={orderHref(i.orderId)} className="font-mono whitespace-nowrap text-brand-700 hover:underline">
                {i.orderNumber}
              </Link>
            ) : (
              <span className="font-mono whitespace-nowrap">{i.orderNumber}</span>
            )
          ) : i.periodMonth ? (
            formatMonth(i.periodMonth)
          ) : (
            '—'
          ),
      },
      {
        id: 'dates',
        header: t('invoices.dates'),
        cell: (i) => (
          <>
            {formatDate(i.issueDate)}
            {i.kind === 'invoice' ? (
              <span className="block text-xs text-ink-muted">{formatDate(i.dueDate)}</span>
            ) : null}
          </>
        ),
        className: 'whitespace-nowrap',
      },
      {
        id: 'totalCents',
        header: t('invoices.total'),
        cell: (i) => (
          <>
            {formatCents(i.totalCents)}
            {i.reverseCharge ? (
              <span className="block text-xs text-ink-muted" title={i.buyerVatNumber ?? undefined}>
                {t('invoices.reverseCharge')}
              </span>
            ) : null}
          </>
        ),
        className: 'text-right tabular-nums whitespace-nowrap',
      },
      {
        id: 'open',
        header: t('invoices.open'),
        cell: (i) => (i.kind === 'invoice' ? formatCents(i.openCents) : '—'),
        className: 'text-right tabular-nums whitespace-nowrap',
      },
      { id: 'status', header: t('invoices.status'), cell: (i) => label('invoiceStatus', i.status) },
      // Where an invoice has its own page, its files are there; elsewhere the row links them.
      ...(invoiceHref
        ? []
        : [{ id: 'files', header: t('invoices.files'), cell: (i: InvoiceListItem) => <InvoiceFiles id={i.id} /> }]),
    ],
    [t, label, entityName, invoiceHref, orderHref, customerHref, partnerHref],
  );
  const filter = (key: 'entityId' | 'status' | 'payer' | 'overdue') => (v: string | undefined) =>
    onFilterChange?.(key, v === ALL ? undefined : v);
  const toolbar = onFilterChange ? (
    <>
      <EntityFilter value={params.entityId} onChange={filter('entityId')} />
      <Select
        label={t('invoices.status')}
        value={params.status ?? ALL}
        onValueChange={filter('status')}
        options={[
          { value: ALL, label: t('invoices.allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: label('invoiceStatus', s) })),
        ]}
      />
      <Select
        label={t('invoices.payer')}
        value={params.payer ?? ALL}
        onValueChange={filter('payer')}
        options={[
          { value: ALL, label: t('invoices.allPayers') },
          { value: 'customer', label: label('billTo', 'customer') },
          { value: 'partner', label: label('billTo', 'partner') },
        ]}
      />
      <Select
        label={t('invoices.overdueFilter')}
        value={params.overdue ?? ALL}
        onValueChange={filter('overdue')}
        options={[
          { value: ALL, label: t('invoices.overdueAll') },
          { value: 'true', label: t('invoices.overdueOnly') },
          { value: 'false', label: t('invoices.overdueNot') },
        ]}
      />
    </>
  ) : undefined;
  return (
    <QueryDataTable
      label={t('invoices.title')}
      columns={columns}
      query={query}
      params={params}
      getRowId={(i) => i.id}
      searchLabel={t('invoices.search')}
      toolbar={toolbar}
      {...handlers}
    />
  );
}

/** The invoice as PDF (opens in a tab) and as UBL (downloads). */
export function InvoiceFiles({ id }: { id: string }) {
  // A link opens without the app's Accept-Language: the PDF's language goes in its address.
  const { locale } = useI18n();
  const lang = locale === 'en' ? '?lang=en' : '';
  return (
    <span className="flex gap-2">
      <a
        className="text-brand-700 hover:underline"
        href={`/api/invoices/${id}/pdf${lang}`}
        target="_blank"
        rel="noreferrer"
      >
        PDF
      </a>
      <a className="text-brand-700 hover:underline" href={`/api/invoices/${id}/ubl`}>
        UBL
      </a>
    </span>
  );
}
