import { useState } from 'react';
import { DataTable, type DataTableProps } from './data-table';
import { ErrorNotice } from './error-notice';
import type { ListParams } from '../lib/http/paged';

/** One server page of a list, as every paged endpoint answers. */
type Page<T> = { items: T[]; total: number };

export type QueryDataTableProps<T> = Omit<
  DataTableProps<T>,
  'rows' | 'total' | 'page' | 'pageSize' | 'sort' | 'search' | 'loading'
> & {
  /** The list query (TanStack Query result, or anything shaped like it). */
  query: { data?: Page<T> | undefined; isError: boolean; error: unknown; isFetching: boolean };
  /** Paging, sort and search as the page's URL holds them. */
  params: ListParams;
};

/**
 * A server-paged list: the table shows the query's page, its loading state, and the load error when
 * there is nothing to show yet. The wiring every list page would otherwise repeat.
 */
export function QueryDataTable<T>({ query, params, ...table }: QueryDataTableProps<T>) {
  // Stable while the first page loads: a fresh [] per render would make the table rebuild its rows.
  const [empty] = useState<T[]>(() => []);
  if (query.isError && !query.data) return <ErrorNotice error={query.error} />;
  return (
    <DataTable
      {...table}
      rows={query.data?.items ?? empty}
      total={query.data?.total ?? 0}
      page={params.page}
      pageSize={params.pageSize}
      sort={params.sort}
      search={params.q}
      loading={query.isFetching}
    />
  );
}
