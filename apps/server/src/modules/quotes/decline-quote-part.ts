import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { quotes, quoteSignatures } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import { resolveSigningLink } from './signing-link.ts';
import { appendTrail } from './signing-trail.ts';
import { signerActor, type SignerContext } from './sign-quote-part.ts';

/** Declines one side's part with a reason; the quote is declined until ops revise it. */
export async function declineQuotePart(db: Db, opts: { token: string; reason: string; ctx: SignerContext }) {
  return db.transaction(async (tx) => {
    const { signature, doc } = await resolveSigningLink(tx, opts.token, new Date(), true);
    if (signature.usedAt) throw quoteErrors.linkUsed();
    const now = new Date();
    await tx
      .update(quoteSignatures)
      .set({
        status: 'declined',
        declineReason: opts.reason,
        ip: opts.ctx.ip,
        userAgent: opts.ctx.userAgent,
        usedAt: now,
      })
      .where(eq(quoteSignatures.id, signature.id));
    const [quote] = await tx
      .update(quotes)
      .set({ status: 'declined' })
      .where(eq(quotes.id, signature.quoteId))
      .returning();
    await appendTrail(
      tx,
      quote!.id,
      'declined',
      {
        role: signature.role,
        version: doc.version.version,
        reason: opts.reason,
        ip: opts.ctx.ip,
        userAgent: opts.ctx.userAgent,
      },
      now,
    );
    const actor = signerActor(
      signature.role,
      doc,
      signature.role === 'customer' ? doc.customerName : (doc.partnerName ?? ''),
      opts.ctx,
    );
    await recordAudit(tx, actor, {
      action: 'quote.part_declined',
      subjectType: 'quote',
      subjectId: quote!.id,
      after: { role: signature.role, reason: opts.reason },
    });
    await emitEvent(tx, {
      type: 'quote.declined',
      subjectType: 'quote',
      subjectId: quote!.id,
      data: { number: quote!.number, role: signature.role, reason: opts.reason },
      audience: { partnerId: quote!.partnerId, customerId: quote!.customerId },
    });
    return { status: 'declined' as const, quoteStatus: 'declined' as const, orderId: null };
  });
}
