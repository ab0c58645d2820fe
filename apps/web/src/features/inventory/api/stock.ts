import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ProductLedger, StockLocation, StockOverviewRow } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { StockOverviewRow, ProductLedger, StockLocation };
export type StockFilters = { q?: string | undefined; locationId?: string | undefined; belowReorderPoint?: boolean };

/** GET /api/inventory/stock (admin, operations, warehouse): on hand, reserved and free per product and place. */
export const stockOverviewEndpoint = endpoint('GET', '/api/inventory/stock', z.array(StockOverviewRow));
/** GET /api/inventory/locations: the location tree, for the filter. */
export const stockLocationsEndpoint = endpoint('GET', '/api/inventory/locations', z.array(StockLocation));
/** GET /api/inventory/products/:id: a product's stock per place and its ledger, newest first. */
export const productLedgerEndpoint = endpoint('GET', '/api/inventory/products/:id', ProductLedger);

/** `enabled`: false while the caller has not chosen what to show (no request until it has). */
export function useStockOverview(filters: StockFilters, enabled = true) {
  const query = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.belowReorderPoint ? { belowReorderPoint: 'true' } : {}),
  };
  return useQuery({
    queryKey: ['inventory', 'stock', query],
    queryFn: ({ signal }) => request(stockOverviewEndpoint, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStockLocations() {
  return useQuery({
    queryKey: ['inventory', 'locations'],
    queryFn: ({ signal }) => request(stockLocationsEndpoint, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useProductLedger(id: string) {
  return useQuery({
    queryKey: ['inventory', 'product', id],
    queryFn: ({ signal }) => request(productLedgerEndpoint, { params: { id }, signal }),
  });
}
