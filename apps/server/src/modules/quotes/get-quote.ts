import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { isStaff, ownPart, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { documentTotals } from '../../platform/money.ts';
import { leadOfQuote } from '../../read-models/lead-of-quote.ts';
import { orderIdOfQuote } from '../../read-models/order-summaries.ts';
import { quotes, quoteSignatures, quoteVersions } from './quotes.schema.ts';
import { loadQuoteDocument } from './quote-document.ts';
import { quoteScope } from './quote-scope.ts';

/**
 * One quote as its reader may see it: staff everything; a partner and a customer every line (the work
 * the one answers for, the other has done at home) but only their own prices. A customer whose partner pays
 * every line saw a signed quote with no lines at all (issue 16).
 */
export async function getQuote(db: DbOrTx, actor: Actor, id: string) {
  const [visible] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.id, id), quoteScope(actor)));
  if (!visible) throw notFound('Offerte');
  const doc = (await loadQuoteDocument(db, id))!;
  const [versions, signatures, orderId, lead] = await Promise.all([
    db.select().from(quoteVersions).where(eq(quoteVersions.quoteId, id)).orderBy(asc(quoteVersions.version)),
    db
      .select({ s: quoteSignatures, version: quoteVersions.version })
      .from(quoteSignatures)
      .innerJoin(quoteVersions, eq(quoteVersions.id, quoteSignatures.quoteVersionId))
      .where(eq(quoteSignatures.quoteId, id))
      .orderBy(desc(quoteSignatures.createdAt)),
    orderIdOfQuote(db, id),
    doc.quote.leadId && isStaff(actor) ? leadOfQuote(db, doc.quote.leadId) : null,
  ]);
  const ownRole = ownPart(actor);
  const lines = doc.lines.map((l) =>
    ownRole && l.billTo !== ownRole ? { ...l, unitPriceCents: 0, totalCents: 0 } : l,
  );
  const shownVersions = versions.map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
    changeNote: v.changeNote,
    changeNoteEn: v.changeNoteEn,
    customerTotalCents: ownRole === 'partner' ? 0 : v.customerTotalCents,
    partnerTotalCents: ownRole === 'customer' ? 0 : v.partnerTotalCents,
  }));
  const q = doc.quote;
  return {
    id: q.id,
    number: q.number,
    entityId: q.entityId,
    customerId: q.customerId,
    customerName: doc.customerName,
    partnerId: q.partnerId,
    partnerName: doc.partnerName,
    leadId: q.leadId,
    lead,
    partnerVatNumber: actor.role === 'customer' ? null : doc.partnerVatNumber,
    status: q.status,
    currentVersion: q.currentVersion,
    lockVersion: q.lockVersion,
    validUntil: q.validUntil,
    createdAt: q.createdAt.toISOString(),
    sentAt: q.sentAt?.toISOString() ?? null,
    signedAt: q.signedAt?.toISOString() ?? null,
    orderId,
    customerTotalCents: ownRole === 'partner' ? 0 : doc.version.customerTotalCents,
    partnerTotalCents: ownRole === 'customer' ? 0 : doc.version.partnerTotalCents,
    vatCents: documentTotals(lines).vatCents,
    lines: lines.map((l) => ({
      position: l.position,
      productId: l.productId,
      kitId: l.kitId,
      category: l.category,
      description: l.description,
      specification: actor.role === 'customer' ? null : l.specification,
      descriptionEn: l.descriptionEn,
      specificationEn: actor.role === 'customer' ? null : l.specificationEn,
      quantity: Number(l.quantity),
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      billTo: l.billTo,
      billingRule: l.billingRule,
      totalCents: l.totalCents,
    })),
    visits: doc.visits.map((v) => ({ sequence: v.sequence, type: v.type, durationMinutes: v.durationMinutes })),
    signatures: signatures
      .filter((r) => !ownRole || r.s.role === ownRole)
      .map(({ s, version }) => ({
        role: s.role,
        status: s.status,
        version,
        signerName: s.signerName,
        usedAt: s.usedAt?.toISOString() ?? null,
        declineReason: s.declineReason,
        expiresAt: s.expiresAt.toISOString(),
      })),
    versions: shownVersions,
  };
}
