import { clsx } from 'clsx';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
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

export type DataTableProps<T> = {
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

/** The sort the API takes, as a list (one entry at most): which column, and whether descending. */
export type SortingState = { id: string; desc: boolean }[];

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

/** A header click: ascending first, then descending, then no sort (the API sorts one field). */
export function nextSort(sort: string | undefined, column: string): string | undefined {
  if (sort === column) return `-${column}`;
  if (sort === `-${column}`) return undefined;
  return column;
}

/**
 * A server-driven table: it renders one page the caller fetched and reports what the user
 * asked for (page, sort, search) through callbacks. It never sorts or slices rows itself,
 * because with 7,000 customers only the server sees them all.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, formatCount } = useI18n();
  const { columns, rows, total, page, pageSize, sort, onPageChange, onSortChange, onSearchChange, loading } = props;
  const [sorted] = sortToState(sort);

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
            <tr>
              {columns.map((col) => {
                const canSort = Boolean(col.sortable && onSortChange);
                const direction = sorted?.id === col.id ? (sorted.desc ? 'desc' : 'asc') : null;
                return (
                  <th
                    key={col.id}
                    scope="col"
                    className="px-3 py-2 font-medium"
                    aria-sort={
                      direction === 'asc'
                        ? 'ascending'
                        : direction === 'desc'
                          ? 'descending'
                          : canSort
                            ? 'none'
                            : undefined
                    }
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="inline-flex min-h-6 items-center gap-1 uppercase hover:text-ink"
                        onClick={() => onSortChange?.(nextSort(sort, col.id))}
                      >
                        {col.header}
                        <span aria-hidden="true">{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : (
                      col.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-ink-muted">
                  {loading ? t('table.loading') : t('table.empty')}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr
                  key={props.getRowId(row)}
                  className={clsx('border-b border-line last:border-0 hover:bg-surface', loading && 'opacity-60')}
                >
                  {columns.map((col) => (
                    <td key={col.id} className={clsx('px-3 py-2 align-top', col.className)}>
                      {col.cell(row)}
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
        <p role="status">{total === 1 ? t('table.totalOne') : t('table.total', { count: formatCount(total) })}</p>
        <div className="flex items-center gap-2">
          {props.onPageSizeChange ? (
            <Select
              label={t('table.pageSize')}
              value={String(pageSize)}
              onValueChange={(v) => props.onPageSizeChange?.(Number(v))}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
            />
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
            {t('table.previous')}
          </Button>
          <span>{t('table.pageOf', { page: formatCount(page), pages: formatCount(pageCount) })}</span>
          <Button variant="secondary" size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pageCount}>
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
