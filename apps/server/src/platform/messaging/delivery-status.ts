import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { emailOutbox, unreachableContacts, type MessageChannel } from '../mail.schema.ts';

/** What a provider reports about a message it took: delivered, bounced (hard: the address does not exist) or failed. */
export type DeliveryReport = {
  providerId: string;
  status: 'delivered' | 'bounced' | 'failed';
  hard?: boolean | undefined;
  reason?: string | undefined;
};

/** The header a status callback carries: `sha256=` and the hex HMAC-SHA256 of the raw body with the shared secret. */
export const SIGNATURE_HEADER = 'x-signature-256';

export const signCallback = (secret: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/** Constant-time check of a callback's signature; no secret configured means no callback is believed. */
export function callbackSignatureValid(
  secret: string | undefined,
  rawBody: string,
  given: string | undefined,
): boolean {
  if (!secret || !given) return false;
  const expected = Buffer.from(signCallback(secret, rawBody));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Only a message that went out can be delivered or bounce; a late 'delivered' does not undo a bounce. */
const REPORTABLE = ['sent', 'delivered'] as const;

/**
 * Records a provider's report on the message it names. A hard bounce marks the address unreachable: the
 * sender skips it from then on and ops see it on the customer. Answers whether a message was found.
 */
export async function applyDeliveryReport(db: Db, channel: MessageChannel, report: DeliveryReport): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [message] = await tx
      .update(emailOutbox)
      .set({ status: report.status, reason: report.reason ?? null, updatedAt: new Date() })
      .where(
        and(
          eq(emailOutbox.channel, channel),
          eq(emailOutbox.providerId, report.providerId),
          inArray(emailOutbox.status, [...REPORTABLE]),
        ),
      )
      .returning({ id: emailOutbox.id, to: emailOutbox.to });
    if (!message) return false;
    if (report.status === 'bounced' && report.hard !== false)
      await tx
        .insert(unreachableContacts)
        .values({
          channel,
          address: message.to.toLowerCase(),
          reason: report.reason ?? 'hard bounce',
          messageId: message.id,
        })
        .onConflictDoNothing();
    return true;
  });
}
