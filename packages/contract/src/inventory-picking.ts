import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';
import { IdempotencyKey, StockPostingResult, Tracking } from './inventory-ledger.ts';
import { Code } from './inventory-units.ts';

/** Picking lists per team and day, the kit in staging and its quality check before loading. */
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
