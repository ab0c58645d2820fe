import { z } from 'zod';
import { LocalDate, page, Text, Uuid } from './common.ts';
import { VisitType } from './quotes.ts';

/** The satisfaction survey after a visit (issue 14): the customer answers by the link in its mail. */
export const SurveyTokenParams = z.object({ token: Text.regex(/^[\w-]{20,100}$/) });

/** What the customer sees of their survey: which visit, by which brand, and their answer once given. */
export const CustomerSurvey = z.object({
  visitNumber: Text,
  visitType: VisitType,
  date: LocalDate.nullable(),
  brandName: Text,
  customerName: Text,
  answered: z.boolean(),
  score: z.number().int().nullable(),
  remark: Text.nullable(),
});
export type CustomerSurvey = z.infer<typeof CustomerSurvey>;

export const SurveyAnswer = z
  .object({
    score: z.number().int().min(1, 'een cijfer van 1 tot 10').max(10, 'een cijfer van 1 tot 10'),
    remark: Text.trim().max(2000).optional(),
  })
  .strict();

export const SatisfactionQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  teamId: Uuid.optional(),
  /** Only surveys the customer answered. */
  answered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** One asked survey as ops see it: the visit, its order and team, and the customer's score and remark. */
export const SatisfactionItem = z.object({
  visitId: Uuid,
  visitNumber: Text,
  orderId: Uuid,
  orderNumber: Text,
  customerId: Uuid,
  customerName: Text,
  teamId: Uuid.nullable(),
  teamName: Text.nullable(),
  date: LocalDate.nullable(),
  askedAt: Text,
  answeredAt: Text.nullable(),
  score: z.number().int().nullable(),
  remark: Text.nullable(),
  /** The score the technician recorded on site with the customer (1 to 5), if any. */
  onSiteScore: z.number().int().nullable(),
});
export type SatisfactionItem = z.infer<typeof SatisfactionItem>;

/** The surveys page by page, with the average per team over every answer (not only this page). */
export const SatisfactionOverview = page(SatisfactionItem).extend({
  asked: z.number().int(),
  answered: z.number().int(),
  average: z.number().nullable(),
  teams: z.array(
    z.object({ teamId: Uuid, teamName: Text, answered: z.number().int(), average: z.number().nullable() }),
  ),
});
export type SatisfactionOverview = z.infer<typeof SatisfactionOverview>;
