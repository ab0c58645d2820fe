import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { formatHouseNumber, formatPostcode } from '../../../lib/format/postcode';
import { formatPhone } from '../../../lib/format/phone';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCustomers, type CustomerListItem, type CustomerListParams } from '../api/list-customers';
import { useEntityName } from '../../reference/api/list-entities';

export type CustomersTableProps = {
  params: CustomerListParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortChange: (sort: string | undefined) => void;
  onSearchChange: (q: string) => void;
  customerHref: (id: string) => string;
  /** Filters composed by the route (e.g. business entity), shown beside the search box. */
  toolbar?: ReactNode;
};

/** All customers, server-paged; search matches name, postcode and email on the server. */
export function CustomersTable({ params, customerHref, ...handlers }: CustomersTableProps) {
  const entityName = useEntityName();
  const { t, label, formatDate } = useI18n();
  const query = useCustomers(params);

  const columns = useMemo<DataTableColumn<CustomerListItem>[]>(
    () => [
      {
        id: 'number',
        header: t('customers.number'),
        cell: (c) => <span className="font-mono text-xs">{c.number}</span>,
        className: 'whitespace-nowrap',
      },
      {
        id: 'name',
        header: t('customers.name'),
        sortable: true,
        cell: (c) => (
          <Link to={customerHref(c.id)} className="font-medium text-brand-700 hover:underline">
            {c.name}
          </Link>
        ),
      },
      {
        id: 'postcode',
        header: t('customers.address'),
        sortable: true,
        cell: (c) =>
          c.postcode
            ? `${formatPostcode(c.postcode)}${c.houseNumber ? ` ${formatHouseNumber(c.houseNumber, c.houseNumberAddition)}` : ''}${c.city ? `, ${c.city}` : ''}`
            : '—',
      },
      { id: 'email', header: t('customers.email'), cell: (c) => c.email ?? '—' },
      {
        id: 'phone',
        header: t('customers.phone'),
        cell: (c) => (c.phone ? formatPhone(c.phone) : '—'),
        className: 'whitespace-nowrap',
      },
      { id: 'status', header: t('customers.status'), cell: (c) => label('customerStatus', c.status) },
      { id: 'entities', header: t('customers.entities'), cell: (c) => c.entities.map(entityName).join(', ') },
      {
        id: 'createdAt',
        header: t('customers.createdAt'),
        sortable: true,
        cell: (c) => formatDate(c.createdAt),
        className: 'whitespace-nowrap',
      },
    ],
    [t, label, customerHref],
  );

  return (
    <QueryDataTable
      label={t('customers.title')}
      columns={columns}
      query={query}
      params={params}
      getRowId={(c) => c.id}
      searchLabel={t('customers.search')}
      {...handlers}
    />
  );
}
