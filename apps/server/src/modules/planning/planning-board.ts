import {
  insertVisit,
  PlannerInputError,
  type Plan,
  type Problem,
  type Visit as EngineVisit,
} from '@chargecars/planner';
import { addDaysToDate, monthBounds, todayInAmsterdam } from '../../platform/calendar.ts';
import { notFound } from '../../platform/errors.ts';
import { productNames } from '../../read-models/product-name.ts';
import { linkedVisits, type WorldTeam, type WorldVisit } from '../../read-models/planning-world.ts';
import { readsFrom, type PlanningDeps, type PlanningReads } from './planning-reads.ts';
import {
  BLOCKS,
  blockRoute,
  isCalendarDate,
  isoWeekday,
  judgeSlot,
  reasonsIn,
  type Block,
  type Feasibility,
  type Slot,
  type SlotWorld,
} from './slot-feasibility.ts';

export type BoardView = { view: 'week' | 'month'; date?: string | undefined; region?: string | undefined };
export type QueueFilter = {
  type?: 'survey' | 'installation' | 'meter_replacement' | undefined;
  minAgeDays?: number | undefined;
  priority?: number | undefined;
  materials?: 'waiting' | 'ready' | undefined;
};
type Lang = 'nl' | 'en';
const BLOCK_NAMES: Block[] = ['morning', 'afternoon'];

/** The days a board shows: the week (Monday to Sunday) or the month around `date` (today by default). */
export function boardDays(view: BoardView['view'], date = todayInAmsterdam()) {
  const { from, to } =
    view === 'week'
      ? { from: addDaysToDate(date, 1 - isoWeekday(date)), to: addDaysToDate(date, 7 - isoWeekday(date)) }
      : monthBounds(date.slice(0, 7));
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) days.push(d);
  return { from, to, days };
}

/** The world of a board: its teams (those serving the region, if one is chosen) and their days. */
async function boardWorld(reads: PlanningReads, q: BoardView, from: string, to: string) {
  const world = await reads.slotWorld(from, to);
  if (q.region) for (const [id, team] of world.teams) if (!team.regions.includes(q.region)) world.teams.delete(id);
  return world;
}

const QUEUE_SIZE = 200;
/** How far a materials filter looks through the queue for its 200 (the queue is ordered by priority and age). */
const QUEUE_SCAN = 5_000;

const card = (v: WorldVisit, short: Map<string, string[]>, names: Map<string, string>) => ({
  id: v.id,
  number: v.number,
  orderId: v.orderId,
  orderNumber: v.orderNumber,
  type: v.type,
  status: v.status,
  priority: v.priority,
  teamId: v.teamId,
  date: v.date,
  block: v.block,
  durationMinutes: v.durationMinutes,
  requiredSkills: v.requiredSkills,
  windowStart: v.windowStart,
  windowEnd: v.windowEnd,
  confirmed: v.confirmed,
  lockVersion: v.lockVersion,
  afterVisitId: v.afterVisitId,
  customerName: v.customerName,
  postcode: v.postcode,
  city: v.city,
  createdAt: v.createdAt,
  missingMaterials: (short.get(v.id) ?? []).map((id) => names.get(id) ?? ''),
});

/** `GET /api/teams/schedule`: teams x days, each day's blocks with the time used and the cards, and the queue. */
export async function teamSchedule(deps: PlanningDeps, q: BoardView & QueueFilter, lang: Lang = 'nl') {
  const { from, to, days } = boardDays(q.view, q.date);
  const reads = await readsFrom(deps, from);
  const [world, pc2] = await Promise.all([boardWorld(reads, q, from, to), q.region && reads.regionPc2(q.region)]);
  if (q.region && !pc2) throw notFound('Regio', 'Region');
  const asked = await reads.queue(
    { pc2: pc2 || undefined, type: q.type, minAgeDays: q.minAgeDays, priority: q.priority },
    q.materials ? QUEUE_SCAN : QUEUE_SIZE,
  );
  const short = await reads.shortages(
    from,
    to,
    asked.map((v) => v.id),
  );
  const queue = (q.materials ? asked.filter((v) => short.has(v.id) === (q.materials === 'waiting')) : asked).slice(
    0,
    QUEUE_SIZE,
  );
  // The short products' names in the reader's language: the memory holds ids, the catalogue both names.
  const names = await productNames(deps.db, [...new Set([...short.values()].flat())], lang);
  const toCard = (v: WorldVisit) => card(v, short, names);
  return {
    from,
    to,
    days,
    teams: [...world.teams.values()].map((team) => ({
      id: team.id,
      code: team.code,
      name: team.name,
      homeBaseLabel: team.homeBaseLabel,
      maxVisitsPerDay: team.maxVisitsPerDay,
      workingDays: team.workingDays,
      skills: team.skills,
      regions: team.regions,
      members: team.members,
      days: days.map((date) => {
        const stops = world.planned.get(`${team.id}|${date}`) ?? [];
        const absence = world.absences.find((a) => a.teamId === team.id && a.dateFrom <= date && a.dateTo >= date);
        return {
          date,
          off: absence
            ? { kind: absence.kind, note: absence.note }
            : team.workingDays.includes(isoWeekday(date))
              ? null
              : { kind: 'day_off' as const, note: null },
          visits: stops.length,
          blocks: Object.fromEntries(
            BLOCK_NAMES.map((block) => {
              const route = blockRoute(team, block, stops);
              return [
                block,
                {
                  capacityMinutes: BLOCKS[block].end - BLOCKS[block].start,
                  usedMinutes: route.stops.reduce((s, v) => s + v.durationMinutes, 0) + route.travelMinutes,
                  travelKm: Math.round(route.km * 10) / 10,
                  visits: route.stops.map(toCard),
                },
              ];
            }),
          ) as Record<
            Block,
            { capacityMinutes: number; usedMinutes: number; travelKm: number; visits: ReturnType<typeof toCard>[] }
          >,
        };
      }),
    })),
    queue: queue.map(toCard),
  };
}

async function visitWithLinks(deps: PlanningDeps, reads: PlanningReads, visitId: string) {
  const visit = await reads.visit(visitId);
  if (!visit) throw notFound('Bezoek', 'Visit');
  return { ...visit, links: await linkedVisits(deps.db, visit) };
}

// Built field by field: a spread of the slot made every cell a slow object (the drop check's 980 cells took twice as long).
const cellAnswer = (slot: Slot, check: Feasibility, lang: Lang) => ({
  teamId: slot.teamId,
  date: slot.date,
  block: slot.block,
  ok: check.ok,
  overridable: check.overridable,
  addedKm: check.addedKm,
  addedMinutes: check.addedMinutes,
  reasons: reasonsIn(check.reasons, lang),
});

/** Every cell of a board, judged for one visit in one round trip: the board colours them while dragging. */
export async function dropFeasibility(deps: PlanningDeps, visitId: string, q: BoardView, lang: Lang) {
  const { from, to, days } = boardDays(q.view, q.date);
  const reads = await readsFrom(deps, from);
  const [visit, world] = await Promise.all([visitWithLinks(deps, reads, visitId), boardWorld(reads, q, from, to)]);
  const cells = [];
  for (const team of world.teams.values())
    for (const date of days)
      for (const block of BLOCK_NAMES) {
        const slot = { teamId: team.id, date, block };
        cells.push(cellAnswer(slot, judgeSlot(world, visit, slot), lang));
      }
  return { visitId, lockVersion: visit.lockVersion, cells };
}

/** One cell's check, the same one a move runs. */
export async function slotCheck(deps: PlanningDeps, visitId: string, slot: Slot, lang: Lang) {
  const date = isCalendarDate(slot.date) ? slot.date : todayInAmsterdam();
  const reads = await readsFrom(deps, date);
  const [visit, world] = await Promise.all([
    visitWithLinks(deps, reads, visitId),
    reads.slotWorld(date, date, [slot.teamId]),
  ]);
  return cellAnswer(slot, judgeSlot(world, visit, slot), lang);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A team that has technicians, the visit's skills and its postcode area: any other one the checks refuse on every day. */
const couldTake = (team: WorldTeam, visit: WorldVisit) =>
  team.members > 0 &&
  visit.requiredSkills.every((s) => team.skills.includes(s)) &&
  team.pc2.includes(visit.postcode.slice(0, 2));

/**
 * The engine's view of the horizon: the teams that could take the visit on their working days, the
 * visits they already have (fixed where they are), and the visit to place. A team-day the checks
 * already find over its limits is left out: it has no room, and the engine would refuse the plan.
 */
function horizonProblem(
  world: SlotWorld,
  visit: WorldVisit & { links: { id: string; date: string | null; afterVisitId: string | null }[] },
  days: string[],
) {
  const teams = [...world.teams.values()].filter((t) => couldTake(t, visit));
  const locations: { lat: number; lon: number }[] = [];
  const at = (p: { lat: number | null; lon: number | null }, fallback: { lat: number; lon: number }) =>
    locations.push(p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : fallback) - 1;
  const visits: EngineVisit[] = [];
  const plan: Plan = {
    routes: [],
    unassigned: [],
    cost: { total: 0, distance: 0, unassignedPriority: 0, bundling: 0, balance: 0, moves: 0 },
  };
  const engineTeams = teams.map((team) => {
    const base = { lat: team.lat, lon: team.lon };
    const loc = at(base, base);
    const shifts = [];
    for (const day of days) {
      const stops = world.planned.get(`${team.id}|${day}`) ?? [];
      const open =
        team.workingDays.includes(isoWeekday(day)) &&
        !world.absences.some((a) => a.teamId === team.id && a.dateFrom <= day && a.dateTo >= day) &&
        stops.length <= team.maxVisitsPerDay &&
        BLOCK_NAMES.every((b) => {
          const r = blockRoute(team, b, stops);
          return (
            r.stops.reduce((s, v) => s + v.durationMinutes, 0) + r.travelMinutes <= BLOCKS[b].end - BLOCKS[b].start
          );
        });
      if (!open) continue;
      // The team may set out before 08:00 to be at its first stop when the morning starts.
      shifts.push({ day, start: BLOCKS.morning.start - 90, end: BLOCKS.afternoon.end });
      const route = BLOCK_NAMES.flatMap((b) => blockRoute(team, b, stops).stops);
      for (const stop of route) {
        const block = BLOCKS[stop.block!];
        const start = stop.windowStart ? Math.max(block.start, toMinutes(stop.windowStart)) : block.start;
        const end = stop.windowEnd ? Math.min(block.end, toMinutes(stop.windowEnd)) : block.end;
        visits.push({
          id: stop.id,
          location: at(stop, base),
          duration: stop.durationMinutes,
          window: { start, end: Math.max(start, end - stop.durationMinutes) },
          pin: { team: team.id, day },
          fixed: true,
        });
      }
      if (route.length)
        plan.routes.push({
          teamId: team.id,
          day,
          stops: route.map((s) => ({ visitId: s.id, start: 0, end: 0 })),
          departure: 0,
          arrival: 0,
          distance: 0,
        });
    }
    return { id: team.id, start: loc, end: loc, shifts, skills: team.skills, maxVisitsPerDay: team.maxVisitsPerDay };
  });
  // Linked visits: after the one it follows, before the ones that follow it.
  const earliest = visit.links.find((l) => l.id === visit.afterVisitId)?.date ?? null;
  const latest =
    visit.links
      .filter((l) => l.afterVisitId === visit.id && l.date)
      .map((l) => l.date!)
      .sort()[0] ?? null;
  const allowed = days.filter((d) => (!earliest || d > earliest) && (!latest || d < latest));
  const windowStart = visit.windowStart ? toMinutes(visit.windowStart) : BLOCKS.morning.start;
  const windowEnd = visit.windowEnd ? toMinutes(visit.windowEnd) : BLOCKS.afternoon.end;
  visits.push({
    id: visit.id,
    location: at(visit, { lat: 52.2267, lon: 5.4756 }),
    duration: visit.durationMinutes,
    skills: visit.requiredSkills,
    days: allowed,
    window: { start: windowStart, end: Math.max(windowStart, windowEnd - visit.durationMinutes) },
  });
  const problem: Problem = { days, teams: engineTeams, visits, locations };
  return { problem, plan };
}

/**
 * `GET /api/visits/:id/options`: the best few (date, team, block) from the engine's insertion, each
 * confirmed by the same check a move runs (an option offered is one that will be accepted). Read-only.
 */
export async function visitOptions(
  deps: PlanningDeps,
  visitId: string,
  q: { from?: string | undefined; days?: number | undefined; max?: number | undefined },
) {
  const today = todayInAmsterdam();
  const from = q.from && q.from > today ? q.from : addDaysToDate(today, 1);
  const days: string[] = [];
  for (let i = 0; i < (q.days ?? 14); i++) days.push(addDaysToDate(from, i));
  const reads = await readsFrom(deps, from);
  const visit = await visitWithLinks(deps, reads, visitId);
  // Only the teams that could take the visit are read with their planned visits (a few of the 70 at scale
  // 10): an option elsewhere would be refused by the checks anyway.
  const able = (await reads.teams()).filter((t) => couldTake(t, visit)).map((t) => t.id);
  const world = await reads.slotWorld(days[0]!, days.at(-1)!, able);
  const max = q.max ?? 5;
  const { problem, plan } = horizonProblem(world, { ...visit, teamId: null, date: null, block: null }, days);
  const blocks = BLOCK_NAMES.map((id) => ({
    id,
    window: { start: BLOCKS[id].start, end: BLOCKS[id].end - visit.durationMinutes },
  })).filter((b) => b.window.end >= b.window.start);
  // The visit is placed as if unplanned: its own current slot does not count against it.
  for (const [key, stops] of world.planned)
    world.planned.set(
      key,
      stops.filter((s) => s.id !== visit.id),
    );
  const judged = (slot: Slot) => ({ slot, check: judgeSlot(world, { ...visit, teamId: null }, slot) });
  let candidates: { slot: Slot; check: Feasibility }[];
  try {
    const found = insertVisit(problem, plan, visit.id, { maxOptions: max * 4, blocks }).options;
    candidates = found.map((o) => judged({ teamId: o.teamId, date: o.day, block: o.block as Block }));
  } catch (error) {
    if (!(error instanceof PlannerInputError)) throw error;
    // The engine found the held plan inconsistent; the checks alone still rank every cell.
    candidates = [...world.teams.keys()].flatMap((teamId) =>
      days.flatMap((date) => BLOCK_NAMES.map((block) => judged({ teamId, date, block }))),
    );
  }
  const options = candidates
    .filter((c) => c.check.ok)
    .sort((a, b) => a.check.addedKm - b.check.addedKm || a.slot.date.localeCompare(b.slot.date))
    .slice(0, max)
    .map(({ slot, check }) => ({
      ...slot,
      teamName: world.teams.get(slot.teamId)!.name,
      addedKm: check.addedKm,
      addedMinutes: check.addedMinutes,
    }));
  return { visitId, options };
}
