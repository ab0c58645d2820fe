import type { Plan, Problem, TravelMatrix, Visit } from './model.ts';
import { haversineMatrix } from './travel.ts';

export type ViolationKind =
  | 'unknown-visit'
  | 'unknown-team'
  | 'unknown-day'
  | 'duplicate-route'
  | 'duplicate-visit'
  | 'missing-visit'
  | 'no-shift'
  | 'missing-skill'
  | 'outside-region'
  | 'day-not-allowed'
  | 'pin-violated'
  | 'before-shift'
  | 'after-shift'
  | 'travel-time'
  | 'before-window'
  | 'after-window'
  | 'wrong-duration'
  | 'max-visits'
  | 'over-capacity'
  | 'precedence'
  | 'same-day'
  | 'fixed-moved';

export interface Violation {
  kind: ViolationKind;
  message: string;
  visitId?: string;
  teamId?: string;
  day?: string;
}

export interface CheckResult {
  ok: boolean;
  violations: Violation[];
  /** Total distance recomputed from the problem's matrix, independent of what the plan says. */
  distance: number;
}

export interface CheckOptions {
  /** The plan before insertion or repair: planned fixed visits must keep their team and day from it. */
  reference?: Plan;
  /** Allowed rounding in time comparisons. Default 1e-6. */
  tolerance?: number;
}

/**
 * Verifies a plan against every hard constraint of the problem. Written apart from the
 * solver on purpose (it shares no feasibility code), so a solver bug cannot hide itself.
 *
 * @example
 * const { ok, violations } = checkPlan(problem, plan);
 * if (!ok) console.error(violations.map((v) => v.message));
 */
export function checkPlan(problem: Problem, plan: Plan, options: CheckOptions = {}): CheckResult {
  const eps = options.tolerance ?? 1e-6;
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string, at: Omit<Violation, 'kind' | 'message'> = {}): void => {
    violations.push({ kind, message, ...at });
  };
  const matrix: TravelMatrix = problem.matrix ?? haversineMatrix(problem.locations ?? []);
  const travel = (from: number, to: number): number => Number(matrix.durations[from * matrix.size + to]);
  const distanceOf = (from: number, to: number): number => Number(matrix.distances[from * matrix.size + to]);
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  const teams = new Map(problem.teams.map((t) => [t.id, t]));
  const dayPos = new Map(problem.days.map((d, i) => [d, i]));
  const placed = new Map<string, { teamId: string; day: string }>();
  const routeKeys = new Set<string>();
  let distance = 0;

  for (const route of plan.routes) {
    const at = { teamId: route.teamId, day: route.day };
    const team = teams.get(route.teamId);
    if (!team) {
      add('unknown-team', `team ${route.teamId} does not exist`, at);
      continue;
    }
    if (!dayPos.has(route.day)) add('unknown-day', `day ${route.day} is not in the horizon`, at);
    const key = `${route.teamId}|${route.day}`;
    if (routeKeys.has(key)) add('duplicate-route', `team ${route.teamId} has two routes on ${route.day}`, at);
    routeKeys.add(key);
    const shift = team.shifts.find((s) => s.day === route.day);
    if (!shift && route.stops.length > 0) add('no-shift', `team ${route.teamId} does not work on ${route.day}`, at);
    if (route.stops.length === 0) continue;
    if (team.maxVisitsPerDay !== undefined && route.stops.length > team.maxVisitsPerDay) {
      add('max-visits', `${route.stops.length} visits, at most ${team.maxVisitsPerDay}`, at);
    }
    if (shift && route.departure < shift.start - eps)
      add('before-shift', `leaves at ${route.departure}, shift starts ${shift.start}`, at);
    let clock = shift ? Math.max(route.departure, shift.start) : route.departure;
    let here = team.start;
    let load = 0;
    for (const stop of route.stops) {
      const visit = visits.get(stop.visitId);
      const vat = { ...at, visitId: stop.visitId };
      if (!visit) {
        add('unknown-visit', `visit ${stop.visitId} does not exist`, vat);
        continue;
      }
      if (placed.has(visit.id)) add('duplicate-visit', `visit ${visit.id} is planned twice`, vat);
      placed.set(visit.id, at);
      checkAssignment(problem, visit, team.skills, team.regions, route.teamId, route.day, (k, m) => add(k, m, vat));
      const arrival = clock + travel(here, visit.location);
      distance += distanceOf(here, visit.location);
      if (stop.start < arrival - eps)
        add('travel-time', `starts ${stop.start} but cannot arrive before ${arrival}`, vat);
      if (visit.window && stop.start < visit.window.start - eps)
        add('before-window', `starts ${stop.start} before ${visit.window.start}`, vat);
      if (visit.window && stop.start > visit.window.end + eps)
        add('after-window', `starts ${stop.start} after ${visit.window.end}`, vat);
      if (Math.abs(stop.end - stop.start - visit.duration) > eps)
        add('wrong-duration', `lasts ${stop.end - stop.start}, needs ${visit.duration}`, vat);
      clock = Math.max(stop.end, stop.start + visit.duration);
      here = visit.location;
      load += visit.demand ?? 0;
    }
    distance += distanceOf(here, team.end);
    const home = clock + travel(here, team.end);
    if (shift && home > shift.end + eps) add('after-shift', `back at ${home}, shift ends ${shift.end}`, at);
    if (team.capacity !== undefined && load > team.capacity + eps)
      add('over-capacity', `load ${load} over capacity ${team.capacity}`, at);
  }

  const unassigned = new Set<string>();
  for (const u of plan.unassigned) {
    if (!visits.has(u.visitId))
      add('unknown-visit', `unassigned visit ${u.visitId} does not exist`, { visitId: u.visitId });
    if (placed.has(u.visitId) || unassigned.has(u.visitId))
      add('duplicate-visit', `visit ${u.visitId} is both planned and unassigned`, { visitId: u.visitId });
    unassigned.add(u.visitId);
  }
  for (const visit of problem.visits) {
    if (!placed.has(visit.id) && !unassigned.has(visit.id))
      add('missing-visit', `visit ${visit.id} is neither planned nor unassigned`, { visitId: visit.id });
  }
  checkLinks(problem, placed, dayPos, add);
  if (options.reference) checkFixed(problem, options.reference, placed, add);
  return { ok: violations.length === 0, violations, distance };
}

type Add = (kind: ViolationKind, message: string, at?: Omit<Violation, 'kind' | 'message'>) => void;

function checkAssignment(
  problem: Problem,
  visit: Visit,
  skills: string[],
  regions: string[] | undefined,
  teamId: string,
  day: string,
  add: (kind: ViolationKind, message: string) => void,
): void {
  const missing = (visit.skills ?? []).filter((s) => !skills.includes(s));
  if (missing.length > 0) add('missing-skill', `team ${teamId} lacks ${missing.join(', ')}`);
  if (regions && visit.pc2 !== undefined) {
    const served = (problem.regions ?? []).some((r) => regions.includes(r.id) && r.pc2.includes(visit.pc2 as string));
    if (!served) add('outside-region', `team ${teamId} does not serve postcode ${visit.pc2}`);
  }
  if (visit.days && !visit.days.includes(day)) add('day-not-allowed', `${day} is not an allowed day`);
  if (visit.pin?.team !== undefined && visit.pin.team !== teamId)
    add('pin-violated', `pinned to team ${visit.pin.team}`);
  if (visit.pin?.day !== undefined && visit.pin.day !== day) add('pin-violated', `pinned to day ${visit.pin.day}`);
}

function checkLinks(
  problem: Problem,
  placed: Map<string, { day: string }>,
  dayPos: Map<string, number>,
  add: Add,
): void {
  for (const visit of problem.visits) {
    const mine = placed.get(visit.id);
    if (!mine) continue;
    const myDay = dayPos.get(mine.day) ?? -1;
    for (const before of visit.after ?? []) {
      const other = placed.get(before);
      if (!other || (dayPos.get(other.day) ?? -1) >= myDay) {
        add('precedence', `${visit.id} needs ${before} planned on an earlier day`, { visitId: visit.id });
      }
    }
    for (const apart of visit.differentDayFrom ?? []) {
      if (placed.get(apart)?.day === mine.day)
        add('same-day', `${visit.id} and ${apart} share ${mine.day}`, { visitId: visit.id });
    }
  }
}

function checkFixed(
  problem: Problem,
  reference: Plan,
  placed: Map<string, { teamId: string; day: string }>,
  add: Add,
): void {
  const teams = new Map(problem.teams.map((t) => [t.id, t]));
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  for (const route of reference.routes) {
    // A fixed visit may only move off a team-day that no longer exists (the team fell ill);
    // when its own team-day can no longer hold it, it comes back unassigned with a reason.
    const stillWorked = teams.get(route.teamId)?.shifts.some((s) => s.day === route.day) ?? false;
    for (const stop of route.stops) {
      const visit = visits.get(stop.visitId);
      if (!visit?.fixed || !stillWorked) continue;
      const now = placed.get(stop.visitId);
      if (now && (now.teamId !== route.teamId || now.day !== route.day)) {
        add('fixed-moved', `fixed visit ${stop.visitId} left team ${route.teamId} on ${route.day}`, {
          visitId: stop.visitId,
        });
      }
    }
  }
}
