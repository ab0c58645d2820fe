import { z } from 'zod';
import { Cents, LocalDate, Text, Uuid } from './common.ts';

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
export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export const PurchaseOrderStatus = z.enum(PURCHASE_ORDER_STATUSES);

/** A key the client chooses per posting; the same key posts once. */
export const IdempotencyKey = Text.trim().min(8).max(200);
const Quantity = z.number().int().min(1).max(1_000_000);
const Code = Text.trim().min(1).max(100);

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

/** Material check for planning: a visit or an order, on a date (see read-models/material-availability.ts). */
export const MaterialAvailabilityQuery = z
  .object({ visitId: Uuid.optional(), orderId: Uuid.optional(), date: LocalDate })
  .refine((q) => Boolean(q.visitId) !== Boolean(q.orderId), {
    message: 'geef een bezoek (visitId) of een order (orderId), niet beide',
    path: ['visitId'],
  });
export const MaterialAvailability = z
  .object({
    date: LocalDate,
    visitId: Uuid.nullable(),
    short: z.boolean(),
    lines: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        needed: z.number().int(),
        held: z.number().int(),
        onHand: z.number().int(),
        reservedForOthers: z.number().int(),
        expected: z.number().int(),
        available: z.number().int(),
        shortBy: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MaterialAvailability' });
export const StockOutWarningsQuery = z.object({ from: LocalDate, to: LocalDate, teamId: Uuid.optional() });
export const StockOutWarning = z
  .object({
    visitId: Uuid,
    visitNumber: Text,
    date: LocalDate,
    teamId: Uuid.nullable(),
    productId: Uuid,
    sku: Text,
    name: Text,
    shortBy: z.number().int(),
  })
  .meta({ id: 'StockOutWarning' });

export const KitStatus = z.enum(['to_pick', 'picked', 'loaded']);
const Place = z.object({ id: Uuid, code: Text, name: Text });
export const PickingListQuery = z.object({ teamId: Uuid, date: LocalDate });
export const PickingList = z
  .object({
    team: z.object({ id: Uuid, code: Text, name: Text }),
    staging: Place.nullable(),
    van: Place.nullable(),
    date: LocalDate,
    visits: z.array(
      z.object({
        visitId: Uuid,
        number: Text,
        type: Text,
        block: Text,
        place: Text,
        status: KitStatus,
        mainComponents: z.array(
          z.object({
            productId: Uuid,
            sku: Text,
            name: Text,
            serialNumber: Text.nullable(),
            locationCode: Text.nullable(),
            picked: z.boolean(),
          }),
        ),
        smallParts: z.array(
          z.object({ productId: Uuid, sku: Text, name: Text, quantity: z.number().int(), tracking: Tracking }),
        ),
      }),
    ),
    smallPartsByType: z.array(
      z.object({
        type: Text,
        parts: z.array(z.object({ productId: Uuid, sku: Text, name: Text, quantity: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'PickingList' });
export type PickingList = z.infer<typeof PickingList>;
export const KitContents = z
  .object({
    visitNumber: Text,
    staging: Text,
    van: Text,
    loaded: z.boolean(),
    items: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        serialNumber: Text.nullable(),
        batchCode: Text.nullable(),
        quantity: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'KitContents' });
export type KitContents = z.infer<typeof KitContents>;
export const KitCheckBody = z
  .object({
    idempotencyKey: IdempotencyKey,
    scannedSerials: z.array(Code).max(500),
    counted: z.array(z.object({ productId: Uuid, quantity: z.number().int().min(0).max(1_000_000) })).max(500),
  })
  .strict();
export const KitLoaded = StockPostingResult.extend({ van: Text });

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

/** Cycle counts (issue 13): a physical location counted, the variance posted as a count adjustment. */
export const StartStockCountBody = z.object({ locationId: Uuid });
export const StartedStockCount = z.object({ id: Uuid, number: Text });
export const StockCountListQuery = z.object({ from: LocalDate.optional(), to: LocalDate.optional() });
const StockCountStatus = z.enum(['open', 'posted']);
export const StockCountList = z
  .object({
    from: LocalDate,
    to: LocalDate,
    // Share of counted lines without a variance over the counts posted in the period (goal: over 99%).
    accuracy: z.object({ lines: z.number().int(), accurate: z.number().int(), share: z.number().nullable() }),
    counts: z.array(
      z.object({
        id: Uuid,
        number: Text,
        status: StockCountStatus,
        location: z.object({ code: Text, name: Text }),
        startedAt: Text,
        postedAt: Text.nullable(),
        lines: z.number().int(),
        counted: z.number().int(),
        variances: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'StockCountList' });
export const StockCountDetail = z
  .object({
    id: Uuid,
    number: Text,
    status: StockCountStatus,
    location: z.object({ id: Uuid, code: Text, name: Text }),
    startedAt: Text,
    postedAt: Text.nullable(),
    lines: z.array(
      z.object({
        id: Uuid,
        productId: Uuid,
        sku: Text,
        name: Text,
        tracking: Tracking,
        lot: Text,
        expected: z.number().int(),
        counted: z.number().int().nullable(),
        onHand: z.number().int(),
        variance: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'StockCountDetail' });
export const RecordStockCountBody = z.object({
  lines: z
    .array(z.object({ lineId: Uuid, counted: z.number().int().min(0).max(1_000_000) }))
    .max(1000)
    .optional(),
  scannedSerials: z.array(Code).max(1000).optional(),
});
export const PostedStockCount = z.object({
  replayed: z.boolean(),
  postingId: Uuid.nullable(),
  warnings: z.array(Text),
});

/** A supplier's UBL 2.1 DespatchAdvice (its delivery note), read into the receipt it announces. */
export const DespatchAdviceBody = z.object({ xml: Text.min(1).max(900_000) });
export const DespatchAdviceReceipt = z
  .object({
    despatchId: Text,
    issueDate: Text.nullable(),
    idempotencyKey: IdempotencyKey,
    lines: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        tracking: Tracking,
        quantity: z.number().int(),
        serialNumbers: z.array(Text),
        batchCode: Text.nullable(),
      }),
    ),
    warnings: z.array(Text),
  })
  .meta({ id: 'DespatchAdviceReceipt' });

/** The tool register (issue 13): tools per team with their inspection and calibration due dates. */
export const ToolStatus = z.enum(['in_use', 'in_repair', 'retired']);
export const ToolDueState = z.enum(['overdue', 'due_soon', 'ok', 'none']);
export const ToolEventKind = z.enum(['allocated', 'inspection', 'calibration', 'usage', 'maintenance']);
const Months = z.number().int().min(1).max(120);
export const ToolListQuery = z.object({ teamId: Uuid.optional(), due: z.enum(['true', 'false']).optional() });
export const Tool = z
  .object({
    id: Uuid,
    code: Text,
    type: Text,
    serialNumber: Text.nullable(),
    status: ToolStatus,
    team: z.object({ id: Uuid, name: Text }).nullable(),
    locationCode: Text.nullable(),
    inspectionDueOn: LocalDate.nullable(),
    inspectionState: ToolDueState,
    inspectionIntervalMonths: z.number().int().nullable(),
    calibrationDueOn: LocalDate.nullable(),
    calibrationState: ToolDueState,
    calibrationIntervalMonths: z.number().int().nullable(),
  })
  .meta({ id: 'Tool' });
export const ToolDetail = Tool.extend({
  events: z.array(
    z.object({
      id: Uuid,
      kind: ToolEventKind,
      happenedOn: LocalDate,
      teamName: Text.nullable(),
      result: z.enum(['passed', 'failed']).nullable(),
      note: Text.nullable(),
    }),
  ),
}).meta({ id: 'ToolDetail' });
export const RegisterToolBody = z.object({
  type: Text.trim().min(2).max(100),
  serialNumber: Text.trim().min(1).max(100).nullish(),
  teamId: Uuid.nullish(),
  inspectionIntervalMonths: Months.nullish(),
  inspectionDueOn: LocalDate.nullish(),
  calibrationIntervalMonths: Months.nullish(),
  calibrationDueOn: LocalDate.nullish(),
});
export const RegisteredTool = z.object({ id: Uuid, code: Text });
export const ToolEventBody = z.object({
  kind: ToolEventKind,
  happenedOn: LocalDate,
  teamId: Uuid.nullish(),
  result: z.enum(['passed', 'failed']).nullish(),
  note: Text.trim().max(1000).nullish(),
});
export const RecordedToolEvent = z.object({ id: Uuid });
export type StockCountList = z.infer<typeof StockCountList>;
export type StockCountDetail = z.infer<typeof StockCountDetail>;
export type DespatchAdviceReceipt = z.infer<typeof DespatchAdviceReceipt>;
export type Tool = z.infer<typeof Tool>;
export type ToolDetail = z.infer<typeof ToolDetail>;

/** B2B availability for the partner portal: bands, never numbers (issue 13). */
export const WholesaleAvailability = z
  .object({
    eligible: z.boolean(),
    products: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        band: z.enum(['in_stock', 'limited', 'out_of_stock']),
        expectedOn: LocalDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'WholesaleAvailability' });
export type WholesaleAvailability = z.infer<typeof WholesaleAvailability>;
