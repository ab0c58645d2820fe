import { and, asc, desc, eq, exists, inArray, like, sql, type SQL } from 'drizzle-orm';
import { intersect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addresses, customerEntities, customers, customerSearchTerms } from './crm.schema.ts';
import { searchPrefixes } from './search-terms.ts';

export type ListCustomersOptions = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  sort?: string | undefined;
  entity?: string | undefined;
  status?: (typeof customers.$inferSelect)['status'] | undefined;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** One page of the customer list for ops, searchable by name, email, postcode or phone. */
export async function listCustomers(db: DbOrTx, opts: ListCustomersOptions) {
  const where: SQL[] = [];
  // Matching ids come from the prefix index on search terms first (several words intersect), so a
  // search costs the size of its result, not of the customer table.
  const prefixes = searchPrefixes(opts.q ?? '');
  if (prefixes.length) {
    const matching = prefixes.map((p) =>
      db
        .select({ id: customerSearchTerms.customerId })
        .from(customerSearchTerms)
        .where(like(customerSearchTerms.term, `${escapeLike(p)}%`)),
    );
    const ids = matching.length === 1 ? matching[0]! : intersect(matching[0]!, matching[1]!, ...matching.slice(2));
    where.push(inArray(customers.id, ids));
  }
  if (opts.entity)
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(customerEntities)
          .where(and(eq(customerEntities.customerId, customers.id), eq(customerEntities.entityId, opts.entity))),
      ),
    );
  if (opts.status) where.push(eq(customers.status, opts.status));
  const condition = where.length ? and(...where) : undefined;

  const sortField = opts.sort?.replace(/^-/, '') ?? 'name';
  const dir = opts.sort?.startsWith('-') ? desc : asc;
  const order = {
    name: [dir(sql`lower(${customers.name})`), dir(customers.id)],
    createdAt: [dir(customers.createdAt), dir(customers.id)],
    number: [dir(customers.number)],
    postcode: [dir(addresses.postcode), dir(customers.id)],
  }[sortField] ?? [asc(sql`lower(${customers.name})`), asc(customers.id)];

  const primaryAddress = and(
    eq(addresses.customerId, customers.id),
    eq(addresses.isPrimary, true),
    eq(addresses.kind, 'installation'),
  );
  // Two steps: first the page's ids (sorting only what the order needs), then the details of just
  // those 50. Joining addresses for every match before the LIMIT costs a probe per match.
  const pageQuery = db.select({ id: customers.id }).from(customers);
  const page = await (sortField === 'postcode' ? pageQuery.leftJoin(addresses, primaryAddress) : pageQuery)
    .where(condition)
    .orderBy(...order)
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const ids = page.map((r) => r.id);
  const [rows, [count]] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: customers.id,
            number: customers.number,
            name: customers.name,
            email: customers.email,
            phone: customers.phone,
            status: customers.status,
            createdAt: customers.createdAt,
            postcode: addresses.postcode,
            houseNumber: addresses.houseNumber,
            houseNumberAddition: addresses.houseNumberAddition,
            street: addresses.street,
            city: addresses.city,
            entities: sql<
              string[]
            >`coalesce((select array_agg(${customerEntities.entityId} order by ${customerEntities.entityId}) from ${customerEntities} where ${customerEntities.customerId} = ${customers.id}), '{}')`,
          })
          .from(customers)
          .leftJoin(addresses, primaryAddress)
          .where(inArray(customers.id, ids)),
    db.select({ n: sql<number>`count(*)::int` }).from(customers).where(condition),
  ]);
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: count?.n ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
