import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { ownPart, type Actor } from '../platform/http/actor.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { quotes, quoteVersions, type QUOTE_STATUSES } from '../modules/quotes/quotes.schema.ts';
import { quoteScope } from '../modules/quotes/quote-scope.ts';

export type ListQuotesOptions = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  sort?: string | undefined;
  status?: (typeof QUOTE_STATUSES)[number] | undefined;
};

/** A page of the quotes the actor may see, newest first. */
export async function listQuotes(db: DbOrTx, actor: Actor, opts: ListQuotesOptions) {
  const where: (SQL | undefined)[] = [quoteScope(actor)];
  if (opts.status) where.push(eq(quotes.status, opts.status));
  const q = opts.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(quotes.number, like), ilike(customers.name, like)));
  }
  const condition = and(...where.filter(Boolean));
  const dir = opts.sort && !opts.sort.startsWith('-') ? asc : desc;
  const sortColumn = opts.sort?.replace(/^-/, '') === 'number' ? quotes.number : quotes.createdAt;
  const rows = await db
    .select({
      id: quotes.id,
      number: quotes.number,
      entityId: quotes.entityId,
      customerName: customers.name,
      partnerName: partners.name,
      status: quotes.status,
      currentVersion: quotes.currentVersion,
      validUntil: quotes.validUntil,
      customerTotalCents: quoteVersions.customerTotalCents,
      partnerTotalCents: quoteVersions.partnerTotalCents,
      createdAt: quotes.createdAt,
    })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .leftJoin(partners, eq(partners.id, quotes.partnerId))
    .innerJoin(
      quoteVersions,
      and(eq(quoteVersions.quoteId, quotes.id), eq(quoteVersions.version, quotes.currentVersion)),
    )
    .where(condition)
    .orderBy(dir(sortColumn), dir(quotes.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .where(condition);
  // A customer never learns the partner's share, a partner never the customer's.
  const part = ownPart(actor);
  const items = rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    customerTotalCents: part === 'partner' ? 0 : r.customerTotalCents,
    partnerTotalCents: part === 'customer' ? 0 : r.partnerTotalCents,
  }));
  return { items, total: count?.n ?? 0, page: opts.page, pageSize: opts.pageSize };
}
