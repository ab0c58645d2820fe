import { useMemo, useState } from 'react';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { formatDate } from '../../../lib/format/date';
import { formatCents } from '../../../lib/format/money';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInvoices, type InvoiceListItem } from '../api/list-invoices';

/** Invoices and credit notes with what is still open, and their PDF and UBL files. */
export function InvoicesTable() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const query = useInvoices({ page, pageSize });
  const columns = useMemo<DataTableColumn<InvoiceListItem>[]>(
    () => [
      { id: 'number', header: t('invoices.number'), cell: (i) => <span className="font-mono">{i.number}</span> },
      { id: 'kind', header: t('invoices.kind'), cell: (i) => label('invoiceKind', i.kind) },
      { id: 'payer', header: t('invoices.payer'), cell: (i) => `${i.payerName} (${label('billTo', i.payer)})` },
      {
        id: 'issueDate',
        header: t('invoices.issueDate'),
        cell: (i) => formatDate(i.issueDate),
        className: 'whitespace-nowrap',
      },
      {
        id: 'dueDate',
        header: t('invoices.dueDate'),
        cell: (i) => (i.kind === 'invoice' ? formatDate(i.dueDate) : '—'),
        className: 'whitespace-nowrap',
      },
      {
        id: 'vat',
        header: t('invoices.vat'),
        cell: (i) =>
          i.reverseCharge ? (
            <span className="whitespace-nowrap">
              <span className="font-medium">{t('invoices.reverseCharge')}</span>
              {i.buyerVatNumber ? (
                <span className="block font-mono text-xs text-ink-muted">{i.buyerVatNumber}</span>
              ) : null}
            </span>
          ) : (
            formatCents(i.vatCents)
          ),
        className: 'text-right tabular-nums',
      },
      {
        id: 'totalCents',
        header: t('invoices.total'),
        cell: (i) => formatCents(i.totalCents),
        className: 'text-right tabular-nums whitespace-nowrap',
      },
      {
        id: 'open',
        header: t('invoices.open'),
        cell: (i) => (i.kind === 'invoice' ? formatCents(i.totalCents - i.paidCents) : '—'),
        className: 'text-right tabular-nums whitespace-nowrap',
      },
      { id: 'status', header: t('invoices.status'), cell: (i) => label('invoiceStatus', i.status) },
      {
        id: 'files',
        header: t('invoices.files'),
        cell: (i) => (
          <span className="flex gap-2">
            <a
              className="text-brand-700 hover:underline"
              href={`/api/invoices/${i.id}/pdf`}
              target="_blank"
              rel="noreferrer"
            >
              PDF
            </a>
            <a className="text-brand-700 hover:underline" href={`/api/invoices/${i.id}/ubl`}>
              UBL
            </a>
          </span>
        ),
      },
    ],
    [t, label],
  );
  return (
    <QueryDataTable
      label={t('invoices.title')}
      columns={columns}
      query={query}
      params={{ page, pageSize }}
      getRowId={(i) => i.id}
      onPageChange={setPage}
      onPageSizeChange={setPageSize}
    />
  );
}
