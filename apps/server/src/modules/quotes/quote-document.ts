import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { documentTotals } from '../../platform/money.ts';
import { customers } from '../crm/crm.schema.ts';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { quoteLines, quotes, quoteVersions, quoteVisitRequirements } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';

/** One version of a quote, whole: what both views and both signatures are made from. */
export async function loadQuoteDocument(db: DbOrTx, quoteId: string, version?: number) {
  const [head] = await db.select({ quote: quotes, entity: businessEntities, customerName: customers.name, customerEmail: customers.email, partnerName: partners.name, partnerEmail: partners.email })
    .from(quotes).innerJoin(businessEntities, eq(businessEntities.id, quotes.entityId)).innerJoin(customers, eq(customers.id, quotes.customerId))
    .leftJoin(partners, eq(partners.id, quotes.partnerId)).where(eq(quotes.id, quoteId));
  if (!head) return null;
  const [v] = await db.select().from(quoteVersions).where(and(eq(quoteVersions.quoteId, quoteId), eq(quoteVersions.version, version ?? head.quote.currentVersion)));
  if (!v) throw quoteErrors.unknownVersion();
  const [lines, visits] = await Promise.all([
    db.select().from(quoteLines).where(eq(quoteLines.quoteVersionId, v.id)).orderBy(asc(quoteLines.position)),
    db.select().from(quoteVisitRequirements).where(eq(quoteVisitRequirements.quoteVersionId, v.id)).orderBy(asc(quoteVisitRequirements.sequence)),
  ]);
  return { ...head, version: v, lines, visits };
}
export type QuoteDocument = NonNullable<Awaited<ReturnType<typeof loadQuoteDocument>>>;

/**
 * The part one side sees and signs. The customer's part is simplified (no technical details); the
 * partner's part holds its own lines with full specifications and the technical scope of the whole job.
 */
export function quotePart(doc: QuoteDocument, role: 'customer' | 'partner') {
  const own = doc.lines.filter((l) => l.billTo === role);
  const totals = documentTotals(own);
  return {
    quoteNumber: doc.quote.number, version: doc.version.version, role, validUntil: doc.quote.validUntil,
    entity: { name: doc.entity.name, brandColor: doc.entity.brandColor, website: doc.entity.website },
    signerParty: role === 'customer' ? doc.customerName : doc.partnerName ?? '',
    lines: own.map((l) => ({ description: l.description, specification: role === 'partner' ? l.specification : null, quantity: Number(l.quantity), unitPriceCents: l.unitPriceCents, vatRate: l.vatRate, totalCents: l.totalCents })),
    technicalScope: role === 'partner' ? doc.lines.map((l) => ({ description: l.description, specification: l.specification, quantity: Number(l.quantity) })) : [],
    visits: doc.visits.map((v) => ({ sequence: v.sequence, type: v.type, durationMinutes: v.durationMinutes })),
    netCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents,
  };
}
export type QuotePart = ReturnType<typeof quotePart>;

/** SHA-256 over the canonical JSON of the part: the exact content a signer agreed to. */
export function partSha256(part: QuotePart): string {
  return createHash('sha256').update(JSON.stringify(part)).digest('hex');
}
