import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RequestableProduct,
  StockLot,
  StockTransfer,
  TransferResult,
  VanRequest,
  VanRequestCreated,
  VanRequestDeclined,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { RequestableProduct, StockLot, StockTransfer, VanRequest };
export type TransferLine = { productId: string; quantity: number; serialNumber?: string; batchCode?: string };
export type NewTransfer = {
  idempotencyKey: string;
  fromLocationId: string;
  toLocationId: string;
  lines: TransferLine[];
  requestId?: string;
};
export type NewVanRequest = {
  idempotencyKey: string;
  teamId?: string;
  note?: string;
  lines: { productId: string; quantity: number }[];
};

/** GET /api/inventory/lots?locationId: what a place holds per product and lot, with what is free. */
export const stockLotsEndpoint = endpoint('GET', '/api/inventory/lots', z.array(StockLot));
/** GET /api/inventory/transfers: transfers, those in transit first. */
export const transfersEndpoint = endpoint('GET', '/api/inventory/transfers', z.array(StockTransfer));
/** POST /api/inventory/transfers: send a transfer (through transit between the warehouse and a van or staging). */
export const sendTransferEndpoint = endpoint('POST', '/api/inventory/transfers', TransferResult);
/** POST /api/inventory/transfers/:id/receive: a transfer in transit arrived. */
export const receiveTransferEndpoint = endpoint('POST', '/api/inventory/transfers/:id/receive', TransferResult);
/** GET /api/inventory/van-requests: replenishment requests, open ones first. */
export const vanRequestsEndpoint = endpoint('GET', '/api/inventory/van-requests', z.array(VanRequest));
/** GET /api/inventory/van-requests/products: what a van may be topped up with. */
export const requestableProductsEndpoint = endpoint(
  'GET',
  '/api/inventory/van-requests/products',
  z.array(RequestableProduct),
);
/** POST /api/inventory/van-requests: ask for products on a team's van. */
export const requestVanEndpoint = endpoint('POST', '/api/inventory/van-requests', VanRequestCreated);
/** POST /api/inventory/van-requests/:id/decline: decline a request with a reason. */
export const declineVanRequestEndpoint = endpoint(
  'POST',
  '/api/inventory/van-requests/:id/decline',
  VanRequestDeclined,
);

export function useStockLots(locationId: string | undefined) {
  return useQuery({
    queryKey: ['inventory', 'lots', locationId],
    queryFn: ({ signal }) => request(stockLotsEndpoint, { query: { locationId: locationId! }, signal }),
    enabled: Boolean(locationId),
  });
}

export function useTransfers() {
  return useQuery({
    queryKey: ['inventory', 'transfers'],
    queryFn: ({ signal }) => request(transfersEndpoint, { signal }),
  });
}

export function useSendTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transfer: NewTransfer) => request(sendTransferEndpoint, { body: transfer }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useReceiveTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(receiveTransferEndpoint, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useVanRequests(status?: 'open') {
  const query = status ? { status } : {};
  return useQuery({
    queryKey: ['inventory', 'van-requests', query],
    queryFn: ({ signal }) => request(vanRequestsEndpoint, { query, signal }),
  });
}

export function useRequestableProducts() {
  return useQuery({
    queryKey: ['inventory', 'requestable-products'],
    queryFn: ({ signal }) => request(requestableProductsEndpoint, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useRequestVan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewVanRequest) => request(requestVanEndpoint, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory', 'van-requests'] }),
  });
}

export function useDeclineVanRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      request(declineVanRequestEndpoint, { params: { id }, body: { reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory', 'van-requests'] }),
  });
}
