import type { Instance } from './instance.ts';

/** Floating-point slack: travel sums may differ in the last bits from a recomputation. */
export const EPS = 1e-7;

/**
 * One team-day with the schedule data that makes an insertion check O(1): `early[i]` is
 * the earliest service start of stop i, `late[i]` the latest start that keeps the rest
 * of the route (and the return by shift end) feasible.
 */
export interface RouteState {
  stops: number[];
  early: Float64Array;
  late: Float64Array;
  load: number;
  distance: number;
  cost: number;
  feasible: boolean;
}

const EMPTY = new Float64Array(0);

export function emptyRoute(): RouteState {
  return { stops: [], early: EMPTY, late: EMPTY, load: 0, distance: 0, cost: 0, feasible: true };
}

/**
 * Soft cost of bundling: pairwise distance beyond the radius, for visit v against the first
 * `count` stops of a route (all of them by default).
 */
export function bundlingAgainst(inst: Instance, stops: readonly number[], v: number, count = stops.length): number {
  const { bundleWeight, bundleRadius } = inst.weights;
  if (bundleWeight === 0) return 0;
  const row = (inst.loc[v] as number) * inst.locations;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const d = (inst.dist[row + (inst.loc[stops[i] as number] as number)] as number) - bundleRadius;
    if (d > 0) sum += d;
  }
  return sum * bundleWeight;
}

export function moveCost(inst: Instance, v: number, r: number): number {
  const home = inst.homeRoute[v] as number;
  return home >= 0 && home !== r ? inst.weights.move : 0;
}

/** Recomputes schedule, load and cost of route r holding `stops`. */
export function buildRoute(inst: Instance, r: number, stops: number[]): RouteState {
  const len = stops.length;
  if (len === 0) return emptyRoute();
  const { dist, time, loc, service, twStart, twEnd, locations: L } = inst;
  const early = new Float64Array(len);
  const late = new Float64Array(len);
  let feasible = len <= (inst.maxStops[r] as number);
  let prevLoc = inst.routeStart[r] as number;
  let t = inst.shiftStart[r] as number;
  let distance = 0;
  let load = 0;
  let extra = 0;
  for (let i = 0; i < len; i++) {
    const v = stops[i] as number;
    const l = loc[v] as number;
    distance += dist[prevLoc * L + l] as number;
    t = Math.max(t + (time[prevLoc * L + l] as number), twStart[v] as number);
    if (t > (twEnd[v] as number) + EPS) feasible = false;
    early[i] = t;
    t += service[v] as number;
    load += inst.demand[v] as number;
    extra += moveCost(inst, v, r) + bundlingAgainst(inst, stops, v, i);
    prevLoc = l;
  }
  const endLoc = inst.routeEnd[r] as number;
  distance += dist[prevLoc * L + endLoc] as number;
  if (t + (time[prevLoc * L + endLoc] as number) > (inst.shiftEnd[r] as number) + EPS) feasible = false;
  if (load > (inst.capacity[r] as number) + EPS) feasible = false;
  let next = (inst.shiftEnd[r] as number) - (time[prevLoc * L + endLoc] as number);
  for (let i = len - 1; i >= 0; i--) {
    const v = stops[i] as number;
    const latest = Math.min(twEnd[v] as number, next - (service[v] as number));
    late[i] = latest;
    if (i > 0) next = latest - (time[(loc[stops[i - 1] as number] as number) * L + (loc[v] as number)] as number);
  }
  const cost = distance + extra + inst.weights.balance * len * len;
  return { stops, early, late, load, distance, cost, feasible };
}

/**
 * Route r with v inserted at position p, where the insertion is known to be feasible. Only
 * the part of the schedule that can change is recomputed: early times forward from p until
 * waiting absorbs the delay, late times backward from p until they match again.
 */
export function insertStop(inst: Instance, r: number, route: RouteState, v: number, p: number): RouteState {
  const { dist, time, loc, service, twStart, twEnd, locations: L } = inst;
  const old = route.stops;
  const len = old.length + 1;
  const stops = new Array<number>(len);
  const early = new Float64Array(len);
  const late = new Float64Array(len);
  // Plain loops: for short routes, typed-array views cost more than they save.
  for (let i = 0; i < p; i++) {
    stops[i] = old[i] as number;
    early[i] = route.early[i] as number;
  }
  stops[p] = v;
  for (let i = p; i < len - 1; i++) {
    stops[i + 1] = old[i] as number;
    late[i + 1] = route.late[i] as number;
  }

  const lv = loc[v] as number;
  const prevLoc = p === 0 ? (inst.routeStart[r] as number) : (loc[stops[p - 1] as number] as number);
  const nextLoc = p === len - 1 ? (inst.routeEnd[r] as number) : (loc[stops[p + 1] as number] as number);
  const added =
    len === 1
      ? (dist[prevLoc * L + lv] as number) + (dist[lv * L + nextLoc] as number)
      : (dist[prevLoc * L + lv] as number) +
        (dist[lv * L + nextLoc] as number) -
        (dist[prevLoc * L + nextLoc] as number);

  let here = prevLoc;
  let t =
    p === 0 ? (inst.shiftStart[r] as number) : (early[p - 1] as number) + (service[stops[p - 1] as number] as number);
  for (let i = p; i < len; i++) {
    const u = stops[i] as number;
    const l = loc[u] as number;
    t = Math.max(t + (time[here * L + l] as number), twStart[u] as number);
    if (i > p && t === route.early[i - 1]) {
      for (let j = i; j < len; j++) early[j] = route.early[j - 1] as number;
      break;
    }
    early[i] = t;
    t += service[u] as number;
    here = l;
  }

  let next =
    p === len - 1
      ? (inst.shiftEnd[r] as number) - (time[lv * L + nextLoc] as number)
      : (late[p + 1] as number) - (time[lv * L + nextLoc] as number);
  for (let i = p; i >= 0; i--) {
    const u = stops[i] as number;
    const latest = Math.min(twEnd[u] as number, next - (service[u] as number));
    if (i < p && latest === route.late[i]) {
      for (let j = 0; j <= i; j++) late[j] = route.late[j] as number;
      break;
    }
    late[i] = latest;
    if (i > 0) next = latest - (time[(loc[stops[i - 1] as number] as number) * L + (loc[u] as number)] as number);
  }

  const extra = bundlingAgainst(inst, old, v) + moveCost(inst, v, r);
  const cost = route.cost + added + extra + inst.weights.balance * (2 * len - 1);
  return {
    stops,
    early,
    late,
    load: route.load + (inst.demand[v] as number),
    distance: route.distance + added,
    cost,
    feasible: true,
  };
}
