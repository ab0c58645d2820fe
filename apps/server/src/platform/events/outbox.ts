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

/** Several events of one change: one insert and one statement of notifications. */
export async function emitEvents(tx: DbOrTx, events: DomainEvent[]): Promise<void> {
  if (!events.length) return;
  const rows = await tx.insert(outboxEvents).values(events).returning({ id: outboxEvents.id });
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, id::text) from unnest(${`{${rows.map((r) => r.id).join(',')}}`}::bigint[]) as id`);
}
