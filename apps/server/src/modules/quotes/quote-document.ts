import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { documentTotals } from '../../platform/money.ts';
import { quoteWithParties } from '../../read-models/quote-parties.ts';
import { quoteLines, quoteVersions, quoteVisitRequirements } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';

/** One version of a quote, whole: what both views and both signatures are made from. */
export async function loadQuoteDocument(db: DbOrTx, quoteId: string, version?: number) {
  const head = await quoteWithParties(db, quoteId);
  if (!head) return null;
  const [v] = await db
    .select()
    .from(quoteVersions)
    .where(and(eq(quoteVersions.quoteId, quoteId), eq(quoteVersions.version, version ?? head.quote.currentVersion)));
  if (!v) throw quoteErrors.unknownVersion();
  const [lines, visits] = await Promise.all([
    db.select().from(quoteLines).where(eq(quoteLines.quoteVersionId, v.id)).orderBy(asc(quoteLines.position)),
    db
      .select()
      .from(quoteVisitRequirements)
      .where(eq(quoteVisitRequirements.quoteVersionId, v.id))
      .orderBy(asc(quoteVisitRequirements.sequence)),
  ]);
  return { ...head, version: v, lines, visits };
}
export type QuoteDocument = NonNullable<Awaited<ReturnType<typeof loadQuoteDocument>>>;

/**
 * The document as a reader of `language` reads it: in English, each line as the catalogue words it in
 * English where it does (a free line as typed). For showing only: what is signed and hashed is the
 * document as stored.
 */
export function readIn(doc: QuoteDocument, language: 'nl' | 'en'): QuoteDocument {
  if (language === 'nl') return doc;
  return {
    ...doc,
    lines: doc.lines.map((l) => ({
      ...l,
      description: l.descriptionEn ?? l.description,
      specification: l.specificationEn ?? l.specification,
    })),
  };
}

/**
 * The part one side sees and signs. The customer's part is simplified (no technical details); the
 * partner's part holds its own lines with full specifications and the technical scope of the whole job.
 */
export function quotePart(doc: QuoteDocument, role: 'customer' | 'partner') {
  const own = doc.lines.filter((l) => l.billTo === role);
  const totals = documentTotals(own);
  return {
    quoteNumber: doc.quote.number,
    version: doc.version.version,
    role,
    validUntil: doc.quote.validUntil,
    entity: { name: doc.entity.name, brandColor: doc.entity.brandColor, website: doc.entity.website },
    signerParty: role === 'customer' ? doc.customerName : (doc.partnerName ?? ''),
    // The category is named only for reverse charge: parts sent before it existed keep their hash, so their links stay valid.
    lines: own.map((l) => ({
      description: l.description,
      specification: role === 'partner' ? l.specification : null,
      quantity: Number(l.quantity),
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      ...(l.vatCategory === 'reverse_charge' ? { vatCategory: l.vatCategory } : {}),
      totalCents: l.totalCents,
    })),
    technicalScope:
      role === 'partner'
        ? doc.lines.map((l) => ({
            description: l.description,
            specification: l.specification,
            quantity: Number(l.quantity),
          }))
        : [],
    visits: doc.visits.map((v) => ({ sequence: v.sequence, type: v.type, durationMinutes: v.durationMinutes })),
    netCents: totals.netCents,
    vatCents: totals.vatCents,
    grossCents: totals.grossCents,
  };
}
export type QuotePart = ReturnType<typeof quotePart>;

/** The VAT number a part's reverse charge shifts the VAT to, or null when none of its lines carries it. */
export function reverseChargeVatNumber(doc: QuoteDocument, part: QuotePart): string | null {
  return part.lines.some((l) => l.vatCategory === 'reverse_charge') ? doc.partnerVatNumber : null;
}

/** SHA-256 over the canonical JSON of the part: the exact content a signer agreed to. */
export function partSha256(part: QuotePart): string {
  return createHash('sha256').update(JSON.stringify(part)).digest('hex');
}
