import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';
import { Tracking } from './inventory-ledger.ts';
import { Code } from './inventory-units.ts';

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
export type StockCountList = z.infer<typeof StockCountList>;
export type StockCountDetail = z.infer<typeof StockCountDetail>;
