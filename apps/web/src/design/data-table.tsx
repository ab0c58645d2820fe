import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { clsx } from 'clsx';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { formatCount } from '../lib/format/money';
import { Button } from './button';
import { TableScroll } from './table-scroll';
import { Input } from './input';
import { Select } from './select';
import { useDebouncedValue } from './use-debounced-value';

export type DataTableColumn<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Column id the server sorts on; when set, clicking the header sorts. */
  sortable?: boolean;
  className?: string;
};

export type DataTableProps<T extends RowData> = {
  /** Names the table for screen readers (caption). */
  label: string;
  columns: DataTableColumn<T>[];
  rows: T[];
  total: number;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  /** `field` or `-field`, as the API takes it. */
  sort?: string | undefined;
  getRowId: (row: T) => string;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  onSortChange?: (sort: string | undefined) => void;
  search?: string | undefined;
  onSearchChange?: (q: string) => void;
  searchLabel?: string;
  loading?: boolean;
  toolbar?: ReactNode;
};

// Module scope: TanStack Table rebuilds its models when these change identity.
const features = tableFeatures({ rowPaginationFeature, rowSortingFeature });
const PAGE_SIZES = [25, 50, 100, 200];
const SEARCH_DEBOUNCE_MS = 300;

export function sortToState(sort: string | undefined): SortingState {
  if (!sort) return [];
  return sort.startsWith('-') ? [{ id: sort.slice(1), desc: true }] : [{ id: sort, desc: false }];
}

export function stateToSort(state: SortingState): string | undefined {
  const first = state[0];
  if (!first) return undefined;
  return first.desc ? `-${first.id}` : first.id;
}

function resolve<S>(updater: Updater<S>, current: S): S {
  return typeof updater === 'function' ? (updater as (old: S) => S)(current) : updater;
}

/**
 * A server-driven table: it renders one page the caller fetched and reports what the user
 * asked for (page, sort, search) through callbacks. It never sorts or slices rows itself,
 * because with 7,000 customers only the server sees them all.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const { columns, rows, total, page, pageSize, sort, onPageChange, onSortChange, onSearchChange, loading } = props;

  const columnDefs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((col) => ({
        id: col.id,
        header: col.header,
        // TanStack only sorts columns that have an accessor; the value itself is never used
        // because the server sorts (manualSorting).
        accessorFn: (row: T) => (row as Record<string, unknown>)[col.id],
        enableSorting: Boolean(col.sortable && onSortChange),
        cell: ({ row }: { row: { original: T } }) => col.cell(row.original),
      })) as ColumnDef<typeof features, T>[],
    [columns, onSortChange],
  );

  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const sorting = sortToState(sort);

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row: T) => props.getRowId(row),
    manualPagination: true,
    manualSorting: true,
    rowCount: total,
    enableMultiSort: false,
    // The API sorts one field, ascending first: a third click clears the sort.
    sortDescFirst: false,
    state: { pagination, sorting },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== pageSize) props.onPageSizeChange?.(next.pageSize);
      else if (next.pageIndex !== pagination.pageIndex) onPageChange(next.pageIndex + 1);
    },
    onSortingChange: (updater: Updater<SortingState>) => onSortChange?.(stateToSort(resolve(updater, sorting))),
  });

  const pageCount = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="flex flex-col gap-3">
      {onSearchChange || props.toolbar ? (
        <div className="flex flex-wrap items-end gap-3">
          {onSearchChange ? (
            <SearchBox
              label={props.searchLabel ?? t('table.search')}
              value={props.search ?? ''}
              onChange={onSearchChange}
            />
          ) : null}
          {props.toolbar}
        </div>
      ) : null}

      <TableScroll label={props.label} className="rounded-lg border border-line bg-panel">
        <table className="w-full text-left text-sm" aria-busy={loading || undefined}>
          <caption className="sr-only">{props.label}</caption>
          <thead className="border-b border-line bg-surface text-xs tracking-wide text-ink-muted uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const col = header.column;
                  const sorted = col.getIsSorted();
                  const text = String(col.columnDef.header ?? col.id);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-medium"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : col.getCanSort()
                              ? 'none'
                              : undefined
                      }
                    >
                      {col.getCanSort() ? (
                        <button
                          type="button"
                          className="inline-flex min-h-6 items-center gap-1 uppercase hover:text-ink"
                          onClick={() => col.toggleSorting(undefined, false)}
                        >
                          {text}
                          <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        text
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-ink-muted">
                  {loading ? t('table.loading') : t('table.empty')}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className={clsx('border-b border-line last:border-0 hover:bg-surface', loading && 'opacity-60')}
                >
                  {row.getAllCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={clsx('px-3 py-2 align-top', columns.find((c) => c.id === cell.column.id)?.className)}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>

      <nav
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted"
        aria-label={t('table.pagination')}
      >
        <p role="status">{t('table.total', { count: formatCount(total) })}</p>
        <div className="flex items-center gap-2">
          {props.onPageSizeChange ? (
            <Select
              label={t('table.pageSize')}
              value={String(pageSize)}
              onValueChange={(v) => table.setPageSize(Number(v))}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
            />
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => table.previousPage()} disabled={page <= 1}>
            {t('table.previous')}
          </Button>
          <span>{t('table.pageOf', { page: formatCount(page), pages: formatCount(pageCount) })}</span>
          <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={page >= pageCount}>
            {t('table.next')}
          </Button>
        </div>
      </nav>
    </div>
  );
}

/** Keeps its own text so typing stays instant; tells the parent only once the user pauses. */
function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const reported = useRef(value);
  useEffect(() => {
    if (debounced === reported.current) return;
    reported.current = debounced;
    onChange(debounced.trim());
  }, [debounced, onChange]);
  return (
    <Input
      type="search"
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      className="w-full max-w-sm"
    />
  );
}
