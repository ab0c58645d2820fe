import { and, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { webhookAttempts, webhookDeliveries, webhookMessages } from './integrations.schema.ts';

/** Attempts and finished deliveries are kept this long. */
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;

/** Keeps the log to 30 days. */
export async function purgeDeliveryLog(db: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS);
  await db.delete(webhookAttempts).where(lt(webhookAttempts.at, cutoff));
  await db
    .delete(webhookDeliveries)
    .where(
      and(
        lt(webhookDeliveries.createdAt, cutoff),
        inArray(webhookDeliveries.state, ['delivered', 'failed', 'cancelled']),
      ),
    );
  // A message goes with its last delivery (one still pending keeps it).
  await db
    .delete(webhookMessages)
    .where(
      and(
        lt(webhookMessages.createdAt, cutoff),
        notExists(
          db.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.messageId, webhookMessages.id)),
        ),
      ),
    );
}
