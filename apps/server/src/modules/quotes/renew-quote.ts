import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import { billingRulesFor } from './allocate-billing.ts';
import { priceQuoteLines } from './price-quote-lines.ts';
import { saveQuoteVersion } from './save-quote-version.ts';
import { quotes } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import { loadQuoteDocument } from './quote-document.ts';
import { takeQuoteLock } from './quote-lock.ts';
import { invalidateSignatures, issueSigningLinks } from './signing-links.ts';
import { VALIDITY_DAYS } from './create-quote.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';

/**
 * An expired or declined quote comes back as a new version at today's prices, valid for another
 * 30 days, with new signing links. Lines keep their allocation (chosen by a person or by a rule).
 */
export async function renewQuote(
  db: Db,
  actor: Actor,
  opts: { quoteId: string; lockVersion: number; publicUrl: string },
) {
  const old = await loadQuoteDocument(db, opts.quoteId);
  if (!old) throw notFound('Offerte');
  if (old.quote.status !== 'expired' && old.quote.status !== 'declined') throw quoteErrors.notRenewable();
  const today = todayInAmsterdam();
  const rules = await billingRulesFor(db, old.quote.partnerId, old.quote.entityId, today);
  const lines = await priceQuoteLines(db, {
    entityId: old.quote.entityId,
    partnerId: old.quote.partnerId,
    rules,
    lines: [...old.lines]
      .sort((x, y) => x.position - y.position)
      .map((l) => ({
        quantity: Number(l.quantity),
        billTo: l.billTo,
        inheritedRule: l.billingRule ?? undefined,
        category: l.category ?? undefined,
        ...(l.productId
          ? { productId: l.productId }
          : l.kitId
            ? { kitId: l.kitId }
            : {
                description: l.description,
                unitPriceCents: l.unitPriceCents,
                vatRate: l.vatRate,
                vatCategory: l.vatCategory,
              }),
      })),
  });
  return db.transaction(async (tx) => {
    const locked = await takeQuoteLock(tx, opts.quoteId, opts.lockVersion);
    if (locked.status !== 'expired' && locked.status !== 'declined') throw quoteErrors.notRenewable();
    const version = locked.currentVersion + 1;
    await saveQuoteVersion(tx, actor, {
      quoteId: locked.id,
      version,
      lines,
      visits: old.visits.map((v) => ({ sequence: v.sequence, type: v.type, durationMinutes: v.durationMinutes })),
      changeNote: 'Vernieuwd na verlopen of afwijzen',
      changeNoteEn: 'Renewed after it expired or was declined',
    });
    const [quote] = await tx
      .update(quotes)
      .set({
        currentVersion: version,
        status: 'sent',
        sentAt: new Date(),
        validUntil: addDaysToDate(today, VALIDITY_DAYS),
        expiryReminderSentAt: null,
      })
      .where(eq(quotes.id, locked.id))
      .returning();
    await invalidateSignatures(tx, locked.id, `vernieuwd als versie ${version}`);
    await issueSigningLinks(tx, (await loadQuoteDocument(tx, locked.id))!, opts.publicUrl);
    await recordAudit(tx, actor, {
      action: 'quote.renewed',
      subjectType: 'quote',
      subjectId: locked.id,
      before: { status: locked.status, validUntil: locked.validUntil },
      after: { version, validUntil: quote!.validUntil },
    });
    await emitEvent(tx, {
      type: 'quote.renewed',
      subjectType: 'quote',
      subjectId: locked.id,
      data: { number: quote!.number, version },
      audience: { partnerId: quote!.partnerId, customerId: quote!.customerId },
    });
    return {
      id: quote!.id,
      version,
      status: quote!.status,
      lockVersion: quote!.lockVersion,
      validUntil: quote!.validUntil,
    };
  });
}
