import type { Plan, PlannedRoute, UnassignedReason, UnassignedVisit } from '../model.ts';
import { PlannerInputError } from '../planner-error.ts';
import type { Instance } from './instance.ts';
import { buildRoute, bundlingAgainst, type RouteState } from './route.ts';
import type { SearchState } from './state.ts';

/** Route index per "team|day", for reading plans. */
function routeIndex(inst: Instance): Map<string, number> {
  const index = new Map<string, number>();
  for (let r = 0; r < inst.routeCount; r++) {
    const team = inst.problem.teams[inst.routeTeam[r] as number];
    index.set(`${team?.id}|${inst.problem.days[inst.routeDay[r] as number]}`, r);
  }
  return index;
}

/**
 * Reads a plan's team-day assignment and order (times are recomputed). Throws a
 * `plan-mismatch` error for unknown visits or a visit planned twice.
 */
export function readPlan(inst: Instance, plan: Plan): Map<number, { route: number; order: number }> {
  const visitIndex = new Map(inst.problem.visits.map((v, i) => [v.id, i]));
  const routes = routeIndex(inst);
  const result = new Map<number, { route: number; order: number }>();
  plan.routes.forEach((planned: PlannedRoute, i) => {
    const r = routes.get(`${planned.teamId}|${planned.day}`) ?? -1;
    planned.stops.forEach((stop, order) => {
      const v = visitIndex.get(stop.visitId);
      const field = `plan.routes[${i}].stops[${order}].visitId`;
      if (v === undefined) throw new PlannerInputError('plan-mismatch', field, `unknown visit "${stop.visitId}"`);
      if (result.has(v)) throw new PlannerInputError('plan-mismatch', field, `"${stop.visitId}" is planned twice`);
      result.set(v, { route: r, order });
    });
  });
  return result;
}

/**
 * Puts the plan's visits back in their routes, in plan order, skipping any that no longer
 * fit (a changed window, a shorter shift, a lost team-day) or whose links are broken.
 */
export function placePlan(
  inst: Instance,
  state: SearchState,
  assignment: Map<number, { route: number; order: number }>,
  checkEligibility: boolean,
): number[] {
  const displaced: number[] = [];
  const sorted = [...assignment.entries()].sort(
    (a, b) => (inst.routeDay[a[1].route] ?? -1) - (inst.routeDay[b[1].route] ?? -1) || a[1].order - b[1].order,
  );
  const pending: [number, number][] = [];
  for (const [v, { route: r }] of sorted) {
    if (r < 0 || (checkEligibility && !(inst.eligibleRoutes[v] as Int32Array).includes(r))) displaced.push(v);
    else pending.push([v, r]);
  }
  // Fast path: the plan is still feasible as it stands, so build each route once.
  const byRoute = new Map<number, number[]>();
  for (const [v, r] of pending) {
    const list = byRoute.get(r) ?? [];
    list.push(v);
    byRoute.set(r, list);
    state.routeOf[v] = r;
  }
  let intact = true;
  for (const [v, r] of pending) if (!linksHold(inst, state, v, r)) intact = false;
  const built = new Map<number, RouteState>();
  for (const [r, stops] of byRoute) {
    const route = buildRoute(inst, r, stops);
    built.set(r, route);
    if (!route.feasible) intact = false;
  }
  if (intact) {
    for (const [r, route] of built) state.routes[r] = route;
    state.recomputeCost(inst);
    return displaced;
  }
  for (const [v] of pending) state.routeOf[v] = -1;
  for (const [v, r] of pending) {
    if (!linksHold(inst, state, v, r)) {
      displaced.push(v);
      continue;
    }
    const before = state.routes[r] as RouteState;
    const after = buildRoute(inst, r, [...before.stops, v]);
    if (!after.feasible) {
      displaced.push(v);
      continue;
    }
    state.routes[r] = after;
    state.routeOf[v] = r;
    state.cost += after.cost - before.cost - (inst.penalty[v] as number);
  }
  return displaced;
}

function linksHold(inst: Instance, state: SearchState, v: number, r: number): boolean {
  const day = inst.routeDay[r] as number;
  for (const p of inst.preds[v] as Int32Array) {
    const d = state.dayOf(inst, p);
    if (d < 0 || d >= day) return false;
  }
  for (const o of inst.differentDay[v] as Int32Array) if (state.dayOf(inst, o) === day) return false;
  return true;
}

function reasonFor(inst: Instance, state: SearchState, v: number): UnassignedReason {
  const reason = inst.staticReason[v];
  if (reason) return reason;
  for (const p of inst.preds[v] as Int32Array) if ((state.routeOf[p] as number) < 0) return 'predecessor-unassigned';
  return 'no-capacity-in-window';
}

/** Turns a search state into the public plan, with times, costs and reasons. */
export function toPlan(inst: Instance, state: SearchState, reasons: Map<number, UnassignedReason> = new Map()): Plan {
  const { problem, loc, time, locations: L } = inst;
  const routes: PlannedRoute[] = [];
  let distance = 0;
  let bundling = 0;
  let balance = 0;
  let moves = 0;
  state.routes.forEach((route, r) => {
    const len = route.stops.length;
    if (len === 0) return;
    const first = route.stops[0] as number;
    const last = route.stops[len - 1] as number;
    const startLoc = inst.routeStart[r] as number;
    const stops = route.stops.map((v, i) => ({
      visitId: (problem.visits[v] as { id: string }).id,
      start: route.early[i] as number,
      end: (route.early[i] as number) + (inst.service[v] as number),
    }));
    routes.push({
      teamId: (problem.teams[inst.routeTeam[r] as number] as { id: string }).id,
      day: problem.days[inst.routeDay[r] as number] as string,
      stops,
      departure: (route.early[0] as number) - (time[startLoc * L + (loc[first] as number)] as number),
      arrival:
        (stops[len - 1] as { end: number }).end +
        (time[(loc[last] as number) * L + (inst.routeEnd[r] as number)] as number),
      distance: route.distance,
    });
    distance += route.distance;
    balance += inst.weights.balance * len * len;
    route.stops.forEach((v, i) => {
      bundling += bundlingAgainst(inst, route.stops, v, i);
      const home = inst.homeRoute[v] as number;
      if (home >= 0 && home !== r) moves += inst.weights.move;
    });
  });
  const unassigned: UnassignedVisit[] = [];
  let unassignedPriority = 0;
  for (let v = 0; v < inst.n; v++) {
    if ((state.routeOf[v] as number) >= 0) continue;
    unassigned.push({
      visitId: (problem.visits[v] as { id: string }).id,
      reason: reasons.get(v) ?? reasonFor(inst, state, v),
    });
    unassignedPriority += 1 + (problem.visits[v]?.priority ?? 0);
  }
  const total = inst.weights.unassigned * unassignedPriority + distance + bundling + balance + moves;
  return { routes, unassigned, cost: { total, distance, unassignedPriority, bundling, balance, moves } };
}
