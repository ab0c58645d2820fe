import { z } from 'zod';
import { Text, Uuid } from './common.ts';
import { Code, Quantity } from './inventory-units.ts';

/** The stock ledger (issue 13): postings of moves, balances per place, serials and the location tree. */
export const DOCUMENT_TYPES = [
  'purchase_receipt',
  'transfer',
  'pick',
  'load',
  'installation',
  'return',
  'scrap',
  'count_adjustment',
] as const;
export const StockDocumentType = z.enum(DOCUMENT_TYPES);
export const Tracking = z.enum(['serial', 'batch', 'none']);

/** A key the client chooses per posting; the same key posts once. */
export const IdempotencyKey = Text.trim().min(8).max(200);

export const StockMove = z.object({
  productId: Uuid,
  quantity: Quantity,
  serialNumber: Code.nullish(),
  batchCode: Code.nullish(),
  fromLocationId: Uuid,
  toLocationId: Uuid,
});

export const StockPostingBody = z
  .object({
    idempotencyKey: IdempotencyKey,
    documentType: StockDocumentType,
    documentRef: Text.trim().min(1).max(100),
    visitId: Uuid.nullish(),
    moves: z.array(StockMove).min(1).max(500),
  })
  .meta({ id: 'StockPostingBody' });

export const StockPostingResult = z
  .object({ postingId: Uuid, replayed: z.boolean(), warnings: z.array(Text) })
  .meta({ id: 'StockPostingResult' });

export const StockReservationBody = z.object({
  locationId: Uuid.optional(),
  lines: z
    .array(z.object({ productId: Uuid, quantity: Quantity }))
    .min(1)
    .max(200),
});
export const StockReservationResult = z.array(z.object({ productId: Uuid, reserved: z.number().int() }));
export const StockReleaseResult = z.object({ released: z.number().int() });

export const StockOverviewQuery = z.object({
  q: Text.trim().max(100).optional(),
  locationId: Uuid.optional(),
  productId: Uuid.optional(),
  belowReorderPoint: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const StockOverviewRow = z
  .object({
    productId: Uuid,
    sku: Text,
    name: Text,
    tracking: Tracking,
    locationId: Uuid,
    locationCode: Text,
    locationName: Text,
    locationKind: Text,
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    reorderPoint: z.number().int(),
    belowReorderPoint: z.boolean(),
  })
  .meta({ id: 'StockOverviewRow' });
export type StockOverviewRow = z.infer<typeof StockOverviewRow>;

export const StockLedgerMove = z.object({
  id: z.number().int(),
  postedAt: Text,
  documentType: StockDocumentType,
  documentRef: Text,
  quantity: z.number().int(),
  serialNumber: Text.nullable(),
  batchCode: Text.nullable(),
  from: z.object({ code: Text, name: Text }),
  to: z.object({ code: Text, name: Text }),
  visitNumber: Text.nullable(),
});
export type StockLedgerMove = z.infer<typeof StockLedgerMove>;

export const ProductLedger = z
  .object({
    product: z.object({
      id: Uuid,
      sku: Text,
      name: Text,
      tracking: Tracking,
      warrantyMonths: z.number().int(),
      reorderPoint: z.number().int(),
    }),
    stock: z.array(StockOverviewRow),
    moves: z.array(StockLedgerMove),
  })
  .meta({ id: 'ProductLedger' });
export type ProductLedger = z.infer<typeof ProductLedger>;

export const SerialQuery = z.object({ serial: Text.trim().min(1).max(100) });
export const SerialUnit = z
  .object({
    productId: Uuid,
    sku: Text,
    productName: Text,
    serialNumber: Text,
    location: z.object({ code: Text, name: Text, kind: Text }),
    receivedAt: Text,
    installedOn: Text.nullable(),
    warrantyUntil: Text.nullable(),
    warrantyRegistration: Text.nullable(),
    visitNumber: Text.nullable(),
    order: z.object({ id: Uuid, number: Text }).nullable(),
    customer: z.object({ id: Uuid, name: Text }).nullable(),
    hops: z.array(StockLedgerMove),
  })
  .meta({ id: 'SerialUnit' });
export type SerialUnit = z.infer<typeof SerialUnit>;

export const StockLocation = z
  .object({
    id: Uuid,
    code: Text,
    name: Text,
    kind: Text,
    parentId: Uuid.nullable(),
    teamId: Uuid.nullable(),
    regionCode: Text.nullable(),
    allowNegative: z.boolean(),
  })
  .meta({ id: 'StockLocation' });
export type StockLocation = z.infer<typeof StockLocation>;
export const StockBalanceCheck = z.object({
  differences: z.array(
    z.object({
      productId: Uuid,
      locationId: Uuid,
      lot: Text,
      kept: z.object({ onHand: z.number().int(), reserved: z.number().int() }),
      fromLedger: z.object({ onHand: z.number().int(), reserved: z.number().int() }),
    }),
  ),
});
