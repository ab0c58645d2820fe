import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import { auditLog, outboxEvents } from '../../platform/events/events.schema.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { visits } from './planning.schema.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;

const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const visitEvents = (visitId: string) =>
  t.database.db
    .select()
    .from(outboxEvents)
    .where(
      and(eq(outboxEvents.subjectId, visitId), inArray(outboxEvents.type, ['visit.scheduled', 'visit.completed'])),
    );

/** Everything a refused call might have touched: the visit itself, its audit trail and its events. */
async function stateOf(visitId: string) {
  const [visit] = await t.database.db.select().from(visits).where(eq(visits.id, visitId));
  const audits = await t.database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.subjectId, visitId));
  return { visit, audits: audits.length, events: (await visitEvents(visitId)).length };
}

/** A fresh visit on fixture order o2, so a test can give it a status without disturbing the others. */
async function newVisit(status: (typeof visits.$inferInsert)['status'], number: string) {
  const { o2, c2, v2 } = t.fixtures;
  const [visit] = await t.database.db
    .insert(visits)
    .values({
      number,
      orderId: o2.id,
      entityId: o2.entityId,
      customerId: c2.id,
      addressId: v2.addressId,
      type: 'installation',
      status,
      durationMinutes: 120,
    })
    .returning();
  return visit!;
}

beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

describe('scheduling and completing a visit', () => {
  it('plans a visit, the team finishes it, and each step is audited and announced to partner, customer and team', async () => {
    const { v1, o1, team1, partnerA, c1 } = t.fixtures;
    const date = dayAfter(todayInAmsterdam(), 3);
    const planner = await t.as('planner@chargecars.nl');
    const scheduled = await planner.post(`/api/visits/${v1.id}/schedule`, {
      date,
      teamId: team1.id,
      block: 'afternoon',
    });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json()).toEqual({
      id: v1.id,
      number: v1.number,
      status: 'scheduled',
      date,
      block: 'afternoon',
      teamId: team1.id,
    });

    const tech2 = await t.as('tech2@chargecars.nl');
    expect((await tech2.post(`/api/visits/${v1.id}/complete`)).statusCode).toBe(404);
    const tech1 = await t.as('tech1@chargecars.nl');
    const completed = await tech1.post(`/api/visits/${v1.id}/complete`);
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ id: v1.id, status: 'completed', completedAt: expect.any(String) });

    const [row] = await t.database.db.select().from(visits).where(eq(visits.id, v1.id));
    expect(row).toMatchObject({
      status: 'completed',
      teamId: team1.id,
      scheduledDate: date,
      block: 'afternoon',
      completedAt: expect.any(Date),
    });
    const events = await visitEvents(v1.id);
    const audience = { partnerId: partnerA.id, customerId: c1.id, teamId: team1.id };
    expect(events.map((e) => e.type).sort()).toEqual(['visit.completed', 'visit.scheduled']);
    expect(events.find((e) => e.type === 'visit.scheduled')).toMatchObject({
      subjectType: 'visit',
      audience,
      data: {
        visitId: v1.id,
        number: v1.number,
        orderId: o1.id,
        orderNumber: o1.number,
        date,
        block: 'afternoon',
        teamId: team1.id,
      },
    });
    expect(events.find((e) => e.type === 'visit.completed')).toMatchObject({
      audience,
      data: { visitId: v1.id, orderNumber: o1.number },
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, v1.id));
    expect(audits.find((a) => a.action === 'visit.scheduled')).toMatchObject({
      actorRole: 'planner',
      before: { status: 'scheduled', block: 'morning' },
      after: { status: 'scheduled', date, block: 'afternoon' },
    });
    expect(audits.find((a) => a.action === 'visit.completed')).toMatchObject({
      actorRole: 'technician',
      after: { status: 'completed' },
    });

    // Done is done: it cannot be planned or finished again.
    const again = await stateOf(v1.id);
    expect(
      (await ops.post(`/api/visits/${v1.id}/schedule`, { date, teamId: team1.id, block: 'morning' })).statusCode,
    ).toBe(409);
    expect((await tech1.post(`/api/visits/${v1.id}/complete`)).statusCode).toBe(409);
    expect(await stateOf(v1.id)).toEqual(again);
  });

  it('plans a visit that was still to be scheduled, and moves it to another team (outside its region: with a reason)', async () => {
    const visit = await newVisit('to_schedule', 'BZ-TEST-01');
    const date = dayAfter(todayInAmsterdam(), 1);
    expect(
      (
        await ops.post(`/api/visits/${visit.id}/schedule`, { date, teamId: t.fixtures.team2.id, block: 'morning' })
      ).json(),
    ).toMatchObject({ status: 'scheduled' });
    const moved = await ops.post(`/api/visits/${visit.id}/schedule`, {
      date: todayInAmsterdam(),
      teamId: t.fixtures.team1.id,
      block: 'afternoon',
      overrideReason: 'Team Noord-Holland is vol; Midden rijdt mee',
    });
    expect(moved.json()).toMatchObject({ status: 'scheduled', teamId: t.fixtures.team1.id, date: todayInAmsterdam() });
    const events = await visitEvents(visit.id);
    expect(events.map((e) => e.audience.teamId)).toEqual([t.fixtures.team2.id, t.fixtures.team1.id]);
  });

  it('refuses what cannot be, with a problem that says why, and changes nothing', async () => {
    const { v2, team1 } = t.fixtures;
    const tomorrow = dayAfter(todayInAmsterdam(), 1);
    const before = await stateOf(v2.id);

    const unknownVisit = await ops.post('/api/visits/00000000-0000-4000-8000-000000000000/schedule', {
      date: tomorrow,
      teamId: team1.id,
      block: 'morning',
    });
    expect(unknownVisit.statusCode).toBe(404);
    expect(unknownVisit.headers['content-type']).toContain('application/problem+json');
    expect((await ops.post('/api/visits/00000000-0000-4000-8000-000000000000/complete')).statusCode).toBe(404);

    const unknownTeam = await ops.post(`/api/visits/${v2.id}/schedule`, {
      date: tomorrow,
      teamId: '00000000-0000-4000-8000-000000000000',
      block: 'morning',
    });
    expect(unknownTeam.statusCode).toBe(422);
    expect(unknownTeam.json().errors).toEqual([expect.objectContaining({ field: 'body.teamId' })]);

    const yesterday = await ops.post(`/api/visits/${v2.id}/schedule`, {
      date: dayAfter(todayInAmsterdam(), -1),
      teamId: t.fixtures.team2.id,
      block: 'morning',
    });
    expect(yesterday.statusCode).toBe(422);
    expect(yesterday.json().errors).toEqual([expect.objectContaining({ field: 'body.date' })]);
    const noSuchDay = await ops.post(`/api/visits/${v2.id}/schedule`, {
      date: '2099-02-30',
      teamId: t.fixtures.team2.id,
      block: 'morning',
    });
    expect(noSuchDay.json().errors).toEqual([expect.objectContaining({ field: 'body.date' })]);
    expect(
      (await ops.post(`/api/visits/${v2.id}/schedule`, { date: tomorrow, teamId: team1.id, block: 'evening' }))
        .statusCode,
    ).toBe(400);

    const tech1 = await t.as('tech1@chargecars.nl');
    expect((await tech1.post(`/api/visits/${v2.id}/complete`)).statusCode).toBe(404);
    expect(
      (await tech1.post(`/api/visits/${v2.id}/schedule`, { date: tomorrow, teamId: team1.id, block: 'morning' }))
        .statusCode,
    ).toBe(403);
    for (const email of ['partner-b@bravo.example.nl', 'bram@example.nl']) {
      const outsider = email.startsWith('partner') ? await t.as(email) : await requestLinkAndLogin(t, email);
      expect(
        (await outsider.post(`/api/visits/${v2.id}/schedule`, { date: tomorrow, teamId: team1.id, block: 'morning' }))
          .statusCode,
      ).toBe(403);
      expect((await outsider.post(`/api/visits/${v2.id}/complete`)).statusCode).toBe(403);
    }
    expect(await stateOf(v2.id)).toEqual(before);

    const cancelled = await newVisit('cancelled', 'BZ-TEST-02');
    const cancelledBefore = await stateOf(cancelled.id);
    const refused = await ops.post(`/api/visits/${cancelled.id}/schedule`, {
      date: tomorrow,
      teamId: team1.id,
      block: 'morning',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'visit_not_schedulable',
      detail: expect.stringContaining('cancelled'),
    });
    expect((await ops.post(`/api/visits/${cancelled.id}/complete`)).statusCode).toBe(409);
    const toSchedule = await newVisit('to_schedule', 'BZ-TEST-03');
    expect((await ops.post(`/api/visits/${toSchedule.id}/complete`)).json().code).toBe('visit_not_completable');
    expect(await stateOf(cancelled.id)).toEqual(cancelledBefore);
  });
});
