import { z } from 'zod';

export const ROLES = ['admin', 'operations', 'planner', 'technician', 'partner', 'customer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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

export const Uuid = z.string().uuid();
export const IdParams = z.object({ id: Uuid });
/** A local calendar date in Europe/Amsterdam. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht JJJJ-MM-DD');
export const Cents = z.number().int();

/** Query of every list endpoint: 1-based page, bounded page size, a sort field, a search text. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortFields: S) {
  const sorts = sortFields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    sort: z.enum(sorts).optional(),
    q: z.string().trim().max(100).optional(),
  });
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
