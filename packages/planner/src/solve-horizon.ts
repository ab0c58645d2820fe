import type { Plan, Problem, SearchOptions } from './model.ts';
import { anneal, DEFAULT_ANNEAL, type AnnealParams } from './search/anneal.ts';
import { compileInstance, type Instance } from './search/instance.ts';
import { placePlan, readPlan, toPlan } from './search/plan-bridge.ts';
import { recreate } from './search/ruin-recreate.ts';
import { Rng } from './search/rng.ts';
import { SearchState } from './search/state.ts';
import { validateProblem, validateSearchOptions } from './validate-problem.ts';

export interface SolveOptions extends SearchOptions {
  /** A plan to start from; its fixed visits keep their team and day. */
  initialPlan?: Plan;
  /** Search tuning, for benchmarks; the defaults follow the SISR paper. */
  params?: Partial<AnnealParams>;
}

export interface SolveResult {
  plan: Plan;
  iterations: number;
  elapsedMs: number;
}

/** Greedy start: every free visit, most constrained and most important first. */
export function construct(inst: Instance, state: SearchState, seed: number): void {
  const pool: number[] = [];
  for (let v = 0; v < inst.n; v++)
    if ((state.routeOf[v] as number) < 0 && (inst.eligibleRoutes[v] as Int32Array).length > 0) pool.push(v);
  recreate(inst, state, null, new Rng(seed ^ 0x5bd1e995), pool, 0);
}

/**
 * Mode (a): plans a whole horizon. Assigns as many visits as possible (by priority), then
 * minimises travel, then balances the team-days, within the time budget.
 *
 * @example
 * const { plan } = solveHorizon(problem, { timeLimitMs: 5_000, seed: 7 });
 * for (const route of plan.routes) console.log(route.teamId, route.day, route.stops.map((s) => s.visitId));
 * console.log(plan.unassigned); // [{ visitId, reason: 'no-team-with-skills' }, ...]
 */
export function solveHorizon(problem: Problem, options: SolveOptions = {}): SolveResult {
  const began = performance.now();
  validateSearchOptions(options);
  const matrix = validateProblem(problem);
  const fixedRoute = new Map<number, number>();
  let assignment: Map<number, { route: number; order: number }> | null = null;
  if (options.initialPlan) {
    // A light compile to map the plan's team-days to routes before the real one.
    assignment = readPlan(
      compileInstance(problem, matrix, { neighborCount: 0, eligibilityFor: [] }),
      options.initialPlan,
    );
    for (const [v, { route }] of assignment) if (problem.visits[v]?.fixed && route >= 0) fixedRoute.set(v, route);
  }
  const inst = compileInstance(problem, matrix, { fixedRoute });
  const state = new SearchState(inst);
  if (assignment) placePlan(inst, state, assignment, true);
  construct(inst, state, options.seed ?? 1);
  const result = anneal(inst, state, remainingBudget(options, began), { ...DEFAULT_ANNEAL, ...options.params });
  result.best.recomputeCost(inst);
  return { plan: toPlan(inst, result.best), iterations: result.iterations, elapsedMs: performance.now() - began };
}

/** The search gets what validation, compilation and construction left of the time budget. */
export function remainingBudget<T extends SearchOptions>(options: T, began: number, fallbackMs = 10_000): T {
  const budget = options.timeLimitMs ?? fallbackMs;
  return { ...options, timeLimitMs: Math.max(0, budget - (performance.now() - began)) };
}
