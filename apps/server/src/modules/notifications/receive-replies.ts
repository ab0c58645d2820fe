import type { Db } from '../../platform/db/client.ts';
import type { InboundReply } from '../../platform/messaging/inbound-payloads.ts';
import { findAnsweredMessage, storeInboundMessage } from '../../platform/messaging/inbound-messages.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { sentence } from '../../platform/sentences/sentences.ts';
import { customerByContact, customerSourceEntity } from '../../read-models/customer-by-contact.ts';
import { recordInteraction } from '../crm/index.ts';

const EXCERPT = 160;
const excerptOf = (reply: InboundReply) => {
  const text = (reply.text || reply.subject).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
};

/**
 * Keeps the replies of one webhook call, each in a transaction of its own: matched to the message it answers
 * and to the customer (the answered message's, else the one customer with this address or number), or kept
 * as from an unknown sender. A matched reply is also an entry on the customer's timeline, and every new
 * reply is an event that rings the bell of operations (someone waits for an answer). A reply the provider
 * delivered before is neither stored, entered nor announced again.
 */
export async function receiveReplies(db: Db, replies: InboundReply[]) {
  let stored = 0;
  let matched = 0;
  for (const reply of replies)
    await db.transaction(async (tx) => {
      const answered = await findAnsweredMessage(tx, reply);
      const customerId = answered?.customerId ?? (await customerByContact(tx, reply.channel, reply.from))?.id ?? null;
      const id = await storeInboundMessage(tx, reply, { customerId, answered });
      if (!id) return;
      stored += 1;
      // Staff only: the reply's words stay out of the partner's and the customer's own channels.
      await emitEvent(tx, {
        type: 'customer.replied',
        subjectType: 'inbound_message',
        subjectId: id,
        data: {
          inboundMessageId: id,
          channel: reply.channel,
          customerId,
          from: reply.fromName || reply.from,
          excerpt: excerptOf(reply),
        },
        audience: { partnerId: null, customerId: null, teamId: null },
      });
      if (!customerId) return;
      matched += 1;
      await recordInteraction(tx, {
        customerId,
        entityId: answered?.entityId ?? (await customerSourceEntity(tx, customerId))!,
        channel: reply.channel,
        sentence: sentence('contact.reply_received', { channel: reply.channel, excerpt: excerptOf(reply) }),
        occurredAt: reply.receivedAt,
      });
    });
  return { stored, matched };
}
