import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import type { ListParams } from '../../../lib/http/paged';
import { useI18n } from '../../../lib/i18n/i18n';
import { useQuotes, type QuoteListItem } from '../api/list-quotes';

export type QuotesTableProps = {
  params: ListParams;
  quoteHref: (id: string) => string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortChange: (sort: string | undefined) => void;
  onSearchChange: (q: string) => void;
  /** A customer's or partner's own part: the other side's total is not theirs to see, so it has no column. */
  ownSide?: 'customer' | 'partner';
};

/** Quotes with both parts' totals for staff; a customer or partner sees only its own part. */
export function QuotesTable({ params, quoteHref, ownSide, ...handlers }: QuotesTableProps) {
  const { t, label, formatCents, formatDate } = useI18n();
  const query = useQuotes(params);
  const columns = useMemo<DataTableColumn<QuoteListItem>[]>(
    () => [
      {
        id: 'number',
        header: t('quotes.number'),
        sortable: true,
        cell: (q) => (
          <Link to={quoteHref(q.id)} className="font-mono font-medium text-brand-700 hover:underline">
            {q.number}
          </Link>
        ),
      },
      { id: 'customerName', header: t('quotes.customer'), cell: (q) => q.customerName },
      { id: 'partnerName', header: t('quotes.partner'), cell: (q) => q.partnerName ?? '—' },
      {
        id: 'status',
        header: t('quotes.status'),
        cell: (q) => `${label('quoteStatus', q.status)} · v${q.currentVersion}`,
      },
      ...(ownSide === 'partner'
        ? []
        : [
            {
              id: 'customerTotalCents',
              header: t('quotes.customerTotal'),
              cell: (q: QuoteListItem) => formatCents(q.customerTotalCents),
              className: 'text-right tabular-nums whitespace-nowrap',
            },
          ]),
      ...(ownSide === 'customer'
        ? []
        : [
            {
              id: 'partnerTotalCents',
              header: t('quotes.partnerTotal'),
              cell: (q: QuoteListItem) => formatCents(q.partnerTotalCents),
              className: 'text-right tabular-nums whitespace-nowrap',
            },
          ]),
      {
        id: 'validUntil',
        header: t('quotes.validUntil'),
        cell: (q) => formatDate(q.validUntil),
        className: 'whitespace-nowrap',
      },
      {
        id: 'createdAt',
        header: t('orders.createdAt'),
        sortable: true,
        cell: (q) => formatDate(q.createdAt),
        className: 'whitespace-nowrap',
      },
    ],
    [t, label, quoteHref, ownSide],
  );
  return (
    <QueryDataTable
      label={t('quotes.title')}
      columns={columns}
      query={query}
      params={params}
      getRowId={(q) => q.id}
      searchLabel={t('quotes.search')}
      {...handlers}
    />
  );
}
