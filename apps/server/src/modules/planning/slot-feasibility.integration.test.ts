import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditLog, outboxEvents } from '../../platform/events/events.schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { teamAbsences, teamRegions, teams, technicians, visits } from './planning.schema.ts';
import { isoWeekday } from './slot-feasibility.ts';

let t: TestApp;
let planner: Awaited<ReturnType<TestApp['as']>>;
/** A team of our own (Midden, weekdays, 2 a day, one technician) and one without technicians. */
let team: typeof teams.$inferSelect;
let empty: typeof teams.$inferSelect;
/** Mondays two and three weeks ahead: weekdays in the future whatever day the tests run. */
let monday: string;
let n = 0;

async function visit(values: Partial<typeof visits.$inferInsert> = {}, where: 'nijkerk' | 'amsterdam' = 'nijkerk') {
  const { o1, o2, c1, c2, v1, v2 } = t.fixtures;
  const [row] = await t.database.db
    .insert(visits)
    .values({
      number: `BZ-SLOT-${String(++n).padStart(3, '0')}`,
      orderId: where === 'nijkerk' ? o1.id : o2.id,
      entityId: where === 'nijkerk' ? o1.entityId : o2.entityId,
      customerId: where === 'nijkerk' ? c1.id : c2.id,
      addressId: where === 'nijkerk' ? v1.addressId : v2.addressId,
      type: 'installation',
      status: 'to_schedule',
      durationMinutes: 60,
      requiredSkills: ['charger_installation'],
      ...values,
    })
    .returning();
  return row!;
}
/** Already on the board: scheduled on our team. */
const planned = (date: string, block: 'morning' | 'afternoon', values: Partial<typeof visits.$inferInsert> = {}) =>
  visit({ status: 'scheduled', teamId: team.id, scheduledDate: date, block, ...values });

/** Everything a refused call might have touched. */
async function stateOf(visitId: string) {
  const [row] = await t.database.db.select().from(visits).where(eq(visits.id, visitId));
  const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, visitId));
  const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, visitId));
  return { row, audits: audits.length, events: events.length };
}

const move = (id: string, lockVersion: number, slot: object | null, extra: object = {}, lang = 'nl') =>
  planner.put(`/api/visits/${id}`, { lockVersion, slot, ...extra }, { 'accept-language': lang });

/** Refused with the reason's code, nothing changed; and a move on the old route is refused alike. */
async function expectRefused(
  v: typeof visits.$inferSelect,
  slot: { teamId: string; date: string; block: string },
  reason: string,
) {
  const before = await stateOf(v.id);
  const res = await move(v.id, v.lockVersion, slot);
  expect(res.statusCode, res.body).toBe(422);
  const check = (
    await planner.get(`/api/visits/${v.id}/slot-check?teamId=${slot.teamId}&date=${slot.date}&block=${slot.block}`)
  ).json();
  expect(check.ok).toBe(false);
  expect(check.reasons.map((r: { code: string }) => r.code)).toContain(reason);
  const old = await planner.post(`/api/visits/${v.id}/schedule`, slot);
  expect(old.statusCode).toBe(422);
  expect(await stateOf(v.id)).toEqual(before);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('planner@chargecars.nl');
  const today = todayInAmsterdam();
  monday = addDaysToDate(today, 15 - isoWeekday(today));
  [team, empty] = (await t.database.db
    .insert(teams)
    .values([
      {
        code: 'TS1',
        name: 'Team Proef',
        homeBasePc4: '3861',
        homeBaseLabel: 'Nijkerk',
        lat: 52.22,
        lon: 5.48,
        maxVisitsPerDay: 2,
        skills: ['charger_installation', 'survey'],
        workingDays: [1, 2, 3, 4, 5],
      },
      {
        code: 'TS2',
        name: 'Team Leeg',
        homeBasePc4: '3861',
        homeBaseLabel: 'Nijkerk',
        lat: 52.22,
        lon: 5.48,
        skills: ['charger_installation'],
      },
    ])
    .returning()) as [typeof teams.$inferSelect, typeof teams.$inferSelect];
  await t.database.db.insert(teamRegions).values([
    { teamId: team.id, regionCode: 'MIDDEN' },
    { teamId: empty.id, regionCode: 'MIDDEN' },
  ]);
  await t.database.db.insert(technicians).values({ teamId: team.id, name: 'Piet Proef' });
});
afterAll(() => t.close());

describe('every scheduling change is checked, and a refusal changes nothing', () => {
  it('plans a visit that fits, with the travel it adds, and raises its version', async () => {
    const v = await visit();
    const res = await move(v.id, v.lockVersion, { teamId: team.id, date: monday, block: 'morning' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'scheduled',
      teamId: team.id,
      date: monday,
      lockVersion: 1,
      overridden: [],
    });
    // Nijkerk base to a Nijkerk customer and back: a little, not nothing.
    expect(res.json().addedKm).toBeGreaterThan(0);
    expect(res.json().addedKm).toBeLessThan(5);
    const back = await move(v.id, 1, null);
    expect(back.json()).toMatchObject({ status: 'to_schedule', teamId: null, lockVersion: 2 });
  });

  it('refuses a full day (the team maximum) and a full block (durations and travel)', async () => {
    const day = addDaysToDate(monday, 1);
    await planned(day, 'morning');
    await planned(day, 'afternoon');
    const body = await expectRefused(await visit(), { teamId: team.id, date: day, block: 'afternoon' }, 'day_full');
    expect(body.code).toBe('slot_refused');
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'body.teamId', message: expect.stringContaining('2 van 2') }),
    ]);

    const other = addDaysToDate(monday, 2);
    await planned(other, 'morning', { durationMinutes: 200 });
    await expectRefused(
      await visit({ durationMinutes: 60 }),
      { teamId: team.id, date: other, block: 'morning' },
      'block_full',
    );
  });

  it('refuses a missing skill, a region the team does not serve and a team without technicians', async () => {
    const day = addDaysToDate(monday, 3);
    await expectRefused(
      await visit({ requiredSkills: ['three_phase_meter_cabinet'] }),
      { teamId: team.id, date: day, block: 'morning' },
      'missing_skill',
    );
    await expectRefused(
      await visit({}, 'amsterdam'),
      { teamId: team.id, date: day, block: 'morning' },
      'region_not_served',
    );
    await expectRefused(await visit(), { teamId: empty.id, date: day, block: 'morning' }, 'no_members');
  });

  it('refuses a window the block cannot give or the day cannot reach', async () => {
    const day = addDaysToDate(monday, 4);
    await expectRefused(
      await visit({ windowStart: '14:00', windowEnd: '16:00' }),
      { teamId: team.id, date: day, block: 'morning' },
      'window_unreachable',
    );
    // 09:00-10:00 is taken; a visit with a 09:00-10:30 window of 60 minutes cannot make it.
    await planned(day, 'morning', { windowStart: '09:00', windowEnd: '10:00', durationMinutes: 60 });
    await expectRefused(
      await visit({ windowStart: '09:00', windowEnd: '10:30', durationMinutes: 60 }),
      { teamId: team.id, date: day, block: 'morning' },
      'window_unreachable',
    );
  });

  it("refuses a day off, an absence, a past date, a done visit and a broken link, in the planner's language", async () => {
    const saturday = addDaysToDate(monday, 5);
    const v = await visit();
    const off = await expectRefused(v, { teamId: team.id, date: saturday, block: 'morning' }, 'day_off');
    expect(off.detail).toContain('werkt niet op zaterdag');
    const inEnglish = await move(v.id, v.lockVersion, { teamId: team.id, date: saturday, block: 'morning' }, {}, 'en');
    expect(inEnglish.json().detail).toContain('does not work on Saturday');

    const away = addDaysToDate(monday, 7);
    const added = await planner.post(`/api/teams/${team.id}/absences`, {
      dateFrom: away,
      dateTo: away,
      kind: 'illness',
    });
    expect(added.statusCode).toBe(201);
    await expectRefused(v, { teamId: team.id, date: away, block: 'morning' }, 'absent');

    const past = await expectRefused(
      v,
      { teamId: team.id, date: addDaysToDate(todayInAmsterdam(), -1), block: 'morning' },
      'date_past',
    );
    expect(past.code).toBe('validation');

    const done = await visit({ status: 'completed' });
    const before = await stateOf(done.id);
    expect(
      (await move(done.id, done.lockVersion, { teamId: team.id, date: monday, block: 'morning' })).statusCode,
    ).toBe(409);
    expect(await stateOf(done.id)).toEqual(before);

    const first = await planned(addDaysToDate(monday, 8), 'morning');
    const second = await visit({ afterVisitId: first.id });
    await expectRefused(second, { teamId: team.id, date: addDaysToDate(monday, 8), block: 'afternoon' }, 'link_order');
    // A broken link is never overridden.
    const forced = await move(
      second.id,
      second.lockVersion,
      { teamId: team.id, date: addDaysToDate(monday, 8), block: 'afternoon' },
      { overrideReason: 'moet toch' },
    );
    expect(forced.statusCode).toBe(422);
    expect(await stateOf(second.id)).toMatchObject({ row: { status: 'to_schedule' } });
  });

  it('refuses a change made on an older version (the second planner) with 409, and changes nothing', async () => {
    const v = await visit();
    const first = await move(v.id, 0, { teamId: team.id, date: addDaysToDate(monday, 9), block: 'morning' });
    expect(first.statusCode).toBe(200);
    const before = await stateOf(v.id);
    const second = await move(v.id, 0, { teamId: team.id, date: addDaysToDate(monday, 9), block: 'afternoon' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('visit_changed');
    expect(await stateOf(v.id)).toEqual(before);
  });

  it('accepts a refusal overridden with a reason, and audits the reason and what it overrode', async () => {
    const day = addDaysToDate(monday, 10);
    await planned(day, 'morning');
    await planned(day, 'afternoon');
    const v = await visit();
    const res = await move(
      v.id,
      v.lockVersion,
      { teamId: team.id, date: day, block: 'afternoon' },
      { overrideReason: 'Spoed: klant zonder laadpunt' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().overridden).toEqual(['day_full']);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, v.id), eq(auditLog.action, 'visit.scheduled')));
    expect(audit!.after).toMatchObject({ override: 'Spoed: klant zonder laadpunt', overridden: ['day_full'] });
  });

  it('moves a visit confirmed with the customer only with a reason', async () => {
    const v = await planned(addDaysToDate(monday, 11), 'morning', { confirmedAt: new Date() });
    await expectRefused(v, { teamId: team.id, date: addDaysToDate(monday, 14), block: 'morning' }, 'confirmed');
    const moved = await move(
      v.id,
      v.lockVersion,
      { teamId: team.id, date: addDaysToDate(monday, 14), block: 'morning' },
      { overrideReason: 'Klant belde: liever maandag' },
    );
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

describe('the board and its questions', () => {
  it('answers every visible cell for a drop, the options, the board and the capacity', async () => {
    await planned(addDaysToDate(monday, 3), 'afternoon');
    const v = await visit();
    const grid = (await planner.get(`/api/visits/${v.id}/feasibility?view=week&date=${monday}`)).json();
    const ours = grid.cells.filter((c: { teamId: string }) => c.teamId === team.id);
    expect(ours).toHaveLength(14);
    expect(ours.filter((c: { ok: boolean }) => c.ok).length).toBeGreaterThan(0);
    expect(ours.find((c: { date: string }) => c.date === addDaysToDate(monday, 5)).reasons[0].code).toBe('day_off');

    const options = (await planner.get(`/api/visits/${v.id}/options?from=${monday}&days=7&max=3`)).json();
    expect(options.options.length).toBeGreaterThan(0);
    for (const o of options.options) {
      const cell = (
        await planner.get(`/api/visits/${v.id}/slot-check?teamId=${o.teamId}&date=${o.date}&block=${o.block}`)
      ).json();
      expect(cell.ok).toBe(true);
    }

    const board = await planner.get(`/api/teams/schedule?view=week&date=${monday}&region=MIDDEN`);
    expect(board.statusCode, board.body).toBe(200);
    const row = board.json().teams.find((x: { id: string }) => x.id === team.id);
    expect(row.days).toHaveLength(7);
    expect(row.days[5].off).toEqual({ kind: 'day_off', note: null });
    expect(board.json().queue.map((c: { id: string }) => c.id)).toContain(v.id);

    const capacity = await planner.get(`/api/dashboard/capacity?view=week&date=${monday}`);
    expect(capacity.statusCode, capacity.body).toBe(200);
    expect(capacity.json().teams.find((x: { teamId: string }) => x.teamId === team.id).utilisation).toBeGreaterThan(0);
  });

  it('lists and removes absences; only planning staff may', async () => {
    const day = addDaysToDate(monday, 16);
    const added = (
      await planner.post(`/api/teams/${team.id}/absences`, {
        dateFrom: day,
        dateTo: addDaysToDate(day, 1),
        kind: 'holiday',
        note: 'Zomer',
      })
    ).json();
    const list = (await planner.get(`/api/teams/${team.id}/absences`)).json();
    expect(list.map((a: { id: string }) => a.id)).toContain(added.absence.id);
    const reversed = await planner.post(`/api/teams/${team.id}/absences`, {
      dateFrom: day,
      dateTo: addDaysToDate(day, -1),
      kind: 'holiday',
    });
    expect(reversed.statusCode).toBe(422);
    expect((await planner.delete(`/api/teams/${team.id}/absences/${added.absence.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(teamAbsences).where(eq(teamAbsences.id, added.absence.id))).toEqual([]);
    const tech = await t.as('tech1@chargecars.nl');
    expect(
      (await tech.post(`/api/teams/${team.id}/absences`, { dateFrom: day, dateTo: day, kind: 'other' })).statusCode,
    ).toBe(403);
  });

  it('makes a visit for an order, in the queue', async () => {
    const res = await planner.post('/api/visits', {
      orderId: t.fixtures.o1.id,
      type: 'installation',
      durationMinutes: 90,
      priority: 2,
      windowStart: '13:00',
      windowEnd: '15:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'to_schedule', priority: 2, windowStart: '13:00', lockVersion: 0 });
    const half = await planner.post('/api/visits', {
      orderId: t.fixtures.o1.id,
      type: 'installation',
      durationMinutes: 90,
      windowStart: '13:00',
    });
    expect(half.statusCode).toBe(400);
  });
});
