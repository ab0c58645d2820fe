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
