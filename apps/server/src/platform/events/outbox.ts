import { sql } from 'drizzle-orm';
import { DomainEvent } from '@chargecars/contract';
import type { DbOrTx } from '../db/client.ts';
import { outboxEvents, type EventAudience } from './events.schema.ts';

/** Channel on which committed events are announced; every server instance listens. */
export const EVENTS_CHANNEL = 'domain_events';

/** A domain event (type and data, as the contract declares them) with what it is about and who may see it. */
export type OutboxEvent = DomainEvent & {
  subjectType: string;
  subjectId: string;
  audience: EventAudience;
};

/** An event whose data does not match its type's schema in the contract. */
export class EventPayloadError extends Error {
  constructor(
    readonly type: string,
    readonly issues: string,
  ) {
    super(`${type}: data does not match its schema: ${issues}`);
  }
}

/**
 * The typecheck holds every emit site to the contract; this catches what it cannot see (a value that
 * is null at runtime, a Date where a timestamp string belongs, a key added through a spread). In
 * development and tests a mismatch throws, so the change fails where it was made; in production the
 * change and its event still commit, and the mismatch is reported, because a partner's slightly
 * different payload does less harm than a signature or payment that did not happen.
 */
function checkPayload(event: OutboxEvent): void {
  const checked = DomainEvent.safeParse({ type: event.type, data: event.data });
  if (checked.success) return;
  const error = new EventPayloadError(
    event.type,
    checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
  );
  if (process.env.NODE_ENV === 'production') process.emitWarning(error);
  else throw error;
}

/**
 * Records a domain event in the caller's transaction. The NOTIFY is transactional too:
 * PostgreSQL delivers it only at commit, so listeners never see an event whose change rolled back.
 */
export async function emitEvent(tx: DbOrTx, event: OutboxEvent): Promise<void> {
  await emitEvents(tx, [event]);
}

/** Ids per notification: a NOTIFY payload must stay under 8,000 bytes. */
const IDS_PER_NOTIFY = 500;

/**
 * Several events of one change: one insert, and one notification listing their ids (comma-separated),
 * so a batch of a hundred events wakes each listener once.
 */
export async function emitEvents(tx: DbOrTx, events: OutboxEvent[]): Promise<void> {
  if (!events.length) return;
  for (const event of events) checkPayload(event);
  const ids = (await tx.insert(outboxEvents).values(events).returning({ id: outboxEvents.id })).map((r) => r.id);
  for (let i = 0; i < ids.length; i += IDS_PER_NOTIFY) {
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${ids.slice(i, i + IDS_PER_NOTIFY).join(',')})`);
  }
}

/** The event ids a notification names. */
export function notifiedIds(payload: string): number[] {
  return payload
    .split(',')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}
