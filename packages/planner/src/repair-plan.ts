import type { Plan, Problem, SearchOptions } from './model.ts';
import { anneal, DEFAULT_ANNEAL } from './search/anneal.ts';
import { compileInstance } from './search/instance.ts';
import { placePlan, readPlan, toPlan } from './search/plan-bridge.ts';
import { SearchState } from './search/state.ts';
import { construct, remainingBudget } from './solve-horizon.ts';
import { validateProblem, validateSearchOptions } from './validate-problem.ts';

export interface RepairResult {
  plan: Plan;
  /** Visits whose team or day changed, or that dropped out of the plan. */
  moved: string[];
}

/**
 * Mode (c): mends a plan after the problem changed (a team is ill on a day: remove that
 * shift; a window moved; a visit was added). Visits stay on their team-day unless they no
 * longer fit; each move costs `objective.move`, so the search moves as few as it can while
 * still planning as many visits as possible. A fixed visit never moves to another team-day
 * unless its own is gone (the ill team's day); if its team-day can no longer hold it, it
 * comes back unassigned with a reason. Default time budget 1 s.
 *
 * @example
 * const ill = { ...problem, teams: problem.teams.map((t) => t.id === 'T3'
 *   ? { ...t, shifts: t.shifts.filter((s) => s.day !== '2026-11-24') } : t) };
 * const { plan: repaired, moved } = repairPlan(ill, plan);
 */
export function repairPlan(problem: Problem, plan: Plan, options: SearchOptions = {}): RepairResult {
  const began = performance.now();
  validateSearchOptions(options);
  const matrix = validateProblem(problem);
  const probe = compileInstance(problem, matrix, { neighborCount: 0, eligibilityFor: [] });
  const assignment = readPlan(probe, plan);
  const homeRoute = new Map<number, number>();
  const fixedRoute = new Map<number, number>();
  for (const [v, { route }] of assignment) {
    homeRoute.set(v, route);
    if (route >= 0 && problem.visits[v]?.fixed) fixedRoute.set(v, route);
  }
  const inst = compileInstance(problem, matrix, { homeRoute, fixedRoute });
  const state = new SearchState(inst);
  placePlan(inst, state, assignment, true);
  construct(inst, state, options.seed ?? 1);
  const { best } = anneal(inst, state, remainingBudget(options, began, 1000), DEFAULT_ANNEAL);
  best.recomputeCost(inst);
  const moved: string[] = [];
  for (const [v, { route }] of assignment) {
    if (best.routeOf[v] !== route) moved.push((problem.visits[v] as { id: string }).id);
  }
  return { plan: toPlan(inst, best), moved };
}
