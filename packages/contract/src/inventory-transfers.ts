import { z } from 'zod';
import { Text, Uuid } from './common.ts';
import { IdempotencyKey, Tracking } from './inventory-ledger.ts';
import { Code, Quantity } from './inventory-units.ts';

/** Transfers between physical places (issue 13), through transit between the warehouse and staging or a van. */
export const TransferBody = z
  .object({
    idempotencyKey: IdempotencyKey,
    fromLocationId: Uuid,
    toLocationId: Uuid,
    lines: z
      .array(
        z.object({
          productId: Uuid,
          quantity: Quantity,
          serialNumber: Code.nullish(),
          batchCode: Code.nullish(),
        }),
      )
      .min(1)
      .max(200),
    // A van replenishment request this transfer fulfils.
    requestId: Uuid.optional(),
  })
  .meta({ id: 'TransferBody' });
export const TRANSFER_STATUSES = ['in_transit', 'received'] as const;
export const TransferStatus = z.enum(TRANSFER_STATUSES);
export const TransferResult = z.object({
  id: Uuid,
  number: Text,
  status: TransferStatus,
  viaTransit: z.boolean(),
  replayed: z.boolean(),
  warnings: z.array(Text),
});
export const TransferListQuery = z.object({ status: TransferStatus.optional() });
const Place = z.object({ id: Uuid, code: Text, name: Text });
export const StockTransfer = z
  .object({
    id: Uuid,
    number: Text,
    from: Place,
    to: Place,
    viaTransit: z.boolean(),
    status: TransferStatus,
    createdAt: Text,
    receivedAt: Text.nullable(),
    request: z.object({ id: Uuid, number: Text }).nullable(),
    lines: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        quantity: z.number().int(),
        serialNumber: Text.nullable(),
        batchCode: Text.nullable(),
      }),
    ),
  })
  .meta({ id: 'StockTransfer' });
export type StockTransfer = z.infer<typeof StockTransfer>;

/** Van replenishment requests: a team asks for products on its van; the warehouse fulfils or declines. */
export const VAN_REQUEST_STATUSES = ['open', 'fulfilled', 'declined'] as const;
export const VanRequestStatus = z.enum(VAN_REQUEST_STATUSES);
export const VanRequestBody = z
  .object({
    idempotencyKey: IdempotencyKey,
    // Ops name the team; a technician always asks for their own.
    teamId: Uuid.optional(),
    note: Text.trim().max(500).nullish(),
    lines: z
      .array(z.object({ productId: Uuid, quantity: Quantity }))
      .min(1)
      .max(50),
  })
  .meta({ id: 'VanRequestBody' });
export const VanRequestCreated = z.object({ id: Uuid, number: Text, replayed: z.boolean() });
export const VanRequestListQuery = z.object({ status: VanRequestStatus.optional(), teamId: Uuid.optional() });
export const VanRequest = z
  .object({
    id: Uuid,
    number: Text,
    team: z.object({ id: Uuid, name: Text }),
    van: Place,
    status: VanRequestStatus,
    note: Text.nullable(),
    requestedByName: Text,
    requestedAt: Text,
    decidedAt: Text.nullable(),
    declineReason: Text.nullable(),
    transfer: z.object({ id: Uuid, number: Text }).nullable(),
    lines: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        tracking: Tracking,
        quantity: z.number().int(),
        // What the van holds of it now (all lots), so the warehouse sees why it is asked.
        onVan: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'VanRequest' });
export type VanRequest = z.infer<typeof VanRequest>;
export const DeclineVanRequestBody = z.object({ reason: Text.trim().min(3).max(500) });
export const VanRequestDeclined = z.object({ status: VanRequestStatus });
export const RequestableProduct = z.object({ productId: Uuid, sku: Text, name: Text, unit: Text, tracking: Tracking });
export type RequestableProduct = z.infer<typeof RequestableProduct>;

/** What a physical place holds per product and lot (batch code or serial; '' for counted stock). */
export const StockLotsQuery = z.object({ locationId: Uuid, productId: Uuid.optional() });
export const StockLot = z
  .object({
    productId: Uuid,
    sku: Text,
    tracking: Tracking,
    lot: Text,
    onHand: z.number().int(),
    available: z.number().int(),
  })
  .meta({ id: 'StockLot' });
export type StockLot = z.infer<typeof StockLot>;
