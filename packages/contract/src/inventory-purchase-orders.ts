import { z } from 'zod';
import { Cents, LocalDate, Text, Uuid } from './common.ts';
import { StockLedgerMove, StockPostingResult, Tracking, IdempotencyKey } from './inventory-ledger.ts';
import { Code, Quantity } from './inventory-units.ts';

/** Purchase orders to suppliers, goods received against them, and min/max replenishment. */
export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export const PurchaseOrderStatus = z.enum(PURCHASE_ORDER_STATUSES);

export const PurchaseOrderListQuery = z.object({ status: PurchaseOrderStatus.optional() });
export const PurchaseOrderListItem = z
  .object({
    id: Uuid,
    number: Text,
    status: PurchaseOrderStatus,
    supplier: Text,
    destination: Text,
    expectedOn: Text.nullable(),
    createdAt: Text,
    ordered: z.number().int(),
    received: z.number().int(),
  })
  .meta({ id: 'PurchaseOrderListItem' });
export type PurchaseOrderListItem = z.infer<typeof PurchaseOrderListItem>;

export const PurchaseOrderDetail = z
  .object({
    id: Uuid,
    number: Text,
    status: PurchaseOrderStatus,
    entityId: Text,
    supplier: Text,
    destination: Text,
    expectedOn: Text.nullable(),
    createdAt: Text,
    lines: z.array(
      z.object({
        id: Uuid,
        productId: Uuid,
        sku: Text,
        name: Text,
        tracking: Tracking,
        quantityOrdered: z.number().int(),
        quantityReceived: z.number().int(),
        unitCostCents: Cents,
      }),
    ),
    receipts: z.array(StockLedgerMove),
  })
  .meta({ id: 'PurchaseOrderDetail' });
export type PurchaseOrderDetail = z.infer<typeof PurchaseOrderDetail>;

export const CreatePurchaseOrderBody = z.object({
  entityId: Text.trim().min(1).max(40),
  supplierLocationId: Uuid,
  destinationLocationId: Uuid.optional(),
  expectedOn: LocalDate.nullish(),
  lines: z
    .array(z.object({ productId: Uuid, quantity: Quantity, unitCostCents: Cents.min(0).optional() }))
    .min(1)
    .max(200),
});
export const CreatedPurchaseOrder = z.object({ id: Uuid, number: Text, status: PurchaseOrderStatus });

export const ReceivePurchaseOrderBody = z
  .object({
    idempotencyKey: IdempotencyKey,
    lines: z
      .array(
        z.object({
          productId: Uuid,
          quantity: Quantity,
          serialNumbers: z.array(Code).max(1000).optional(),
          batchCode: Code.nullish(),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: 'ReceivePurchaseOrderBody' });
export const PurchaseOrderReceipt = StockPostingResult.extend({ status: PurchaseOrderStatus });

export const ReplenishmentRuleBody = z
  .object({
    productId: Uuid,
    locationId: Uuid,
    min: z.number().int().min(0).max(1_000_000),
    max: z.number().int().min(1).max(1_000_000),
  })
  .strict()
  .refine((r) => r.max > r.min, { message: 'het maximum moet hoger zijn dan het minimum', path: ['max'] });
export const ReorderSuggestionsQuery = z.object({ due: z.enum(['true', 'false']).optional() });
export const ReorderSuggestion = z
  .object({
    productId: Uuid,
    sku: Text,
    name: Text,
    locationId: Uuid,
    locationCode: Text,
    locationKind: Text,
    source: z.enum(['rule', 'reorder_point']),
    min: z.number().int(),
    max: z.number().int(),
    free: z.number().int(),
    onOrder: z.number().int(),
    suggested: z.number().int(),
    supplierLocationId: Uuid.nullable(),
    supplierName: Text.nullable(),
  })
  .meta({ id: 'ReorderSuggestion' });
export type ReorderSuggestion = z.infer<typeof ReorderSuggestion>;
