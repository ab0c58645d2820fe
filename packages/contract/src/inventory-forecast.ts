import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';

/** Material demand of the coming weeks (issue 13): planned visits plus the quote pipeline weighted by its conversion. */
export const DemandForecastQuery = z.object({ weeks: z.coerce.number().int().min(1).max(12).default(6) });
export const DemandForecast = z
  .object({
    from: LocalDate,
    to: LocalDate,
    weeks: z.array(z.object({ start: LocalDate, number: z.number().int() })),
    conversion: z.object({
      since: LocalDate,
      signed: z.number().int(),
      decided: z.number().int(),
      // signed / decided over the window; null without any decided quote (the pipeline then counts for nothing).
      rate: z.number().nullable(),
      leadDays: z.number().int(),
      leadDaysFromHistory: z.boolean(),
    }),
    plannedVisits: z.number().int(),
    pipelineQuotes: z.number().int(),
    products: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        unit: Text,
        onHand: z.number().int(),
        reservedElsewhere: z.number().int(),
        weeks: z.array(
          z.object({
            planned: z.number().int(),
            pipeline: z.number(),
            receipts: z.number().int(),
            projected: z.number(),
          }),
        ),
        plannedShortWeek: LocalDate.nullable(),
        shortWeek: LocalDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'DemandForecast' });
export type DemandForecast = z.infer<typeof DemandForecast>;
