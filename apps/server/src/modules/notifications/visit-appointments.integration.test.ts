import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import * as s from '../../platform/db/schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';
import { tellCustomerOfAppointment } from './visit-appointments.ts';

let t: TestApp;
let planner: Awaited<ReturnType<TestApp['as']>>;
let subscriber: QueuedSubscriber;
const today = todayInAmsterdam();
/** Monday two weeks ahead (ISO weekday of today: Monday 1 to Sunday 7). */
const monday = addDaysToDate(today, 15 - (((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1));
const tuesday = addDaysToDate(monday, 1);

/** Hands every visit event not yet handed to the subscriber, as the relay would; `again` hands them all twice. */
let lastEventId = 0;
async function relay(again = false) {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId && (subscriber.eventTypes as string[]).includes(r.type));
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of again ? [...fresh, ...fresh] : fresh) await subscriber.handle(relayedEvent(row) as never);
}
const mailsOf = async (customerId: string) =>
  (await t.database.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.customerId, customerId))).filter((m) =>
    m.messageType.startsWith('visit_'),
  );

async function move(visitId: string, slot: { date: string; block: 'morning' | 'afternoon' } | null) {
  const [row] = await t.database.db.select().from(s.visits).where(eq(s.visits.id, visitId));
  const res = await planner.put(`/api/visits/${visitId}`, {
    lockVersion: row!.lockVersion,
    slot: slot && { teamId: t.fixtures.team1.id, ...slot },
    overrideReason: 'Test: de klant is al gebeld',
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('planner@chargecars.nl');
  subscriber = t.built.workers.subscribers.find(
    (x) => x.queue === 'event.notifications.visit-appointments',
  ) as QueuedSubscriber;
  const [last] = await t.database.db
    .select({ id: s.outboxEvents.id })
    .from(s.outboxEvents)
    .orderBy(s.outboxEvents.id)
    .limit(1);
  lastEventId = (last?.id ?? 1) - 1;
});
afterAll(() => t?.close());

describe('the customer hears of their appointment', () => {
  it('is told when it is made, when it moves and when it is taken off; once each, with the calendar item', async () => {
    const { c1, o1, v1 } = t.fixtures;
    const [visit] = await t.database.db
      .insert(s.visits)
      .values({
        number: 'BZ-AFSPRAAK',
        orderId: o1.id,
        entityId: o1.entityId,
        customerId: c1.id,
        addressId: v1.addressId,
        type: 'installation',
        status: 'to_schedule',
        durationMinutes: 60,
      })
      .returning();
    await relay();
    const before = (await mailsOf(c1.id)).length;

    await move(visit!.id, { date: monday, block: 'morning' });
    await relay(true);
    let mails = (await mailsOf(c1.id)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ messageType: 'visit_planned', to: c1.email, status: 'queued' });
    expect(mails[0]!.subject).toMatch(/^Uw afspraak: .* \(BZ-AFSPRAAK\)$/);
    expect(mails[0]!.bodyText).toContain('tussen 8:00 en 12:00 uur');
    expect(mails[0]!.attachments?.[0]?.filename).toBe('BZ-AFSPRAAK.ics');

    await move(visit!.id, { date: tuesday, block: 'afternoon' });
    await relay();
    mails = (await mailsOf(c1.id)).slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toMatch(/^Uw afspraak is verplaatst naar/);
    expect(mails[1]!.bodyText).toContain('tussen 12:00 en 17:00 uur');

    await move(visit!.id, null);
    await relay(true);
    mails = (await mailsOf(c1.id)).slice(before);
    expect(mails).toHaveLength(3);
    expect(mails[2]).toMatchObject({ messageType: 'visit_cancelled', attachments: null });
    expect(mails[2]!.bodyText).toContain('Wij plannen een nieuwe afspraak');
  });

  it('says nothing of an appointment in the past, nor of an event a later change overtook', async () => {
    const { c2, o2, v2 } = t.fixtures;
    const [visit] = await t.database.db
      .insert(s.visits)
      .values({
        number: 'BZ-OVERTAKEN',
        orderId: o2.id,
        entityId: o2.entityId,
        customerId: c2.id,
        addressId: v2.addressId,
        type: 'survey',
        status: 'to_schedule',
        durationMinutes: 60,
      })
      .returning();
    await relay();
    const before = (await mailsOf(c2.id)).length;
    await move(visit!.id, { date: monday, block: 'morning' });
    // Overtaken before the event is handled: the visit now stands elsewhere, whose own event tells.
    await t.database.db.update(s.visits).set({ scheduledDate: tuesday }).where(eq(s.visits.id, visit!.id));
    await relay();
    expect((await mailsOf(c2.id)).slice(before)).toEqual([]);

    // Back where the event says, but that day has passed by the time the event is handled.
    await t.database.db.update(s.visits).set({ scheduledDate: monday }).where(eq(s.visits.id, visit!.id));
    const [event] = await t.database.db
      .select()
      .from(s.outboxEvents)
      .where(eq(s.outboxEvents.subjectId, visit!.id))
      .orderBy(desc(s.outboxEvents.id))
      .limit(1);
    await tellCustomerOfAppointment(t.database.db, relayedEvent(event!) as never, tuesday);
    expect((await mailsOf(c2.id)).slice(before)).toEqual([]);
  });
});
