// npm run bench:planning:optimise [-- --visits 1000 --teams 70 --seconds 15]
// One week of 1,000 visits for 70 teams through the product's optimiser: the demo world at scale 1
// (embedded database in memory), widened to 70 teams with the demo's team layout (teams spread over
// the seven regions at their hubs), and visits at demo customers' addresses, 60% already planned
// the way the demo plans them (per team, earliest day with room, mornings first) and 40% unplanned.
// Prints the time to a proposal (goal < 30 s), travel before (the plan the data holds), after (the
// proposal), and of a greedy earliest-slot baseline on the same problem, and the machine's cores.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { REGIONS } from '@chargecars/geo';
import { checkPlan, insertVisit, type Plan } from '@chargecars/planner';
import { openDatabase } from '../../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import { SYSTEM_ACTOR } from '../../apps/server/src/platform/http/actor.ts';
import { addDaysToDate, todayInAmsterdam } from '../../apps/server/src/platform/calendar.ts';
import {
  createOptimiserService,
  everythingAvailable,
  haversineTravel,
  noWeather,
} from '../../apps/server/src/modules/planning/index.ts';
import { problemOf } from '../../apps/server/src/modules/planning/optimiser/compute-proposal.ts';
import { seedDemoData } from '../seed/seed-demo.ts';
import { createRng } from '../demo/index.ts';

const { values: args } = parseArgs({
  options: { visits: { type: 'string' }, teams: { type: 'string' }, seconds: { type: 'string' } },
});
const VISITS = Number(args.visits ?? 1000);
const TEAMS = Number(args.teams ?? 70);
const SECONDS = Number(args.seconds ?? 15);
const rng = createRng('bench-planning-optimise');

const database = await openDatabase({ dataDir: 'memory' });
await migrateDatabase(database);
const seedStart = performance.now();
await seedDemoData(database, { scale: 1 });
console.log(`demo world (scale 1) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
const { db } = database;

// A week the demo has not planned yet: ten weeks ahead, Monday to Friday.
const today = todayInAmsterdam();
const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
const from = addDaysToDate(today, 70 - weekday);
const to = addDaysToDate(from, 4);
const days = [0, 1, 2, 3, 4].map((d) => addDaysToDate(from, d));

// Teams: the demo's seven plus more per region, at the region's hub, as the demo makes them at scale 10.
const existing = await db.select().from(s.teams);
for (let i = existing.length; i < TEAMS; i++) {
  const region = REGIONS[i % REGIONS.length]!;
  const [team] = await db
    .insert(s.teams)
    .values({
      code: `T${String(i + 1).padStart(2, '0')}`,
      name: `Team ${region.name} ${Math.floor(i / REGIONS.length) + 1}`,
      homeBasePc4: region.hub.pc4,
      homeBaseLabel: region.hub.city,
      lat: region.hub.lat + (rng.next() - 0.5) * 0.2,
      lon: region.hub.lon + (rng.next() - 0.5) * 0.3,
      maxVisitsPerDay: rng.chance(0.6) ? 3 : 2,
      skills: ['charger_installation', 'survey', 'three_phase_meter_cabinet', 'ocpp_configuration'],
    })
    .returning();
  await db.insert(s.teamRegions).values({ teamId: team!.id, regionCode: region.code });
}
const teams = await db
  .select({ id: s.teams.id, max: s.teams.maxVisitsPerDay, region: s.teamRegions.regionCode })
  .from(s.teams)
  .innerJoin(s.teamRegions, eq(s.teamRegions.teamId, s.teams.id));

// What the optimiser will see besides ours: every unplanned visit, and anything already in that week.
const [{ n: waiting }] = (await db
  .select({ n: sql<number>`count(*)::int` })
  .from(s.visits)
  .where(inArray(s.visits.status, ['to_schedule', 'rescheduled']))) as [{ n: number }];
const toAdd = Math.max(0, VISITS - waiting);
const orders = await db
  .select({
    orderId: s.orders.id,
    entityId: s.orders.entityId,
    customerId: s.orders.customerId,
    addressId: s.addresses.id,
    postcode: s.addresses.postcode,
  })
  .from(s.orders)
  .innerJoin(s.addresses, eq(s.addresses.customerId, s.orders.customerId))
  .where(isNotNull(s.addresses.lat))
  .limit(toAdd);
const load = new Map<string, { n: number; minutes: number }>();
const rows: (typeof s.visits.$inferInsert)[] = [];
for (const [i, o] of orders.entries()) {
  const type = rng.chance(0.15) ? ('survey' as const) : ('installation' as const);
  const duration = type === 'survey' ? 60 : rng.pick([120, 150, 180, 240]);
  const base = {
    number: `BZ-BENCH-${String(i + 1).padStart(5, '0')}`,
    orderId: o.orderId,
    entityId: o.entityId,
    customerId: o.customerId,
    addressId: o.addressId,
    type,
    durationMinutes: duration,
  };
  const regionOf = REGIONS.find((r) => r.pc2.includes(o.postcode.slice(0, 2)));
  const serving = teams.filter((t) => t.region === regionOf?.code);
  const team = serving.length ? rng.pick(serving) : null;
  let slot: { date: string; block: 'morning' | 'afternoon' } | null = null;
  if (team && rng.chance(0.6)) {
    for (const date of days) {
      const key = `${team.id}|${date}`;
      const l = load.get(key) ?? { n: 0, minutes: 0 };
      if (l.n < team.max && l.minutes + duration <= 420) {
        load.set(key, { n: l.n + 1, minutes: l.minutes + duration });
        slot = { date, block: l.n < Math.ceil(team.max / 2) ? 'morning' : 'afternoon' };
        break;
      }
    }
  }
  rows.push(
    slot && team
      ? { ...base, status: 'scheduled', teamId: team.id, scheduledDate: slot.date, block: slot.block }
      : { ...base, status: 'to_schedule' },
  );
}
for (let i = 0; i < rows.length; i += 500) await db.insert(s.visits).values(rows.slice(i, i + 500));
const [{ n: planned }] = (await db
  .select({ n: sql<number>`count(*)::int` })
  .from(s.visits)
  .where(
    and(eq(s.visits.status, 'scheduled'), gte(s.visits.scheduledDate, from), lte(s.visits.scheduledDate, to)),
  )) as [{ n: number }];

const deps = {
  db,
  travel: haversineTravel(),
  weather: noWeather,
  materials: everythingAvailable,
  timeLimitMs: SECONDS * 1000,
  today: () => today,
};
const optimiser = createOptimiserService(deps);
// Only this proposal is timed: the demo's own (next week) leaves the queue first.
await db.delete(s.planningProposals);
const began = performance.now();
const asked = await optimiser.requestOptimisation(SYSTEM_ACTOR, { from, to });
await optimiser.computeNext();
const proposalMs = performance.now() - began;
const [row] = await db.select().from(s.planningProposals).where(eq(s.planningProposals.id, asked.id));
if (row?.status !== 'ready') throw new Error(`proposal ${row?.status}: ${row?.error}`);
const { built } = await problemOf(deps, db, row, null);
const proposal = row.result!.plan;

// Greedy earliest-slot baseline: the visits one by one (most important first), each in the earliest
// day that has room, the cheapest team of that day; nothing planned earlier moves.
const greedyStart = performance.now();
let greedy: Plan = { routes: [], unassigned: [], cost: proposal.cost };
const order = [...built.problem.visits].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
const placed = new Set<string>();
for (const v of order) {
  if (v.after?.some((p) => !placed.has(p))) continue;
  const { options, apply } = insertVisit(built.problem, greedy, v.id, { maxOptions: 400 });
  const best = options.sort((a, b) => a.day.localeCompare(b.day) || a.addedCost - b.addedCost)[0];
  if (!best) continue;
  greedy = apply(best);
  placed.add(v.id);
}
greedy = {
  ...greedy,
  unassigned: built.problem.visits
    .filter((v) => !placed.has(v.id))
    .map((v) => ({ visitId: v.id, reason: 'no-capacity-in-window' })),
};
const greedyMs = performance.now() - greedyStart;

const figures = (plan: Plan) => {
  const check = checkPlan(built.problem, plan);
  const visits = plan.routes.reduce((a, r) => a + r.stops.length, 0);
  return {
    visits,
    km: Math.round(check.distance),
    kmPerVisit: visits ? (check.distance / visits).toFixed(1) : '-',
    violations: check.violations.length,
  };
};
const rowsOut = {
  'demo plan (before)': figures(built.current),
  'greedy earliest slot': figures(greedy),
  'optimiser proposal': figures(proposal),
};
console.log(
  `\nweek ${from}..${to}: ${built.problem.visits.length} visits in the problem (${planned} planned in the week, the rest unplanned), ${built.problem.teams.length} teams, ${TEAMS} asked`,
);
console.log(
  `proposal (read, search ${SECONDS} s in a worker thread, difference): ${(proposalMs / 1000).toFixed(1)} s (goal < 30 s)`,
);
console.log(`greedy baseline: ${(greedyMs / 1000).toFixed(1)} s`);
console.table(rowsOut);
console.log(`cores: ${os.cpus().length}`);
await database.close();
