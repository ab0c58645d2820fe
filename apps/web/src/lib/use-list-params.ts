import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { ListParams } from './http/paged';

/**
 * Page, sort, search (and extra filters) of a list live in the URL, so Back returns to the
 * same page of results and a link to a filtered list can be shared.
 */
const NO_FILTERS: readonly string[] = [];

export function useListParams(
  defaults: { pageSize?: number; sort?: string } = {},
  filterKeys: readonly string[] = NO_FILTERS,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  // React Router hands its updater the params of the last render, not of the last call: two filters
  // chosen before a render would lose the first. Each change builds on the one before it here.
  const latest = useRef(searchParams);
  latest.current = searchParams;
  const defaultPageSize = defaults.pageSize ?? 50;
  const defaultSort = defaults.sort;

  const params = useMemo(() => {
    const page = Math.max(1, Number(searchParams.get('page')) || 1);
    const pageSize = Math.min(200, Math.max(1, Number(searchParams.get('pageSize')) || defaultPageSize));
    const sort = searchParams.get('sort') ?? defaultSort;
    const q = searchParams.get('q') ?? undefined;
    const filters: Record<string, string | undefined> = {};
    for (const key of filterKeys) filters[key] = searchParams.get(key) ?? undefined;
    return { page, pageSize, sort, q, ...filters } as ListParams & Record<string, string | number | undefined>;
  }, [searchParams, defaultPageSize, defaultSort, filterKeys]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined>, resetPage: boolean) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      // A new search or sort starts at page 1: page 40 of the old result means nothing.
      if (resetPage) next.delete('page');
      latest.current = next;
      setSearchParams(next, { replace: true });
    },
    [setSearchParams],
  );

  return {
    params,
    setPage: useCallback((page: number) => update({ page }, false), [update]),
    setPageSize: useCallback((pageSize: number) => update({ pageSize }, true), [update]),
    setSort: useCallback((sort: string | undefined) => update({ sort: sort ?? '' }, true), [update]),
    setQuery: useCallback((q: string) => update({ q }, true), [update]),
    setFilter: useCallback((key: string, value: string | undefined) => update({ [key]: value }, true), [update]),
  };
}
