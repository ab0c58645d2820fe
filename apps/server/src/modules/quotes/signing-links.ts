import { and, eq, inArray } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { formatDutchDate } from '../../platform/calendar.ts';
import type { Tx } from '../../platform/db/client.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { quoteSignatures } from './quotes.schema.ts';
import { partSha256, quotePart, type QuoteDocument } from './quote-document.ts';
import { appendTrail } from './signing-trail.ts';
import { customerLanguage } from '../../read-models/message-recipients.ts';
import { mailSettingsOf } from '../partners/index.ts';

const PART = {
  nl: { customer: 'uw deel', partner: 'het partnerdeel' },
  en: { customer: 'your part', partner: 'the partner part' },
} as const;

/** 256 random bits, URL-safe; only the SHA-256 is stored, so a leaked table signs nothing. */
const newSigningToken = () => randomBytes(32).toString('base64url');
export const hashSigningToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who must sign a version: each side that pays at least one line (a partner only if there is one). */
export function signersOf(doc: QuoteDocument): ('customer' | 'partner')[] {
  const roles: ('customer' | 'partner')[] = [];
  if (doc.lines.some((l) => l.billTo === 'customer')) roles.push('customer');
  if (doc.quote.partnerId && doc.lines.some((l) => l.billTo === 'partner')) roles.push('partner');
  return roles;
}

/**
 * A fresh link per signer for the document's version, mailed in the same transaction, in the signer's
 * language (the customer's preference; the partner's contact for e-mail, at its address). The link expires with the quote's validity
 * (end of that day, Amsterdam winter time at the latest).
 */
export async function issueSigningLinks(tx: Tx, doc: QuoteDocument, publicUrl: string) {
  const expiresAt = new Date(`${doc.quote.validUntil}T22:59:59Z`);
  const issued: { role: 'customer' | 'partner'; token: string }[] = [];
  for (const role of signersOf(doc)) {
    const token = newSigningToken();
    const part = quotePart(doc, role);
    await tx.insert(quoteSignatures).values({
      quoteId: doc.quote.id,
      quoteVersionId: doc.version.id,
      role,
      tokenHash: hashSigningToken(token),
      expiresAt,
      documentSha256: partSha256(part),
    });
    // The partner's part goes to its contact for e-mail, in that contact's language.
    const contact = role === 'partner' ? await mailSettingsOf(tx, doc.quote.partnerId!) : null;
    const to = contact?.email ?? doc.customerEmail;
    const language = contact?.language ?? (await customerLanguage(tx, doc.quote.customerId));
    await storeEmail(tx, {
      to,
      customerId: role === 'customer' ? doc.quote.customerId : null,
      ...(await renderMessage(tx, {
        type: 'signing_link',
        language,
        brand: doc.entity,
        values: {
          signerName: part.signerParty,
          quoteNumber: doc.quote.number,
          version: String(doc.version.version),
          part: PART[language][role],
          validUntil: language === 'nl' ? formatDutchDate(doc.quote.validUntil) : doc.quote.validUntil,
          link: `${publicUrl}/sign/${token}`,
        },
      })),
    });
    await appendTrail(tx, doc.quote.id, 'link_sent', {
      role,
      version: doc.version.version,
      to,
      documentSha256: partSha256(part),
    });
    issued.push({ role, token });
  }
  return issued;
}

/** A change voids every open or given signature of older versions: the signer is asked again. */
export async function invalidateSignatures(tx: Tx, quoteId: string, reason: string) {
  const voided = await tx
    .update(quoteSignatures)
    .set({ status: 'invalidated' })
    .where(and(eq(quoteSignatures.quoteId, quoteId), inArray(quoteSignatures.status, ['pending', 'signed'])))
    .returning({ role: quoteSignatures.role, status: quoteSignatures.status });
  if (voided.length)
    await appendTrail(tx, quoteId, 'signatures_invalidated', { reason, roles: voided.map((v) => v.role) });
  return voided.length;
}
