import type { Instance } from './instance.ts';
import { applyInsertion, bestInsertion } from './insertion.ts';
import type { RouteState } from './route.ts';
import type { Rng } from './rng.ts';
import type { SearchState } from './state.ts';

/** SISR parameters (Christiaens & Vanden Berghe 2020), names as in the paper. */
export interface RuinParams {
  /** Average number of removed visits (c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (L^max). */
  maxStringLength: number;
  /** Probability of a split string instead of a plain string. */
  splitRate: number;
  /** Chance of growing the kept part of a split string by one more visit. */
  splitDepth: number;
  /** Probability of skipping a position during insertion (β). */
  blinkRate: number;
}

export const DEFAULT_RUIN: RuinParams = {
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  splitDepth: 0.5,
  blinkRate: 0.01,
};

/**
 * Records what an iteration changes so a rejected move is undone in O(changes) instead of
 * copying the whole solution every iteration.
 */
export class UndoLog {
  routes = new Map<number, RouteState>();
  visits: number[] = [];
  visitRoutes: number[] = [];
  cost = 0;

  start(state: SearchState): void {
    this.routes.clear();
    this.visits.length = 0;
    this.visitRoutes.length = 0;
    this.cost = state.cost;
  }

  touchRoute(state: SearchState, r: number): void {
    if (!this.routes.has(r)) this.routes.set(r, state.routes[r] as RouteState);
  }

  touchVisit(state: SearchState, v: number): void {
    this.visits.push(v);
    this.visitRoutes.push(state.routeOf[v] as number);
  }

  undo(state: SearchState): void {
    for (const [r, route] of this.routes) state.routes[r] = route;
    for (let i = this.visits.length - 1; i >= 0; i--)
      state.routeOf[this.visits[i] as number] = this.visitRoutes[i] as number;
    state.cost = this.cost;
  }
}

function removeFromRoute(
  inst: Instance,
  state: SearchState,
  log: UndoLog,
  r: number,
  drop: Set<number>,
  removed: number[],
): void {
  const route = state.routes[r] as RouteState;
  const keep = route.stops.filter((v) => !drop.has(v));
  if (keep.length === route.stops.length) return;
  log.touchRoute(state, r);
  state.setRoute(inst, r, keep);
  for (const v of route.stops) {
    if (!drop.has(v)) continue;
    log.touchVisit(state, v);
    state.routeOf[v] = -1;
    state.cost += inst.penalty[v] as number;
    removed.push(v);
  }
  // A caller's matrix need not obey the triangle inequality, so a shorter route can be late.
  if (!(state.routes[r] as RouteState).feasible) {
    const movable = new Set(keep.filter((v) => (inst.fixedRoute[v] as number) < 0));
    if (movable.size > 0) removeFromRoute(inst, state, log, r, movable, removed);
  }
}

/**
 * Removes successors whose predecessor just left the plan: they may not stay without it.
 * Fixed successors go too; they can only come back to their own route.
 */
function cascade(inst: Instance, state: SearchState, log: UndoLog, removed: number[]): void {
  for (let i = 0; i < removed.length; i++) {
    for (const s of inst.succs[removed[i] as number] as Int32Array) {
      const r = state.routeOf[s] as number;
      if (r >= 0) removeFromRoute(inst, state, log, r, new Set([s]), removed);
    }
  }
}

/**
 * SISR ruin: around a random seed visit, cut strings (or split strings) out of the nearest
 * routes. Unassigned neighbours of the seed join the pool so they get another chance.
 */
export function ruin(
  inst: Instance,
  state: SearchState,
  log: UndoLog,
  rng: Rng,
  p: RuinParams,
  averageLength: number,
  seed: number,
): number[] {
  const removed: number[] = [];
  const lsMax = Math.max(1, Math.min(p.maxStringLength, averageLength));
  const ksMax = (4 * p.averageRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  const ruined = new Set<number>();
  const neighbors = inst.neighbors[seed] as Int32Array;
  let extraUnassigned = 0;
  for (let k = -1; k < neighbors.length && ruined.size < ks; k++) {
    const c = k < 0 ? seed : (neighbors[k] as number);
    const r = state.routeOf[c] as number;
    if (r < 0) {
      if (extraUnassigned < ks && (inst.eligibleRoutes[c] as Int32Array).length > 0 && !removed.includes(c)) {
        removed.push(c);
        extraUnassigned++;
      }
      continue;
    }
    if (ruined.has(r) || (inst.fixedRoute[c] as number) >= 0) continue;
    ruined.add(r);
    const stops = (state.routes[r] as RouteState).stops;
    const len = stops.length;
    const lt = Math.floor(rng.next() * Math.min(len, lsMax)) + 1;
    const pos = stops.indexOf(c);
    const drop = new Set<number>();
    if (lt < len && rng.next() < p.splitRate) {
      let m = 1;
      while (lt + m < len && rng.next() < p.splitDepth) m++;
      const span = lt + m;
      const first = Math.max(0, pos - span + 1) + rng.int(Math.min(pos, len - span) - Math.max(0, pos - span + 1) + 1);
      const keepAt = first + rng.int(lt + 1);
      for (let i = first; i < first + span; i++) if (i < keepAt || i >= keepAt + m) drop.add(stops[i] as number);
    } else {
      const lo = Math.max(0, pos - lt + 1);
      const first = lo + rng.int(Math.min(pos, len - lt) - lo + 1);
      for (let i = first; i < first + lt; i++) drop.add(stops[i] as number);
    }
    for (const v of drop) if ((inst.fixedRoute[v] as number) >= 0) drop.delete(v);
    removeFromRoute(inst, state, log, r, drop, removed);
  }
  cascade(inst, state, log, removed);
  return removed;
}

type Order = (a: number, b: number) => number;

function pickOrder(inst: Instance, rng: Rng): Order | null {
  const u = rng.next() * 13;
  const depotDist = (v: number): number =>
    inst.dist[(inst.routeStart[0] ?? 0) * inst.locations + (inst.loc[v] as number)] as number;
  if (u < 4) return null;
  if (u < 8) return (a, b) => (inst.demand[b] as number) - (inst.demand[a] as number);
  if (u < 10) return (a, b) => depotDist(b) - depotDist(a);
  if (u < 11) return (a, b) => depotDist(a) - depotDist(b);
  return (a, b) =>
    (inst.twEnd[a] as number) - (inst.twStart[a] as number) - ((inst.twEnd[b] as number) - (inst.twStart[b] as number));
}

/** SISR recreate: greedy insertion with blinks in one of a few randomly chosen orders. */
export function recreate(
  inst: Instance,
  state: SearchState,
  log: UndoLog | null,
  rng: Rng,
  pool: number[],
  blinkRate: number,
): void {
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  const order = pickOrder(inst, rng);
  // Predecessors first, so a survey is in place before its installation looks for a day.
  pool.sort(
    (a, b) =>
      (inst.level[a] as number) - (inst.level[b] as number) ||
      (inst.penalty[b] as number) - (inst.penalty[a] as number) ||
      (order ? order(a, b) : 0),
  );
  for (const v of pool) {
    const choice = bestInsertion(inst, state, v, blinkRate, rng);
    if (!choice) continue;
    if (log) {
      log.touchRoute(state, choice.route);
      log.touchVisit(state, v);
    }
    applyInsertion(inst, state, v, choice.route, choice.position);
  }
}
