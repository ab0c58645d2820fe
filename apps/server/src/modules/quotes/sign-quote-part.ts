import { and, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { quotes, quoteSignatures } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import type { QuoteDocument } from './quote-document.ts';
import { resolveSigningLink } from './signing-link.ts';
import { appendTrail } from './signing-trail.ts';
import { ensureCustomerAccount } from '../../platform/auth/customer-accounts.ts';
import { convertLead } from '../leads/index.ts';

export type SignerContext = { ip: string; userAgent: string; requestId?: string };
export type CreateOrderFromQuote = (tx: Tx, doc: QuoteDocument) => Promise<{ id: string }>;

/** The signer acts without an account; the audit names them by the part they sign. */
export const signerActor = (
  role: 'customer' | 'partner',
  doc: QuoteDocument,
  name: string,
  ctx: SignerContext,
): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  role,
  name,
  partnerId: role === 'partner' ? doc.quote.partnerId : null,
  teamId: null,
  customerId: role === 'customer' ? doc.quote.customerId : null,
  ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
});

/**
 * Signs one side's part through its link. When the last required side signs, the order is created
 * in the same transaction, so a signed quote without its order cannot exist.
 */
export async function signQuotePart(
  db: Db,
  opts: {
    token: string;
    name: string;
    method: 'drawn' | 'typed';
    signatureImage?: string | undefined;
    ctx: SignerContext;
    createOrder: CreateOrderFromQuote;
  },
) {
  return db.transaction(async (tx) => {
    const { signature, doc } = await resolveSigningLink(tx, opts.token, new Date(), true);
    if (signature.usedAt) throw quoteErrors.linkUsed();
    const [quote] = await tx.select().from(quotes).where(eq(quotes.id, signature.quoteId)).for('update');
    if (quote!.status === 'declined' || quote!.status === 'signed') throw quoteErrors.notEditable(quote!.status);
    const now = new Date();
    await tx
      .update(quoteSignatures)
      .set({
        status: 'signed',
        signerName: opts.name,
        method: opts.method,
        signatureImage: opts.signatureImage ?? null,
        ip: opts.ctx.ip,
        userAgent: opts.ctx.userAgent,
        usedAt: now,
      })
      .where(eq(quoteSignatures.id, signature.id));
    await appendTrail(
      tx,
      quote!.id,
      'signed',
      {
        role: signature.role,
        version: doc.version.version,
        signerName: opts.name,
        method: opts.method,
        ip: opts.ctx.ip,
        userAgent: opts.ctx.userAgent,
        documentSha256: signature.documentSha256,
      },
      now,
    );
    const open = await tx
      .select({ id: quoteSignatures.id })
      .from(quoteSignatures)
      .where(
        and(
          eq(quoteSignatures.quoteVersionId, signature.quoteVersionId),
          ne(quoteSignatures.status, 'signed'),
          ne(quoteSignatures.status, 'invalidated'),
        ),
      );
    const complete = open.length === 0;
    await tx
      .update(quotes)
      .set({ status: complete ? 'signed' : 'partially_signed', signedAt: complete ? now : null })
      .where(eq(quotes.id, quote!.id));
    const actor = signerActor(signature.role, doc, opts.name, opts.ctx);
    await recordAudit(tx, actor, {
      action: 'quote.part_signed',
      subjectType: 'quote',
      subjectId: quote!.id,
      after: { role: signature.role, version: doc.version.version, documentSha256: signature.documentSha256 },
    });
    const audience = { partnerId: quote!.partnerId, customerId: quote!.customerId };
    await emitEvent(tx, {
      type: 'quote.part_signed',
      subjectType: 'quote',
      subjectId: quote!.id,
      data: { number: quote!.number, role: signature.role },
      audience,
    });
    // The customer who signs gets their portal account now (or keeps the one with their e-mail address).
    if (signature.role === 'customer')
      await ensureCustomerAccount(tx, { id: quote!.customerId, email: doc.customerEmail, name: doc.customerName });
    let orderId: string | null = null;
    if (complete) {
      await appendTrail(tx, quote!.id, 'fully_signed', { version: doc.version.version }, now);
      await emitEvent(tx, {
        type: 'quote.signed',
        subjectType: 'quote',
        subjectId: quote!.id,
        data: { number: quote!.number, version: doc.version.version },
        audience,
      });
      orderId = (await opts.createOrder(tx, doc)).id;
      if (quote!.leadId) await convertLead(tx, SYSTEM_ACTOR, quote!.leadId, quote!.number, now);
    }
    return {
      status: 'signed' as const,
      quoteStatus: complete ? ('signed' as const) : ('partially_signed' as const),
      orderId,
    };
  });
}
