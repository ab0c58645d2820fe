import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { isStaff } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { quotes } from './quotes.schema.ts';
import { loadQuoteDocument, type QuoteDocument } from './quote-document.ts';
import { quoteScope } from './quote-scope.ts';

const FIELDS = ['quantity', 'unitPriceCents', 'vatRate', 'vatCategory', 'billTo', 'totalCents'] as const;

function snapshot(l: QuoteDocument['lines'][number]) {
  return {
    description: l.description,
    descriptionEn: l.descriptionEn,
    quantity: Number(l.quantity),
    unitPriceCents: l.unitPriceCents,
    vatRate: l.vatRate,
    vatCategory: l.vatCategory,
    billTo: l.billTo,
    totalCents: l.totalCents,
  };
}
// A line is the same line across versions when it is the same product or kit (or the same free text).
const keyOf = (l: QuoteDocument['lines'][number]) =>
  l.productId ?? (l.kitId ? `kit:${l.kitId}` : `free:${l.description}`);

/** What changed between two versions, line by line, with who made each version and why. */
export async function diffQuoteVersions(db: DbOrTx, actor: Actor, opts: { quoteId: string; from: number; to: number }) {
  const [visible] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.id, opts.quoteId), quoteScope(actor)));
  if (!visible) throw notFound('Offerte');
  const [a, b] = await Promise.all([
    loadQuoteDocument(db, opts.quoteId, opts.from),
    loadQuoteDocument(db, opts.quoteId, opts.to),
  ]);
  // Outside staff, each side compares only the lines it pays.
  const own = (doc: QuoteDocument) => (isStaff(actor) ? doc.lines : doc.lines.filter((l) => l.billTo === actor.role));
  const before = new Map(own(a!).map((l) => [keyOf(l), l]));
  const after = new Map(own(b!).map((l) => [keyOf(l), l]));
  const changed = [...after].flatMap(([k, l]) => {
    const old = before.get(k);
    if (!old) return [];
    const fields = FIELDS.filter((f) => snapshot(old)[f] !== snapshot(l)[f]);
    return fields.length
      ? [
          {
            description: l.description,
            descriptionEn: l.descriptionEn,
            before: snapshot(old),
            after: snapshot(l),
            fields: [...fields],
          },
        ]
      : [];
  });
  const meta = (d: QuoteDocument) => ({
    version: d.version.version,
    createdAt: d.version.createdAt.toISOString(),
    createdByName: d.version.createdByName,
    changeNote: d.version.changeNote,
    changeNoteEn: d.version.changeNoteEn,
  });
  const visitKey = (d: QuoteDocument) => JSON.stringify(d.visits.map((v) => [v.type, v.durationMinutes]));
  return {
    from: meta(a!),
    to: meta(b!),
    added: [...after].filter(([k]) => !before.has(k)).map(([, l]) => snapshot(l)),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, l]) => snapshot(l)),
    changed,
    visitsChanged: visitKey(a!) !== visitKey(b!),
    totals: {
      customerBefore: actor.role === 'partner' ? 0 : a!.version.customerTotalCents,
      customerAfter: actor.role === 'partner' ? 0 : b!.version.customerTotalCents,
      partnerBefore: actor.role === 'customer' ? 0 : a!.version.partnerTotalCents,
      partnerAfter: actor.role === 'customer' ? 0 : b!.version.partnerTotalCents,
    },
  };
}
