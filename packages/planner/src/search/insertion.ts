import type { Instance } from './instance.ts';
import { bundlingAgainst, EPS as SLACK, insertStop, moveCost, type RouteState } from './route.ts';

// A module-local copy: the hot loop below reads it millions of times.
const EPS = SLACK;
import type { Rng } from './rng.ts';
import type { SearchState } from './state.ts';

/** Whether the cross-route links of v (precedence, different days) allow it on `day`. */
export function linksAllow(inst: Instance, state: SearchState, v: number, day: number): boolean {
  for (const p of inst.preds[v] as Int32Array) {
    const d = state.dayOf(inst, p);
    if (d < 0 || d >= day) return false;
  }
  for (const s of inst.succs[v] as Int32Array) {
    const d = state.dayOf(inst, s);
    if (d >= 0 && d <= day) return false;
  }
  for (const o of inst.differentDay[v] as Int32Array) {
    if (state.dayOf(inst, o) === day) return false;
  }
  return true;
}

/** Result slots of {@link bestPositionInRoute}, reused to keep the hot loop allocation-free. */
export const found = { position: -1, delta: Infinity };

/**
 * Cheapest feasible position for v in route r (O(1) per position thanks to early/late),
 * skipping each position with probability `blink` (SISR's "blinks"). Returns false if none.
 */
export function bestPositionInRoute(
  inst: Instance,
  route: RouteState,
  r: number,
  v: number,
  blink: number,
  rng: Rng | null,
): boolean {
  found.position = -1;
  found.delta = Infinity;
  const stops = route.stops;
  const len = stops.length;
  if (len + 1 > (inst.maxStops[r] as number)) return false;
  if (route.load + (inst.demand[v] as number) > (inst.capacity[r] as number) + EPS) return false;
  const dist = inst.dist;
  const time = inst.time;
  const loc = inst.loc;
  const service = inst.service;
  const early = route.early;
  const L = inst.locations;
  const lv = loc[v] as number;
  const sv = service[v] as number;
  const a = inst.twStart[v] as number;
  const b = (inst.twEnd[v] as number) + EPS;
  const startLoc = inst.routeStart[r] as number;
  const endLoc = inst.routeEnd[r] as number;
  let prevLoc = startLoc;
  let prevDepart = inst.shiftStart[r] as number;
  for (let p = 0; p <= len; p++) {
    if (p > 0) {
      const u = stops[p - 1] as number;
      prevLoc = loc[u] as number;
      prevDepart = (early[p - 1] as number) + (service[u] as number);
      // Later positions only depart later, so none of them can still reach v's window.
      if (prevDepart > b) break;
    }
    if (blink > 0 && rng !== null && rng.next() < blink) continue;
    const arrive = prevDepart + (time[prevLoc * L + lv] as number);
    if (arrive > b) continue;
    const depart = Math.max(arrive, a) + sv;
    const nextLoc = p === len ? endLoc : (loc[stops[p] as number] as number);
    const limit = p === len ? (inst.shiftEnd[r] as number) : (route.late[p] as number);
    if (depart + (time[lv * L + nextLoc] as number) > limit + EPS) continue;
    const delta =
      len === 0
        ? (dist[startLoc * L + lv] as number) + (dist[lv * L + endLoc] as number)
        : (dist[prevLoc * L + lv] as number) +
          (dist[lv * L + nextLoc] as number) -
          (dist[prevLoc * L + nextLoc] as number);
    if (delta < found.delta) {
      found.delta = delta;
      found.position = p;
    }
  }
  if (found.position < 0) return false;
  found.delta += bundlingAgainst(inst, stops, v) + inst.weights.balance * (2 * len + 1) + moveCost(inst, v, r);
  return true;
}

export interface Choice {
  route: number;
  position: number;
  delta: number;
}

/** Cheapest feasible insertion of v over all its eligible routes, or null. */
export function bestInsertion(
  inst: Instance,
  state: SearchState,
  v: number,
  blink: number,
  rng: Rng | null,
): Choice | null {
  let best: Choice | null = null;
  const linked =
    (inst.preds[v] as Int32Array).length +
      (inst.succs[v] as Int32Array).length +
      (inst.differentDay[v] as Int32Array).length >
    0;
  const stamp = ++inst.scratch.stamp;
  const tried = inst.scratch.classTried;
  for (const r of inst.eligibleRoutes[v] as Int32Array) {
    const route = state.routes[r] as RouteState;
    if (route.stops.length === 0) {
      const cls = inst.routeClass[r] as number;
      if (tried[cls] === stamp) continue;
      tried[cls] = stamp;
    }
    if (linked && !linksAllow(inst, state, v, inst.routeDay[r] as number)) continue;
    if (!bestPositionInRoute(inst, route, r, v, blink, rng)) continue;
    if (best === null || found.delta < best.delta) best = { route: r, position: found.position, delta: found.delta };
  }
  return best;
}

/** Inserts v at a known feasible place. */
export function applyInsertion(inst: Instance, state: SearchState, v: number, route: number, position: number): void {
  const before = state.routes[route] as RouteState;
  const after = insertStop(inst, route, before, v, position);
  state.routes[route] = after;
  state.routeOf[v] = route;
  state.cost += after.cost - before.cost - (inst.penalty[v] as number);
}
