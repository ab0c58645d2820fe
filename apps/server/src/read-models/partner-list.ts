import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import type { PARTNER_CATEGORIES } from '../modules/partners/partners.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';

export type ListPartnersOptions = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  sort?: string | undefined;
  category?: (typeof PARTNER_CATEGORIES)[number] | undefined;
};

/** How many orders the partner brought, all time. */
export async function orderCountOfPartner(db: DbOrTx, partnerId: string) {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(eq(orders.partnerId, partnerId));
  return count?.n ?? 0;
}

/** All partners for ops, by name, number or email, with how many orders each brought. */
export async function listPartners(db: DbOrTx, opts: ListPartnersOptions) {
  const where: SQL[] = [];
  const q = opts.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(partners.name, like), ilike(partners.number, like), ilike(partners.email, like))!);
  }
  if (opts.category) where.push(eq(partners.category, opts.category));
  const condition = where.length ? and(...where) : undefined;
  const dir = opts.sort?.startsWith('-') ? desc : asc;
  const field = opts.sort?.replace(/^-/, '') ?? 'name';
  const sortColumn =
    { name: sql`lower(${partners.name})`, number: partners.number, createdAt: partners.createdAt }[field] ??
    sql`lower(${partners.name})`;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: partners.id,
        number: partners.number,
        name: partners.name,
        category: partners.category,
        entityId: partners.entityId,
        status: partners.status,
        email: partners.email,
        createdAt: partners.createdAt,
        // Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full here.
        orders: sql<number>`(select count(*)::int from ${orders} o where o.partner_id = "partners"."id")`,
      })
      .from(partners)
      .where(condition)
      .orderBy(dir(sortColumn), dir(partners.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(partners).where(condition),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: count?.n ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
