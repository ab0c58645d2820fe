import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { quotes } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import { loadQuoteDocument } from './quote-document.ts';
import { takeQuoteLock } from './quote-lock.ts';
import { issueSigningLinks } from './signing-links.ts';

/** Sends a draft: each paying side gets its own signing link for exactly its part. */
export async function sendQuote(
  db: Db,
  actor: Actor,
  opts: { quoteId: string; lockVersion: number; publicUrl: string },
) {
  return db.transaction(async (tx) => {
    const locked = await takeQuoteLock(tx, opts.quoteId, opts.lockVersion);
    if (locked.status !== 'draft') throw quoteErrors.notSendable(locked.status);
    const [quote] = await tx
      .update(quotes)
      .set({ status: 'sent', sentAt: new Date() })
      .where(eq(quotes.id, opts.quoteId))
      .returning();
    const doc = (await loadQuoteDocument(tx, opts.quoteId))!;
    const links = await issueSigningLinks(tx, doc, opts.publicUrl);
    await recordAudit(tx, actor, {
      action: 'quote.sent',
      subjectType: 'quote',
      subjectId: quote!.id,
      after: { version: quote!.currentVersion, signers: links.map((l) => l.role) },
    });
    await emitEvent(tx, {
      type: 'quote.sent',
      subjectType: 'quote',
      subjectId: quote!.id,
      data: { number: quote!.number, version: quote!.currentVersion },
      audience: { partnerId: quote!.partnerId, customerId: quote!.customerId },
    });
    return { id: quote!.id, status: quote!.status, lockVersion: quote!.lockVersion, signers: links.map((l) => l.role) };
  });
}
