import { z } from 'zod';

// With the u flag a surrogate pair is one code point outside this class; only a lone half matches.
const UNSTORABLE = /[\0\uD800-\uDFFF]/u;
/**
 * Every string the API takes or gives. PostgreSQL cannot store a NUL character, and an unpaired UTF-16
 * surrogate has no UTF-8 form (it would become U+FFFD, or break a JSON column), so both are refused at
 * the door with a 400 instead of failing in the database.
 * @example Text.trim().min(1).max(120)
 */
export const Text = z
  .string()
  .refine((s) => !UNSTORABLE.test(s), 'tekst met een NUL-teken of een losse UTF-16-surrogaat is niet toegestaan');

export const ROLES = ['admin', 'operations', 'planner', 'warehouse', 'technician', 'partner', 'customer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

// A problem echoes what the caller sent (an unknown key, a bad value), which may hold anything: its
// strings are plain, so answering a refusal can never fail.
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const Uuid = Text.uuid();
export const IdParams = z.object({ id: Uuid });

/** JJJJ-MM-DD that exists in the calendar (no 2026-02-30), as PostgreSQL's date type takes it. */
function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
/** A local calendar date in Europe/Amsterdam. */
export const LocalDate = Text.regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht JJJJ-MM-DD').refine(
  isCalendarDate,
  'deze datum bestaat niet',
);
/** An ISO 8601 moment with its offset, on a date that exists. */
export const Timestamp = Text.datetime({ offset: true, message: 'verwacht een ISO 8601-tijdstip' }).refine(
  (s) => isCalendarDate(s.slice(0, 10)),
  'deze datum bestaat niet',
);

/** An integer stored in an int4 column: larger values would fail in the database, so they are refused here. */
export const Int4 = z.number().int().min(-2_147_483_648).max(2_147_483_647);
export const Cents = z.number().int();

/** Query of every list endpoint: 1-based page, bounded page size, a sort field, a search text. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortFields: S) {
  const sorts = sortFields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    sort: z.enum(sorts).optional(),
    q: Text.trim().max(100).optional(),
  });
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The language a downloaded document (PDF) is written in; without it, the request's Accept-Language. */
export const DocumentLanguageQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });
