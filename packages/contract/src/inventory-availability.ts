import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';

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
export const StockOutWarningsQuery = z
  .object({ from: LocalDate, to: LocalDate, teamId: Uuid.optional() })
  .refine((q) => q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
    message: 'een periode van ten hoogste 92 dagen, van vóór tot',
    path: ['to'],
  });
/**
 * Planned visits of a period that will lack a part, one per visit with what it lacks, and the share of the
 * period's planned installations that stock-outs would delay (the PRD's goal: under 1%).
 */
export const StockOutReport = z
  .object({
    from: LocalDate,
    to: LocalDate,
    plannedInstallations: z.number().int(),
    delayedInstallations: z.number().int(),
    share: z.number().nullable(),
    goal: z.number(),
    visits: z.array(
      z.object({
        visitId: Uuid,
        visitNumber: Text,
        date: LocalDate,
        block: Text.nullable(),
        team: z.object({ id: Uuid, name: Text }).nullable(),
        order: z.object({ id: Uuid, number: Text }),
        missing: z.array(z.object({ productId: Uuid, sku: Text, name: Text, shortBy: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'StockOutReport' });
export type StockOutReport = z.infer<typeof StockOutReport>;

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
