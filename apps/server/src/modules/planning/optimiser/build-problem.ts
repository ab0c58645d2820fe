import { createHash } from 'node:crypto';
import {
  checkPlan,
  type GeoPoint,
  type Plan,
  type PlannedRoute,
  type Problem,
  type TimeWindow,
  type TravelMatrix,
  type Visit,
} from '@chargecars/planner';
import { REGIONS, haversineKm } from '@chargecars/geo';
import { addDaysToDate } from '../../../platform/calendar.ts';
import type { PlanningInputs, PlanningVisit } from '../../../read-models/planning-inputs.ts';
import type { MaterialAnswer } from './material-availability.ts';
import { severeWeather, type DayForecast, type SevereWeather } from './weather-provider.ts';

/** A team's working day for the engine: leave the base from 07:30, back by 17:30. */
export const SHIFT = { start: 7 * 60 + 30, end: 17 * 60 + 30 };
/** Blocks hold the whole visit: morning 08:00-12:00, afternoon 12:00-17:00 (PRD process 3). */
export const BLOCKS = { morning: { start: 8 * 60, end: 12 * 60 }, afternoon: { start: 12 * 60, end: 17 * 60 } };
/** Extra weight of a planned visit against being taken off its day (priorities run 0-2). */
const PLANNED_BONUS = 3;
const WHOLE_DAY = { start: BLOCKS.morning.start, end: BLOCKS.afternoon.end };

export const blockOf = (start: number) => (start < BLOCKS.afternoon.start ? 'morning' : 'afternoon');
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const clockTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`;
/** Service-start window that keeps the whole visit inside `span`. */
const within = (span: TimeWindow, duration: number): TimeWindow => ({
  start: span.start,
  end: Math.max(span.start, span.end - duration),
});

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) days.push(d);
  return days;
}
const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Hash of everything the optimiser read: a proposal made from it may be applied only while the
 * database still says the same (no visit planned, moved or changed, no team or absence changed).
 */
export function fingerprintOf(inputs: PlanningInputs): string {
  const visits = inputs.visits.map((v) => [
    v.id,
    v.status,
    v.teamId,
    v.date,
    v.block,
    v.lockVersion,
    v.durationMinutes,
    v.priority,
    v.windowStart,
    v.windowEnd,
    v.confirmedAt ? 1 : 0,
    v.requiredSkills,
    v.lat,
    v.lon,
  ]);
  const teams = inputs.teams.map((t) => [t.id, t.maxVisitsPerDay, t.skills, t.workingDays, t.regions, t.lat, t.lon]);
  const linked = inputs.linked.map((l) => [l.id, l.afterVisitId, l.status, l.date]).sort();
  return createHash('sha256')
    .update(JSON.stringify({ visits, teams, absences: inputs.absences, linked }))
    .digest('hex');
}

export type BuildOptions = {
  from: string;
  to: string;
  today: string;
  /** Repair: only the visits of this team-day may move; nothing unplanned is added. */
  repair?: { teamId: string; date: string };
};

export type Built = {
  problem: Problem;
  current: Plan;
  points: GeoPoint[];
  byId: Map<string, PlanningVisit>;
  /** Visits the engine never sees, with the reason (shown as unassigned). */
  excluded: { visit: PlanningVisit; reason: 'no-coordinates' | 'materials-missing'; missing: string[] }[];
  /** Visits that must keep their slot whatever the engine answers (confirmed, started, or outside a repair). */
  keep: Set<string>;
  /** Outdoor visits and the days with a severe forecast at their place (soft: avoided where possible). */
  badDays: Map<string, Map<string, SevereWeather[]>>;
  /** The same problem with the bad-weather days allowed again, for the visits the first pass could not place. */
  relaxedDays: Map<string, string[]>;
};

/** The nearest regional hub stands for a visit's weather: a forecast per region, not per street. */
export function nearestHub(p: GeoPoint): number {
  let best = 0;
  let bestKm = Infinity;
  REGIONS.forEach((r, i) => {
    const km = haversineKm(p, r.hub);
    if (km < bestKm) [best, bestKm] = [i, km];
  });
  return best;
}

/**
 * The engine's problem from the database's planning inputs: teams with their base, skills, regions,
 * working days minus absences and daily maximum; visits unplanned or planned-not-confirmed as movable,
 * confirmed and started ones fixed on their team, day and block; the current plan as the start.
 */
export async function buildProblem(
  inputs: PlanningInputs,
  o: BuildOptions,
  deps: {
    matrix: (points: GeoPoint[]) => Promise<TravelMatrix>;
    forecast: DayForecast[][] | null;
    materials: (requests: { visitId: string; date: string }[]) => Promise<MaterialAnswer[]>;
    outdoor: Set<string>;
  },
): Promise<Built> {
  const days = daysBetween(o.from, o.to);
  const workable = days.filter((d) => d >= o.today);
  const absent = (teamId: string, day: string) =>
    inputs.absences.some((a) => a.teamId === teamId && a.from <= day && a.to >= day);
  const points: GeoPoint[] = inputs.teams.map((t) => ({ lat: t.lat, lon: t.lon }));
  const teamIds = new Set(inputs.teams.map((t) => t.id));
  const teams = inputs.teams.map((t, i) => ({
    id: t.id,
    start: i,
    end: i,
    skills: t.skills,
    regions: t.regions,
    maxVisitsPerDay: t.maxVisitsPerDay,
    shifts: workable
      .filter((d) => t.workingDays.includes(isoWeekday(d)) && !absent(t.id, d))
      .map((day) => ({ day, ...SHIFT })),
  }));

  const byId = new Map(inputs.visits.map((v) => [v.id, v]));
  const excluded: Built['excluded'] = [];
  const keep = new Set<string>();
  const isFixed = (v: PlanningVisit) => v.status === 'in_progress' || v.confirmedAt !== null;
  // In a repair only the absent team-day's visits move (confirmed ones too: their day is gone, the customer is asked).
  const mayMove = (v: PlanningVisit) =>
    o.repair ? v.teamId === o.repair.teamId && v.date === o.repair.date : !isFixed(v);
  const candidates = inputs.visits.filter((v) => {
    if (o.repair && v.status !== 'scheduled' && v.status !== 'in_progress') return false;
    if (v.lat === null || v.lon === null) {
      if (v.date) keep.add(v.id);
      else excluded.push({ visit: v, reason: 'no-coordinates', missing: [] });
      return false;
    }
    return true;
  });
  // Materials: a movable visit may go only on a day its materials are there by.
  const movable = candidates.filter(mayMove);
  const answers = await deps.materials(movable.flatMap((v) => workable.map((date) => ({ visitId: v.id, date }))));
  const supplied = new Map<string, string[]>();
  const missing = new Map<string, Set<string>>();
  for (const a of answers) {
    if (a.available) supplied.set(a.visitId, [...(supplied.get(a.visitId) ?? []), a.date]);
    else for (const m of a.missing) missing.set(a.visitId, (missing.get(a.visitId) ?? new Set()).add(m));
  }

  const hubOf = new Map<string, number>();
  const badDays: Built['badDays'] = new Map();
  const relaxedDays: Built['relaxedDays'] = new Map();
  const visits: Visit[] = [];
  const linkedById = new Map(inputs.linked.map((l) => [l.id, l]));
  for (const v of candidates) {
    const fixed = !mayMove(v);
    let days: string[] | undefined;
    if (!fixed) {
      days = supplied.get(v.id) ?? [];
      if (!days.length) {
        // A visit already planned is short on every day alike, so parts do not choose its day: it may
        // move like any other (an absence must be able to empty its day). Only a new visit waits for parts.
        if (v.date) days = workable;
        else {
          excluded.push({ visit: v, reason: 'materials-missing', missing: [...(missing.get(v.id) ?? [])] });
          continue;
        }
      }
    }
    if (fixed) keep.add(v.id);
    const at = { lat: v.lat as number, lon: v.lon as number };
    const location = points.push(at) - 1;
    const block = v.block ?? 'morning';
    const span = v.windowStart && v.windowEnd ? { start: minutes(v.windowStart), end: minutes(v.windowEnd) } : null;
    const visit: Visit = {
      id: v.id,
      location,
      duration: v.durationMinutes,
      skills: v.requiredSkills,
      // A visit already on a day was promised to the customer: the engine drops an unplanned one first.
      priority: v.priority + (v.date ? PLANNED_BONUS : 0),
      pc2: v.postcode.slice(0, 2),
      window: within(span ?? (fixed ? BLOCKS[block] : WHOLE_DAY), v.durationMinutes),
    };
    if (fixed) {
      if (!v.date || !v.teamId || !teamIds.has(v.teamId)) continue;
      visit.fixed = true;
      visit.pin = { team: v.teamId, day: v.date };
    }
    // Links to visits outside the problem bound the days: after one planned earlier, before one planned later.
    const before = v.afterVisitId ? linkedById.get(v.afterVisitId) : undefined;
    const after = inputs.linked.find((l) => l.afterVisitId === v.id);
    if (days && before && !byId.has(before.id))
      days = before.date && before.status !== 'to_schedule' ? days.filter((d) => d > (before.date as string)) : [];
    if (days && after && !byId.has(after.id) && after.date) days = days.filter((d) => d < (after.date as string));
    if (days) {
      if (deps.outdoor.has(v.id) && deps.forecast) {
        const hub = nearestHub(at);
        hubOf.set(v.id, hub);
        const bad = new Map<string, SevereWeather[]>();
        for (const f of deps.forecast[hub] ?? []) {
          const severe = severeWeather(f);
          if (severe.length && days.includes(f.date)) bad.set(f.date, severe);
        }
        if (bad.size) {
          badDays.set(v.id, bad);
          relaxedDays.set(v.id, days);
          days = days.filter((d) => !bad.has(d));
        }
      }
      visit.days = days;
    }
    visits.push(visit);
  }
  const inProblem = new Set(visits.map((v) => v.id));
  for (const v of visits) {
    const own = byId.get(v.id)!;
    if (own.afterVisitId && inProblem.has(own.afterVisitId)) v.after = [own.afterVisitId];
  }

  const matrix = await deps.matrix(points);
  const problem: Problem = {
    days,
    teams,
    visits,
    regions: inputs.regions.map((r) => ({ id: r.code, pc2: r.pc2 })),
    matrix,
  };
  closeOverfullDays(problem, byId, keep);
  return { problem, current: currentPlan(problem, byId), points, byId, excluded, keep, badDays, relaxedDays };
}

/**
 * A team-day that already breaks the working hours or the daily maximum with visits that must stay
 * (confirmed, started, or outside a repair) is closed to the engine: those visits stay as they are,
 * untouched, and nothing is added to that day. Otherwise the engine would drop one of them on paper
 * to make room, while in the database it stays: the day would end fuller than before.
 */
function closeOverfullDays(problem: Problem, byId: Map<string, PlanningVisit>, keep: Set<string>): void {
  const { violations } = checkPlan(problem, currentPlan(problem, byId));
  const overfull = new Set(violations.flatMap((v) => (v.teamId && v.day ? [`${v.teamId}|${v.day}`] : [])));
  const closed = new Set(
    [...overfull].filter((key) => problem.visits.some((v) => v.fixed && `${v.pin?.team}|${v.pin?.day}` === key)),
  );
  if (!closed.size) return;
  for (const team of problem.teams) team.shifts = team.shifts.filter((s) => !closed.has(`${team.id}|${s.day}`));
  const removed = new Map<string, string>();
  problem.visits = problem.visits.filter((v) => {
    const key = `${v.pin?.team}|${v.pin?.day}`;
    if (!v.fixed || !closed.has(key)) return true;
    keep.add(v.id);
    removed.set(v.id, v.pin!.day!);
    return false;
  });
  // A visit after one that now stays outside the engine must still come on a later day.
  for (const v of problem.visits) {
    const gone = (v.after ?? []).filter((id) => removed.has(id));
    if (!gone.length) continue;
    v.after = (v.after ?? []).filter((id) => !removed.has(id));
    const after = gone
      .map((id) => removed.get(id)!)
      .sort()
      .at(-1)!;
    v.days = (v.days ?? problem.days).filter((d) => d > after);
  }
}

/**
 * The plan the database holds, as engine routes: per team and day its visits, mornings first, each
 * block in nearest-next order from the base, timed from the start of the shift.
 */
export function currentPlan(problem: Problem, byId: Map<string, PlanningVisit>): Plan {
  const groups = new Map<string, Visit[]>();
  for (const v of problem.visits) {
    const row = byId.get(v.id)!;
    if (!row.teamId || !row.date || ['to_schedule', 'rescheduled', 'cancelled'].includes(row.status)) continue;
    const key = `${row.teamId}|${row.date}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const routes: PlannedRoute[] = [];
  for (const [key, group] of groups) {
    const [teamId, day] = key.split('|') as [string, string];
    const team = problem.teams.find((t) => t.id === teamId)!;
    const ordered: Visit[] = [];
    for (const block of ['morning', 'afternoon'] as const) {
      const left = group.filter((v) => (byId.get(v.id)!.block ?? 'morning') === block);
      let here = ordered.at(-1)?.location ?? team.start;
      while (left.length) {
        left.sort((a, b) => distance(problem, here, a.location) - distance(problem, here, b.location));
        const next = left.shift()!;
        ordered.push(next);
        here = next.location;
      }
    }
    routes.push(
      timeRoute(
        problem,
        teamId,
        day,
        ordered.map((v) => v.id),
      ),
    );
  }
  const planned = new Set(routes.flatMap((r) => r.stops.map((s) => s.visitId)));
  return {
    routes,
    unassigned: problem.visits
      .filter((v) => !planned.has(v.id))
      .map((v) => ({ visitId: v.id, reason: 'no-capacity-in-window' as const })),
    cost: { total: 0, distance: 0, unassignedPriority: 0, bundling: 0, balance: 0, moves: 0 },
  };
}

const distance = (problem: Problem, from: number, to: number) =>
  Number(problem.matrix!.distances[from * problem.matrix!.size + to]);
const duration = (problem: Problem, from: number, to: number) =>
  Number(problem.matrix!.durations[from * problem.matrix!.size + to]);

/** Times a team-day's visits in this order: each starts on arrival, or when its window opens. */
export function timeRoute(problem: Problem, teamId: string, day: string, visitIds: string[]): PlannedRoute {
  const team = problem.teams.find((t) => t.id === teamId)!;
  const shift = team.shifts.find((s) => s.day === day) ?? { start: SHIFT.start };
  const visitOf = new Map(problem.visits.map((v) => [v.id, v]));
  let clock = shift.start;
  let here = team.start;
  let km = 0;
  const stops = visitIds.map((id) => {
    const v = visitOf.get(id)!;
    const start = Math.max(clock + duration(problem, here, v.location), v.window?.start ?? 0);
    km += distance(problem, here, v.location);
    clock = start + v.duration;
    here = v.location;
    return { visitId: id, start, end: clock };
  });
  km += distance(problem, here, team.end);
  const first = stops[0] ? visitOf.get(stops[0].visitId)! : null;
  const departure = first ? stops[0]!.start - duration(problem, team.start, first.location) : shift.start;
  return {
    teamId,
    day,
    stops,
    departure: Math.max(shift.start, departure),
    arrival: clock + duration(problem, here, team.end),
    distance: km,
  };
}

/** Km, travel and work minutes of a team's routes. */
export function routeFigures(problem: Problem, routes: PlannedRoute[]) {
  const visitOf = new Map(problem.visits.map((v) => [v.id, v]));
  const figures = { visits: 0, km: 0, travelMinutes: 0, workMinutes: 0 };
  for (const route of routes) {
    if (!route.stops.length) continue;
    const team = problem.teams.find((t) => t.id === route.teamId)!;
    let here = team.start;
    for (const stop of route.stops) {
      const v = visitOf.get(stop.visitId)!;
      figures.km += distance(problem, here, v.location);
      figures.travelMinutes += duration(problem, here, v.location);
      figures.workMinutes += v.duration;
      figures.visits += 1;
      here = v.location;
    }
    figures.km += distance(problem, here, team.end);
    figures.travelMinutes += duration(problem, here, team.end);
  }
  return {
    visits: figures.visits,
    km: Math.round(figures.km * 10) / 10,
    travelMinutes: Math.round(figures.travelMinutes),
    workMinutes: figures.workMinutes,
  };
}
