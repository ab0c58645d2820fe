import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import { billingRulesFor } from './allocate-billing.ts';
import { priceQuoteLines, type LineInput } from './price-quote-lines.ts';
import { proposeVisits, type ProposedVisit } from './propose-visits.ts';
import { saveQuoteVersion, sumFor, visitsOrProposal } from './save-quote-version.ts';
import { quotes, quoteVersions } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import { loadQuoteDocument } from './quote-document.ts';
import { takeQuoteLock } from './quote-lock.ts';
import { invalidateSignatures, issueSigningLinks } from './signing-links.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';

/**
 * A line that stays (same product or kit) keeps who pays it and why, unless the editor chose again: a
 * quantity change must not move the extra cable from the customer to the partner.
 */
async function carryAllocation(db: Db, quoteId: string, lines: readonly LineInput[]): Promise<LineInput[]> {
  const previous = await loadQuoteDocument(db, quoteId);
  const keyOf = (l: { productId?: string | null | undefined; kitId?: string | null | undefined }) =>
    l.productId ?? (l.kitId ? `kit:${l.kitId}` : null);
  const byItem = new Map((previous?.lines ?? []).flatMap((l) => (keyOf(l) ? [[keyOf(l)!, l] as const] : [])));
  return lines.map((l) => {
    const before = keyOf(l) && !l.billTo ? byItem.get(keyOf(l)!) : undefined;
    return before ? { ...l, billTo: before.billTo, inheritedRule: before.billingRule ?? undefined } : l;
  });
}

export type ReviseQuoteOptions = {
  quoteId: string;
  lockVersion: number;
  lines: readonly LineInput[];
  changeNote?: string | undefined;
  visits?: readonly { type: ProposedVisit['type']; durationMinutes: number }[] | undefined;
  publicUrl: string;
};

/**
 * Changes the lines. A draft is edited in place; once sent, every change is a new whole version,
 * earlier signatures are voided and both sides get a new link.
 */
export async function reviseQuote(db: Db, actor: Actor, opts: ReviseQuoteOptions) {
  const [current] = await db.select().from(quotes).where(eq(quotes.id, opts.quoteId));
  if (!current) throw notFound('Offerte');
  if (current.status === 'signed' || current.status === 'expired') throw quoteErrors.notEditable(current.status);
  const rules = await billingRulesFor(db, current.partnerId, current.entityId, todayInAmsterdam());
  const lines = await priceQuoteLines(db, {
    entityId: current.entityId,
    partnerId: current.partnerId,
    rules,
    lines: await carryAllocation(db, opts.quoteId, opts.lines),
  });
  const visits = visitsOrProposal(opts.visits, proposeVisits(lines));
  return db.transaction(async (tx) => {
    const locked = await takeQuoteLock(tx, opts.quoteId, opts.lockVersion);
    if (locked.status === 'signed' || locked.status === 'expired') throw quoteErrors.notEditable(locked.status);
    const before = await loadQuoteDocument(tx, opts.quoteId);
    const inPlace = locked.status === 'draft';
    const version = inPlace ? locked.currentVersion : locked.currentVersion + 1;
    if (inPlace)
      await tx
        .delete(quoteVersions)
        .where(and(eq(quoteVersions.quoteId, locked.id), eq(quoteVersions.version, version)));
    await saveQuoteVersion(tx, actor, { quoteId: locked.id, version, lines, visits, changeNote: opts.changeNote });
    const [quote] = await tx
      .update(quotes)
      .set({ currentVersion: version, status: inPlace ? 'draft' : 'sent', signedAt: null })
      .where(eq(quotes.id, locked.id))
      .returning();
    if (!inPlace) {
      await invalidateSignatures(tx, locked.id, `gewijzigd naar versie ${version}`);
      await issueSigningLinks(tx, (await loadQuoteDocument(tx, locked.id))!, opts.publicUrl);
    }
    const after = {
      version,
      customerTotalCents: sumFor(lines, 'customer'),
      partnerTotalCents: sumFor(lines, 'partner'),
      changeNote: opts.changeNote ?? null,
    };
    await recordAudit(tx, actor, {
      action: 'quote.revised',
      subjectType: 'quote',
      subjectId: locked.id,
      before: {
        version: before?.version.version,
        customerTotalCents: before?.version.customerTotalCents,
        partnerTotalCents: before?.version.partnerTotalCents,
      },
      after,
    });
    await emitEvent(tx, {
      type: 'quote.revised',
      subjectType: 'quote',
      subjectId: locked.id,
      data: after,
      audience: inPlace ? { staffOnly: true } : { partnerId: quote!.partnerId, customerId: quote!.customerId },
    });
    return { id: quote!.id, version, status: quote!.status, lockVersion: quote!.lockVersion };
  });
}
