import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePartners, type PartnerListItem, type PartnerListParams } from '../api/list-partners';
import { useEntityName } from '../../reference/api/list-entities';

export type PartnersTableProps = {
  params: PartnerListParams;
  partnerHref: (id: string) => string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortChange: (sort: string | undefined) => void;
  onSearchChange: (q: string) => void;
};

/** All partners, server-paged; search matches name, number and email. */
export function PartnersTable({ params, partnerHref, ...handlers }: PartnersTableProps) {
  const entityName = useEntityName();
  const { t, label, formatDate } = useI18n();
  const query = usePartners(params);
  const columns = useMemo<DataTableColumn<PartnerListItem>[]>(
    () => [
      {
        id: 'number',
        header: t('partners.number'),
        sortable: true,
        cell: (p) => <span className="font-mono text-xs">{p.number}</span>,
        className: 'whitespace-nowrap',
      },
      {
        id: 'name',
        header: t('partners.name'),
        sortable: true,
        cell: (p) => (
          <Link to={partnerHref(p.id)} className="font-medium text-brand-700 hover:underline">
            {p.name}
          </Link>
        ),
      },
      { id: 'category', header: t('partners.category'), cell: (p) => label('partnerCategory', p.category) },
      { id: 'entity', header: t('orders.entity'), cell: (p) => entityName(p.entityId) },
      { id: 'status', header: t('partners.status'), cell: (p) => label('partnerStatus', p.status) },
      { id: 'orders', header: t('orders.title'), cell: (p) => p.orders, className: 'text-right tabular-nums' },
      {
        id: 'createdAt',
        header: t('partners.since'),
        sortable: true,
        cell: (p) => formatDate(p.createdAt),
        className: 'whitespace-nowrap',
      },
    ],
    [t, label, partnerHref],
  );
  return (
    <QueryDataTable
      label={t('partners.title')}
      columns={columns}
      query={query}
      params={params}
      getRowId={(p) => p.id}
      searchLabel={t('partners.search')}
      {...handlers}
    />
  );
}
