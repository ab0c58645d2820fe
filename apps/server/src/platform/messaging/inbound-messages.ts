import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { emailOutbox, inboundMessages, type MessageChannel, type ReplyMatch } from '../mail.schema.ts';
import type { InboundReply } from './inbound-payloads.ts';

/** A reply without a reference answers the last message we sent that address or number, if it is this recent. */
export const LAST_MESSAGE_WINDOW_MS = 30 * 24 * 60 * 60_000;
/** WhatsApp lets a business write freely for 24 hours after the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;

export type AnsweredMessage = { id: string; customerId: string | null; entityId: string | null; matchedBy: ReplyMatch };

const answered = { id: emailOutbox.id, customerId: emailOutbox.customerId, entityId: emailOutbox.entityId };

/**
 * The message of ours a reply answers: the one its reply address names, else its mail headers, else the
 * one WhatsApp says it replies to, else the last one we sent that sender on that channel (30 days).
 * A reference to a message of another channel, or one we never sent, counts for nothing.
 */
export async function findAnsweredMessage(db: DbOrTx, reply: InboundReply): Promise<AnsweredMessage | null> {
  const byIds = async (ids: string[], matchedBy: ReplyMatch) => {
    if (!ids.length) return null;
    const [row] = await db
      .select(answered)
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.channel, reply.channel)))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    return row ? { ...row, matchedBy } : null;
  };
  const byProviderIds = async (ids: string[]) => {
    if (!ids.length) return null;
    const [row] = await db
      .select(answered)
      .from(emailOutbox)
      .where(and(eq(emailOutbox.channel, reply.channel), inArray(emailOutbox.providerId, ids)))
      .limit(1);
    return row ? { ...row, matchedBy: 'whatsapp_context' as const } : null;
  };
  const last = async () => {
    const [row] = await db
      .select(answered)
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.channel, reply.channel),
          sql`lower(${emailOutbox.to}) = ${reply.from.toLowerCase()}`,
          inArray(emailOutbox.status, ['sent', 'delivered', 'stored']),
          gt(emailOutbox.createdAt, new Date(reply.receivedAt.getTime() - LAST_MESSAGE_WINDOW_MS)),
        ),
      )
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    return row ? { ...row, matchedBy: 'last_message' as const } : null;
  };
  return (
    (await byIds(reply.replyAddressIds, 'reply_address')) ??
    (await byIds(reply.headerIds, 'mail_header')) ??
    (await byProviderIds(reply.providerIds)) ??
    (await last())
  );
}

/**
 * Keeps a reply, with the customer it was matched to (or none) and the message it answers. Answers its
 * id, or null when the provider delivered this message before (kept once).
 */
export async function storeInboundMessage(
  tx: DbOrTx,
  reply: InboundReply,
  match: { customerId: string | null; answered: AnsweredMessage | null },
): Promise<string | null> {
  const [row] = await tx
    .insert(inboundMessages)
    .values({
      channel: reply.channel,
      providerMessageId: reply.providerMessageId,
      fromAddress: reply.from,
      fromName: reply.fromName,
      toAddress: reply.to,
      subject: reply.subject,
      bodyText: reply.text,
      customerId: match.customerId,
      entityId: match.answered?.entityId ?? null,
      inReplyTo: match.answered?.id ?? null,
      matchedBy: match.answered?.matchedBy ?? null,
      threadKey: match.answered ? `message:${match.answered.id}` : `contact:${reply.channel}:${reply.from}`,
      receivedAt: reply.receivedAt,
    })
    .onConflictDoNothing({ target: [inboundMessages.channel, inboundMessages.providerMessageId] })
    .returning({ id: inboundMessages.id });
  return row?.id ?? null;
}

/** The numbers among these that wrote to us on WhatsApp in the last 24 hours: we may answer them in free text. */
export async function openWhatsAppConversations(db: DbOrTx, numbers: string[], now: Date): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await db
    .selectDistinct({ from: inboundMessages.fromAddress })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.channel, 'whatsapp' satisfies MessageChannel),
        inArray(inboundMessages.fromAddress, numbers),
        gt(inboundMessages.receivedAt, new Date(now.getTime() - WHATSAPP_WINDOW_MS)),
      ),
    );
  return new Set(rows.map((r) => r.from));
}
