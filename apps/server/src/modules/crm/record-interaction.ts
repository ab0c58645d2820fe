import type { DbOrTx } from '../../platform/db/client.ts';
import { stored, type Sentence } from '../../platform/sentences/sentences.ts';
import { interactions, type INTERACTION_CHANNELS } from './crm.schema.ts';

/**
 * An entry the platform writes in a customer's contact history (their timeline on the customer page), in the
 * caller's transaction: worded when read, in the reader's language.
 */
export async function recordInteraction(
  tx: DbOrTx,
  entry: {
    customerId: string;
    entityId: string;
    channel: (typeof INTERACTION_CHANNELS)[number];
    sentence: Sentence;
    occurredAt?: Date;
  },
) {
  await tx.insert(interactions).values({
    customerId: entry.customerId,
    entityId: entry.entityId,
    channel: entry.channel,
    ...stored(entry.sentence),
    ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
  });
}
