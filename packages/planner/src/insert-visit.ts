import type { Plan, Problem, TimeWindow, UnassignedReason } from './model.ts';
import { PlannerInputError } from './planner-error.ts';
import { compileInstance, type Instance } from './search/instance.ts';
import { applyInsertion, bestPositionInRoute, found, linksAllow } from './search/insertion.ts';
import { placePlan, readPlan, toPlan } from './search/plan-bridge.ts';
import { SearchState } from './search/state.ts';
import { validateProblem } from './validate-problem.ts';

/** One way to fit the new visit in without touching anything else. */
export interface InsertionOption {
  teamId: string;
  day: string;
  /** The time block (from `InsertOptions.blocks`) this option falls in, if blocks were given. */
  block?: string;
  /** Index in the team-day's stops at which the visit goes. */
  position: number;
  /** Earliest service start there, minutes since midnight. */
  start: number;
  /** Objective increase (travel + bundling + balance). */
  addedCost: number;
  addedDistance: number;
}

export interface InsertResult {
  /** Cheapest first, at most one per team-day. Empty if the visit fits nowhere. */
  options: InsertionOption[];
  /** Why there is no option. */
  reason?: UnassignedReason;
  /** The plan with the visit inserted as `option` says; other visits keep team, day and order. */
  apply(option: InsertionOption): Plan;
}

/** A named part of the day a customer can choose, e.g. morning 08:00-12:00. */
export interface TimeBlock {
  id: string;
  /** Service-start window of the block; intersected with the visit's own window. */
  window: TimeWindow;
}

export interface InsertOptions {
  /** How many options to return. Default 5. */
  maxOptions?: number;
  /** Evaluate each block separately, so options name the block (availability per day-part). */
  blocks?: TimeBlock[];
}

/**
 * Mode (b): the best few places for one new visit in an existing plan, moving nothing
 * that is already planned. Fast enough for customer self-scheduling: it evaluates only the
 * new visit's eligible team-days, each in O(stops). Throws `plan-mismatch` if the given
 * plan no longer holds for the problem (use {@link repairPlan} first).
 *
 * @example
 * const problemWithNew = { ...problem, visits: [...problem.visits, newVisit] };
 * const blocks = [{ id: 'morning', window: { start: 480, end: 600 } }, { id: 'afternoon', window: { start: 720, end: 840 } }];
 * const { options, apply } = insertVisit(problemWithNew, plan, newVisit.id, { maxOptions: 3, blocks });
 * // options[0]: { teamId: 'T4', day: '2026-11-24', block: 'morning', start: 512, addedCost: 18.2, ... }
 * if (options[0]) plan = apply(options[0]);
 */
export function insertVisit(problem: Problem, plan: Plan, visitId: string, options: InsertOptions = {}): InsertResult {
  const matrix = validateProblem(problem);
  const v = problem.visits.findIndex((visit) => visit.id === visitId);
  if (v < 0) throw new PlannerInputError('unknown-reference', 'visitId', `visit "${visitId}" is not in the problem`);
  const inst = compileInstance(problem, matrix, { neighborCount: 0, eligibilityFor: [v] });
  const assignment = readPlan(inst, plan);
  if (assignment.has(v))
    throw new PlannerInputError('plan-mismatch', 'visitId', `visit "${visitId}" is already planned`);
  const state = new SearchState(inst);
  const displaced = placePlan(inst, state, assignment, false);
  if (displaced.length > 0) {
    // Inserting promises that nothing else moves, so a plan that no longer holds is refused.
    const id = (problem.visits[displaced[0] as number] as { id: string }).id;
    throw new PlannerInputError(
      'plan-mismatch',
      'plan',
      `visit "${id}" no longer fits its team-day; repair the plan first`,
    );
  }
  const ownStart = inst.twStart[v] as number;
  const ownEnd = inst.twEnd[v] as number;
  // The block narrows the visit's window while it is evaluated; the plan keeps the original.
  const narrow = (block: TimeBlock | undefined): boolean => {
    inst.twStart[v] = Math.max(ownStart, block?.window.start ?? -Infinity);
    inst.twEnd[v] = Math.min(ownEnd, block?.window.end ?? Infinity);
    return inst.twStart[v] <= inst.twEnd[v];
  };
  const blocks = options.blocks ?? [undefined];
  const found = blocks.flatMap((block) => (narrow(block) ? rankOptions(inst, state, v, block?.id) : []));
  found.sort((a, b) => a.addedCost - b.addedCost || a.day.localeCompare(b.day) || a.teamId.localeCompare(b.teamId));
  const result: InsertResult = {
    options: found.slice(0, options.maxOptions ?? 5),
    apply(option) {
      const r = routeOfOption(inst, option);
      narrow(options.blocks?.find((b) => b.id === option.block));
      const copy = state.clone();
      applyInsertion(inst, copy, v, r, option.position);
      return toPlan(inst, copy);
    },
  };
  if (found.length === 0) result.reason = noOptionReason(inst, state, v);
  return result;
}

function rankOptions(inst: Instance, state: SearchState, v: number, block: string | undefined): InsertionOption[] {
  const result: InsertionOption[] = [];
  const { loc, time, locations: L } = inst;
  for (const r of inst.eligibleRoutes[v] as Int32Array) {
    if (!linksAllow(inst, state, v, inst.routeDay[r] as number)) continue;
    const route = state.routes[r];
    if (!route || !bestPositionInRoute(inst, route, r, v, 0, null)) continue;
    const p = found.position;
    const prev = p === 0 ? -1 : (route.stops[p - 1] as number);
    const prevLoc = prev < 0 ? (inst.routeStart[r] as number) : (loc[prev] as number);
    const depart =
      prev < 0 ? (inst.shiftStart[r] as number) : (route.early[p - 1] as number) + (inst.service[prev] as number);
    const start = Math.max(depart + (time[prevLoc * L + (loc[v] as number)] as number), inst.twStart[v] as number);
    const next = p === route.stops.length ? (inst.routeEnd[r] as number) : (loc[route.stops[p] as number] as number);
    const addedDistance =
      route.stops.length === 0
        ? (inst.dist[prevLoc * L + (loc[v] as number)] as number) + (inst.dist[(loc[v] as number) * L + next] as number)
        : (inst.dist[prevLoc * L + (loc[v] as number)] as number) +
          (inst.dist[(loc[v] as number) * L + next] as number) -
          (inst.dist[prevLoc * L + next] as number);
    const option: InsertionOption = {
      teamId: (inst.problem.teams[inst.routeTeam[r] as number] as { id: string }).id,
      day: inst.problem.days[inst.routeDay[r] as number] as string,
      position: p,
      start,
      addedCost: found.delta,
      addedDistance,
    };
    if (block !== undefined) option.block = block;
    result.push(option);
  }
  return result;
}

function routeOfOption(inst: Instance, option: InsertionOption): number {
  for (let r = 0; r < inst.routeCount; r++) {
    if (
      inst.problem.teams[inst.routeTeam[r] as number]?.id === option.teamId &&
      inst.problem.days[inst.routeDay[r] as number] === option.day
    )
      return r;
  }
  throw new PlannerInputError('plan-mismatch', 'option', `team ${option.teamId} does not work on ${option.day}`);
}

function noOptionReason(inst: Instance, state: SearchState, v: number): UnassignedReason {
  const fixed = inst.staticReason[v];
  if (fixed) return fixed;
  for (const p of inst.preds[v] as Int32Array) if ((state.routeOf[p] as number) < 0) return 'predecessor-unassigned';
  return 'no-capacity-in-window';
}
