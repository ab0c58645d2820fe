import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { checkPlan } from '@chargecars/planner';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addDaysToDate, todayInAmsterdam } from '../../../platform/calendar.ts';
import { outboxEvents } from '../../../platform/events/events.schema.ts';
import { addresses } from '../../crm/crm.schema.ts';
import { teamAbsences, visits } from '../planning.schema.ts';
import { planningProposals } from '../planning-proposals.schema.ts';
import { problemOf } from './compute-proposal.ts';
import { haversineTravel } from './travel-provider.ts';
import { noWeather } from './weather-provider.ts';
import { everythingAvailable } from './material-availability.ts';

let t: TestApp;
let planner: Awaited<ReturnType<TestApp['as']>>;
const today = todayInAmsterdam();
/** The Monday of next week: a whole working week ahead, whatever day the test runs. */
const monday = (() => {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysToDate(today, 7 - weekday);
})();
const day = (n: number) => addDaysToDate(monday, n);

/** Places around Nijkerk and Amersfoort (region MIDDEN of the fixtures: pc2 35 and 38). */
const PLACES = [
  { postcode: '3861 AB', lat: 52.2206, lon: 5.4841 },
  { postcode: '3871 CD', lat: 52.1561, lon: 5.5003 },
  { postcode: '3811 EF', lat: 52.1561, lon: 5.3878 },
  { postcode: '3881 GH', lat: 52.2984, lon: 5.6189 },
  { postcode: '3512 JK', lat: 52.0907, lon: 5.1214 },
  { postcode: '3831 LM', lat: 52.1283, lon: 5.4222 },
];

async function visitAt(
  number: string,
  place: (typeof PLACES)[number],
  slot: Partial<typeof visits.$inferInsert> = {},
): Promise<typeof visits.$inferSelect> {
  const { o1, c1 } = t.fixtures;
  const [address] = await t.database.db
    .insert(addresses)
    .values({ customerId: c1.id, street: 'Teststraat', houseNumber: 1, city: 'Testdorp', isPrimary: false, ...place })
    .returning();
  const [visit] = await t.database.db
    .insert(visits)
    .values({
      number,
      orderId: o1.id,
      entityId: o1.entityId,
      customerId: c1.id,
      addressId: address!.id,
      type: 'installation',
      status: 'to_schedule',
      durationMinutes: 120,
      ...slot,
    })
    .returning();
  return visit!;
}
const row = async (id: string) => (await t.database.db.select().from(visits).where(eq(visits.id, id)))[0]!;
const computeNext = () => t.built.services.optimiser.computeNext();
const deps = () => ({
  db: t.database.db,
  travel: haversineTravel(),
  weather: noWeather,
  materials: everythingAvailable,
  timeLimitMs: 500,
  today: () => today,
});

let unplanned: (typeof visits.$inferSelect)[];
let movable: typeof visits.$inferSelect;
let confirmed: typeof visits.$inferSelect;

beforeAll(async () => {
  t = await createTestApp({ PLANNING_OPTIMISE_SECONDS: '1' });
  planner = await t.as('planner@chargecars.nl');
  unplanned = [];
  for (const [i, place] of PLACES.slice(0, 4).entries()) unplanned.push(await visitAt(`BZ-OPT-U${i}`, place));
  const { team1 } = t.fixtures;
  // Planned far from where the others are, in the afternoon: the optimiser may move it.
  movable = await visitAt('BZ-OPT-M1', PLACES[4]!, {
    status: 'scheduled',
    teamId: team1.id,
    scheduledDate: day(2),
    block: 'afternoon',
  });
  confirmed = await visitAt('BZ-OPT-C1', PLACES[5]!, {
    status: 'scheduled',
    teamId: team1.id,
    scheduledDate: day(2),
    block: 'morning',
    confirmedAt: new Date(),
  });
});
afterAll(() => t?.close());

describe('optimise a week', () => {
  it('computes a proposal in the background; its plan passes the checker and accepting it plans the visits', async () => {
    const asked = await planner.post('/api/planning/proposals', { from: day(0), to: day(4), regionCode: 'MIDDEN' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().status).toBe('queued');
    expect(await computeNext()).toBe(true);
    const proposal = (await planner.get(`/api/planning/proposals/${asked.json().id}`)).json();
    expect(proposal.error).toBeNull();
    expect(proposal.status).toBe('ready');
    const added = proposal.changes
      .filter((c: { kind: string }) => c.kind === 'added')
      .map((c: { number: string }) => c.number);
    expect(added.sort()).toEqual(['BZ-OPT-U0', 'BZ-OPT-U1', 'BZ-OPT-U2', 'BZ-OPT-U3']);
    expect(proposal.changes.some((c: { number: string }) => c.number === 'BZ-OPT-C1')).toBe(false);
    const team = proposal.teams.find((x: { teamId: string }) => x.teamId === t.fixtures.team1.id);
    expect(team.before.visits).toBe(2);
    expect(team.after.visits).toBe(6);
    expect(team.after.km).toBeGreaterThan(0);

    // The engine's independent checker holds the stored plan to the problem read from the database.
    const [stored] = await t.database.db.select().from(planningProposals).where(eq(planningProposals.id, proposal.id));
    const { built } = await problemOf(deps(), t.database.db, stored!, null);
    const check = checkPlan(built.problem, stored!.result!.plan, { reference: built.current });
    expect(check.violations).toEqual([]);

    const applied = await planner.post(`/api/planning/proposals/${proposal.id}/apply`, {});
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', applied: proposal.changes.length, unscheduled: 0 });
    for (const v of unplanned) {
      const now = await row(v.id);
      expect(now).toMatchObject({ status: 'scheduled', teamId: t.fixtures.team1.id, lockVersion: v.lockVersion + 1 });
      expect(now.scheduledDate! >= day(0) && now.scheduledDate! <= day(4)).toBe(true);
    }
    // Planned but not confirmed: it moved exactly when the proposal said so, and then its version went up.
    const movedIt = proposal.changes.some((c: { visitId: string }) => c.visitId === movable.id);
    expect((await row(movable.id)).lockVersion).toBe(movable.lockVersion + (movedIt ? 1 : 0));
    // Confirmed with the customer: never moved, not even touched.
    expect(await row(confirmed.id)).toMatchObject({
      teamId: confirmed.teamId,
      scheduledDate: confirmed.scheduledDate,
      block: 'morning',
      lockVersion: confirmed.lockVersion,
    });
    const events = await t.database.db
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'visit.scheduled'),
          inArray(
            outboxEvents.subjectId,
            unplanned.map((v) => v.id),
          ),
        ),
      );
    expect(events).toHaveLength(4);
    const again = await planner.post(`/api/planning/proposals/${proposal.id}/apply`, {});
    expect(again.statusCode).toBe(409);
  });

  it("refuses a proposal made on data that changed since, in the planner's language, and changes nothing", async () => {
    const extra = await visitAt('BZ-OPT-U9', PLACES[1]!);
    const asked = (await planner.post('/api/planning/proposals', { from: day(7), to: day(11) })).json();
    await computeNext();
    const ready = (await planner.get(`/api/planning/proposals/${asked.id}`)).json();
    expect(
      ready.changes.some((c: { number: string; kind: string }) => c.number === 'BZ-OPT-U9' && c.kind === 'added'),
    ).toBe(true);
    // Someone plans that visit by hand in the meantime.
    const byHand = await planner.post(`/api/visits/${extra.id}/schedule`, {
      date: day(8),
      teamId: t.fixtures.team1.id,
      block: 'morning',
    });
    expect(byHand.statusCode).toBe(200);
    const before = await row(extra.id);
    const stale = await planner.post(`/api/planning/proposals/${asked.id}/apply`, {});
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('proposal_stale');
    expect(stale.json().detail ?? stale.json().title).toMatch(/gewijzigd sinds dit voorstel/);
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/planning/proposals/${asked.id}/apply`,
      headers: { cookie: `cc_session=${planner.cookie}`, 'x-csrf-token': planner.csrf, 'accept-language': 'en' },
      payload: {},
    });
    expect(JSON.stringify(english.json())).toMatch(/changed since this proposal/);
    expect(await row(extra.id)).toEqual(before);
  });

  it('refuses a horizon longer than two weeks or in the past, and an unknown region', async () => {
    expect((await planner.post('/api/planning/proposals', { from: day(0), to: day(20) })).statusCode).toBe(422);
    expect(
      (await planner.post('/api/planning/proposals', { from: addDaysToDate(today, -9), to: addDaysToDate(today, -2) }))
        .statusCode,
    ).toBe(422);
    expect(
      (await planner.post('/api/planning/proposals', { from: day(0), to: day(4), regionCode: 'NERGENS' })).statusCode,
    ).toBe(422);
  });
});

describe('repair after an absence', () => {
  it("moves only the absent team-day's visits, lists their customers, and applies like a proposal", async () => {
    const { team1 } = t.fixtures;
    const absentDay = day(15);
    const a = await visitAt('BZ-REP-1', PLACES[0]!, {
      status: 'scheduled',
      teamId: team1.id,
      scheduledDate: absentDay,
      block: 'morning',
    });
    const b = await visitAt('BZ-REP-2', PLACES[1]!, {
      status: 'scheduled',
      teamId: team1.id,
      scheduledDate: absentDay,
      block: 'afternoon',
    });
    const other = await visitAt('BZ-REP-3', PLACES[2]!, {
      status: 'scheduled',
      teamId: team1.id,
      scheduledDate: day(16),
      block: 'morning',
    });
    const res = await planner.post('/api/planning/absences/repair', {
      teamId: team1.id,
      date: absentDay,
      kind: 'illness',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'repair', status: 'queued', absentDate: absentDay });
    const absences = await t.database.db.select().from(teamAbsences).where(eq(teamAbsences.teamId, team1.id));
    expect(absences.some((x) => x.dateFrom === absentDay && x.dateTo === absentDay && x.kind === 'illness')).toBe(true);
    await computeNext();
    const proposal = (await planner.get(`/api/planning/proposals/${res.json().id}`)).json();
    expect(proposal.error).toBeNull();
    expect(proposal.status).toBe('ready');
    const moved = proposal.changes.map((c: { number: string }) => c.number).sort();
    expect(moved).toEqual(['BZ-REP-1', 'BZ-REP-2']);
    for (const c of proposal.changes) {
      expect(c.from).toMatchObject({ teamId: team1.id, date: absentDay });
      expect(c.to?.date ?? 'none').not.toBe(absentDay);
    }
    expect(proposal.affectedCustomers.map((c: { visitNumber: string }) => c.visitNumber).sort()).toEqual(moved);
    const applied = await planner.post(`/api/planning/proposals/${proposal.id}/apply`, {});
    expect(applied.statusCode).toBe(200);
    for (const v of [a, b]) expect((await row(v.id)).scheduledDate).not.toBe(absentDay);
    expect(await row(other.id)).toMatchObject({ scheduledDate: day(16), lockVersion: other.lockVersion });
  });

  it("moves the absent team-day's visits even when their parts are short on every day", async () => {
    const { team1 } = t.fixtures;
    const absentDay = day(17);
    const short = await visitAt('BZ-REP-S', PLACES[3]!, {
      status: 'scheduled',
      teamId: team1.id,
      scheduledDate: absentDay,
      block: 'morning',
    });
    const res = await planner.post('/api/planning/absences/repair', { teamId: team1.id, date: absentDay });
    expect(res.statusCode).toBe(202);
    const [stored] = await t.database.db
      .select()
      .from(planningProposals)
      .where(eq(planningProposals.id, res.json().id));
    const nothingSupplied = {
      check: async (_db: unknown, requests: readonly { visitId: string; date: string }[]) =>
        requests.map((r) => ({ ...r, available: false, missing: ['Laadpaal'] })),
    };
    const { built } = await problemOf({ ...deps(), materials: nothingSupplied }, t.database.db, stored!, null);
    expect(built.keep.has(short.id)).toBe(false);
    expect(built.excluded.map((e) => e.visit.id)).not.toContain(short.id);
  });

  it('refuses an absence in the past and an unknown team', async () => {
    const past = await planner.post('/api/planning/absences/repair', {
      teamId: t.fixtures.team1.id,
      date: addDaysToDate(today, -1),
    });
    expect(past.statusCode).toBe(422);
    const unknown = await planner.post('/api/planning/absences/repair', {
      teamId: '00000000-0000-4000-8000-000000000000',
      date: day(3),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('day route', () => {
  it("orders a team-day's stops with arrival, travel and work time", async () => {
    const { team1 } = t.fixtures;
    const date = day(2);
    const res = await planner.get(`/api/teams/${team1.id}/route?date=${date}`);
    expect(res.statusCode).toBe(200);
    const route = res.json();
    expect(route.stops.length).toBeGreaterThanOrEqual(1);
    expect(route.stops[0].block).toBe('morning');
    expect(route.stops[0].arrival <= route.stops[0].start).toBe(true);
    expect(route.stops[0].travelKm).toBeGreaterThan(0);
    expect(route.totals.workMinutes).toBe(
      route.stops.reduce((a: number, s: { workMinutes: number }) => a + s.workMinutes, 0),
    );
    expect(route.weather.available).toBe(false);
    expect(route.travelSource).toBe('haversine');
    const bad = await planner.get(`/api/teams/${team1.id}/route?date=2026-02-30`);
    expect(bad.statusCode).toBe(400);
  });
});
