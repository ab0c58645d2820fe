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
