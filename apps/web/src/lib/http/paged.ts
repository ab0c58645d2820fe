import { z } from 'zod';

/** Every list endpoint answers this envelope (docs/api-foundation.md, Lists). */
export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Query parameters every list takes; `sort` is a field name, `-field` for descending. */
export type ListParams = { page: number; pageSize: number; sort?: string | undefined; q?: string | undefined };
