import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { quotes, quoteVersions } from '../modules/quotes/quotes.schema.ts';
import { and } from 'drizzle-orm';

export async function quoteSummariesForCustomer(db: DbOrTx, customerId: string) {
  const rows = await db
    .select({
      id: quotes.id,
      number: quotes.number,
      entityId: quotes.entityId,
      status: quotes.status,
      customerTotalCents: quoteVersions.customerTotalCents,
      partnerTotalCents: quoteVersions.partnerTotalCents,
      createdAt: quotes.createdAt,
    })
    .from(quotes)
    .innerJoin(
      quoteVersions,
      and(eq(quoteVersions.quoteId, quotes.id), eq(quoteVersions.version, quotes.currentVersion)),
    )
    .where(eq(quotes.customerId, customerId))
    .orderBy(desc(quotes.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
