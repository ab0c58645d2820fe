/** Query parameters every list takes; `sort` is a field name, `-field` for descending. */
export type ListParams = { page: number; pageSize: number; sort?: string | undefined; q?: string | undefined };
