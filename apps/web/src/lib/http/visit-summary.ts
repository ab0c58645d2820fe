import { z } from 'zod/mini';

/** A visit as customer and order pages list it (the contract's VisitSummary): when, what, which team. */
export const visitSummarySchema = z.object({
  id: z.string(),
  number: z.nullish(z.string()),
  type: z.nullish(z.string()),
  status: z.nullish(z.string()),
  date: z.nullish(z.string()),
  block: z.nullish(z.string()),
  teamName: z.nullish(z.string()),
});
export type VisitSummary = z.infer<typeof visitSummarySchema>;
