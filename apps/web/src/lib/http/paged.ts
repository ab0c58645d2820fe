import { z } from 'zod/mini';

/** Every list endpoint answers this envelope (docs/api-foundation.md, Lists). */
export function pagedSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
  });
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Query parameters every list takes; `sort` is a field name, `-field` for descending. */
export type ListParams = { page: number; pageSize: number; sort?: string | undefined; q?: string | undefined };
