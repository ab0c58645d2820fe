import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DespatchAdviceReceipt,
  PurchaseOrderDetail,
  PurchaseOrderListItem,
  PurchaseOrderReceipt,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request, requestVoid } from '../../../lib/http/http-client';

export type { DespatchAdviceReceipt, PurchaseOrderDetail, PurchaseOrderListItem };
export type ReceiptLine = { productId: string; quantity: number; serialNumbers?: string[]; batchCode?: string };

/** GET /api/inventory/purchase-orders: newest first, with how much has come in. */
export const purchaseOrdersEndpoint = endpoint('GET', '/api/inventory/purchase-orders', z.array(PurchaseOrderListItem));
/** GET /api/inventory/purchase-orders/:id: lines and the receipts posted against them. */
export const purchaseOrderEndpoint = endpoint('GET', '/api/inventory/purchase-orders/:id', PurchaseOrderDetail);
/** POST /api/inventory/purchase-orders/:id/send: a draft is now with the supplier. */
export const sendPurchaseOrderEndpoint = endpoint('POST', '/api/inventory/purchase-orders/:id/send', null);
/** POST /api/inventory/purchase-orders/:id/receipts: a delivery, idempotent by its key. */
export const receivePurchaseOrderEndpoint = endpoint(
  'POST',
  '/api/inventory/purchase-orders/:id/receipts',
  PurchaseOrderReceipt,
);

export function usePurchaseOrders(status?: string) {
  const query = status ? { status } : {};
  return useQuery({
    queryKey: ['inventory', 'purchase-orders', query],
    queryFn: ({ signal }) => request(purchaseOrdersEndpoint, { query, signal }),
  });
}

export function usePurchaseOrder(id: string) {
  return useQuery({
    queryKey: ['inventory', 'purchase-order', id],
    queryFn: ({ signal }) => request(purchaseOrderEndpoint, { params: { id }, signal }),
  });
}

export function useSendPurchaseOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestVoid(sendPurchaseOrderEndpoint, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useReceivePurchaseOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { idempotencyKey: string; lines: ReceiptLine[] }) =>
      request(receivePurchaseOrderEndpoint, { params: { id }, body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

/** POST /api/inventory/purchase-orders/:id/despatch-advice: a supplier's UBL delivery note read into a receipt. */
export const readDespatchAdviceEndpoint = endpoint(
  'POST',
  '/api/inventory/purchase-orders/:id/despatch-advice',
  DespatchAdviceReceipt,
);

export function useReadDespatchAdvice(id: string) {
  return useMutation({
    mutationFn: (xml: string) => request(readDespatchAdviceEndpoint, { params: { id }, body: { xml } }),
  });
}
