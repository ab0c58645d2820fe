import type { SearchOptions } from '../model.ts';
import type { Instance } from './instance.ts';
import { DEFAULT_RUIN, recreate, ruin, UndoLog, type RuinParams } from './ruin-recreate.ts';
import { Rng } from './rng.ts';
import type { SearchState } from './state.ts';

export interface AnnealParams extends RuinParams {
  /** Start and final temperature as multiples of the average edge length of the start plan. */
  startTemperature: number;
  finalTemperature: number;
}

export const DEFAULT_ANNEAL: AnnealParams = { ...DEFAULT_RUIN, startTemperature: 3, finalTemperature: 0.01 };

export interface AnnealResult {
  best: SearchState;
  iterations: number;
  elapsedMs: number;
}

function averageRouteLength(state: SearchState): number {
  let used = 0;
  let stops = 0;
  for (const route of state.routes) {
    if (route.stops.length === 0) continue;
    used++;
    stops += route.stops.length;
  }
  return used === 0 ? 1 : stops / used;
}

function edgeScale(inst: Instance, state: SearchState): number {
  let distance = 0;
  let edges = 0;
  for (const route of state.routes) {
    if (route.stops.length === 0) continue;
    distance += route.distance;
    edges += route.stops.length + 1;
  }
  return edges === 0 || distance === 0 ? 1 : distance / edges;
}

/**
 * Ruin-and-recreate under simulated annealing (SISR). Modifies `current` in place and
 * returns the best state seen. Time, iteration count, `shouldStop` and `signal` all end it.
 */
export function anneal(
  inst: Instance,
  current: SearchState,
  options: SearchOptions,
  params: AnnealParams = DEFAULT_ANNEAL,
): AnnealResult {
  const rng = new Rng(options.seed ?? 1);
  const began = performance.now();
  const timeLimit = options.timeLimitMs ?? 10_000;
  const maxIterations = options.maxIterations ?? Infinity;
  const progressEvery = options.progressIntervalMs ?? 250;
  const scale = edgeScale(inst, current);
  const t0 = params.startTemperature * scale;
  const tf = params.finalTemperature * scale;
  const log = new UndoLog();
  let best = current.clone();
  let iteration = 0;
  let elapsed = 0;
  let lastProgress = 0;
  let averageLength = averageRouteLength(current);
  let temperature = t0;
  let waiting: number[] = [];
  const canImprove = inst.n > 0 && inst.eligibleRoutes.some((routes) => routes.length > 0);
  while (canImprove && iteration < maxIterations) {
    if ((iteration & 15) === 0) {
      elapsed = performance.now() - began;
      if (elapsed >= timeLimit) break;
      if ((iteration & 255) === 0) {
        if (options.shouldStop?.() || options.signal?.aborted) break;
        averageLength = averageRouteLength(current);
        waiting = placeableUnassigned(inst, current);
      }
      const fraction = Math.max(elapsed / timeLimit, maxIterations === Infinity ? 0 : iteration / maxIterations);
      temperature = t0 * Math.pow(tf / t0, Math.min(1, fraction));
      if (options.onProgress && elapsed - lastProgress >= progressEvery) {
        lastProgress = elapsed;
        options.onProgress({ iteration, elapsedMs: elapsed, bestCost: best.cost, unassigned: countUnassigned(best) });
      }
    }
    iteration++;
    log.start(current);
    // Half of the ruins start at a visit still waiting for a place, to make room around it.
    const waitingSeed = waiting.length > 0 && rng.next() < 0.5 ? (waiting[rng.int(waiting.length)] as number) : -1;
    const seed = waitingSeed >= 0 && current.routeOf[waitingSeed] === -1 ? waitingSeed : rng.int(inst.n);
    const pool = ruin(inst, current, log, rng, params, averageLength, seed);
    recreate(inst, current, log, rng, pool, params.blinkRate);
    if (current.cost < log.cost - temperature * Math.log(rng.next())) {
      if (current.cost < best.cost - 1e-9) best = current.clone();
    } else {
      log.undo(current);
    }
  }
  elapsed = performance.now() - began;
  options.onProgress?.({ iteration, elapsedMs: elapsed, bestCost: best.cost, unassigned: countUnassigned(best) });
  return { best, iterations: iteration, elapsedMs: elapsed };
}

function placeableUnassigned(inst: Instance, state: SearchState): number[] {
  const result: number[] = [];
  for (let v = 0; v < inst.n; v++)
    if (state.routeOf[v] === -1 && (inst.eligibleRoutes[v] as Int32Array).length > 0) result.push(v);
  return result;
}

function countUnassigned(state: SearchState): number {
  let count = 0;
  for (const r of state.routeOf) if (r < 0) count++;
  return count;
}
