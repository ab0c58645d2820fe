import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { outboxEvents, type EventAudience } from './events.schema.ts';

/** Channel on which committed events are announced; every server instance listens. */
export const EVENTS_CHANNEL = 'domain_events';

export type DomainEvent = {
  type: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  audience: EventAudience;
};

/**
 * Records a domain event in the caller's transaction. The NOTIFY is transactional too:
 * PostgreSQL delivers it only at commit, so listeners never see an event whose change rolled back.
 */
export async function emitEvent(tx: DbOrTx, event: DomainEvent): Promise<void> {
  await emitEvents(tx, [event]);
}

/** Ids per notification: a NOTIFY payload must stay under 8,000 bytes. */
const IDS_PER_NOTIFY = 500;

/**
 * Several events of one change: one insert, and one notification listing their ids (comma-separated),
 * so a batch of a hundred events wakes each listener once.
 */
export async function emitEvents(tx: DbOrTx, events: DomainEvent[]): Promise<void> {
  if (!events.length) return;
  const ids = (await tx.insert(outboxEvents).values(events).returning({ id: outboxEvents.id })).map((r) => r.id);
  for (let i = 0; i < ids.length; i += IDS_PER_NOTIFY) {
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${ids.slice(i, i + IDS_PER_NOTIFY).join(',')})`);
  }
}

/** The event ids a notification names. */
export function notifiedIds(payload: string): number[] {
  return payload.split(',').map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
}
