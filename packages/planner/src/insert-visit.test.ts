import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.ts';
import { insertVisit } from './insert-visit.ts';
import type { Plan, Problem } from './model.ts';
import { PlannerInputError } from './planner-error.ts';
import { solveHorizon } from './solve-horizon.ts';
import { planeProblem } from './test-support/tiny-problems.ts';

function teamDays(plan: Plan): Map<string, string> {
  return new Map(
    plan.routes.flatMap((r) =>
      r.stops.map((s) => [s.visitId, `${r.teamId}|${r.day}|${r.stops.map((x) => x.visitId).join(',')}`]),
    ),
  );
}

const problem: Problem = planeProblem(
  [
    { x: 10, y: 0 },
    { x: 20, y: 0 },
    { x: 0, y: 30 },
    { x: 15, y: 1 },
    { x: 1, y: 1 },
  ],
  [
    { id: 'a', duration: 10, window: { start: 0, end: 200 } },
    { id: 'b', duration: 10, window: { start: 0, end: 200 } },
    { id: 'c', duration: 10, window: { start: 0, end: 200 } },
  ],
  [{ skills: ['install'] }, { skills: [] }],
  ['d1', 'd2'],
);

describe('insertVisit', () => {
  const { plan } = solveHorizon(problem, { maxIterations: 300 });

  it('ranks the cheapest places without moving planned visits', () => {
    const withNew: Problem = { ...problem, visits: [...problem.visits, { id: 'new', location: 4, duration: 10 }] };
    const result = insertVisit(withNew, plan, 'new', { maxOptions: 3 });
    expect(result.options.length).toBe(3);
    const costs = result.options.map((o) => o.addedCost);
    expect([...costs].sort((x, y) => x - y)).toEqual(costs);
    const best = result.options[0]!;
    expect(best.addedDistance).toBeLessThan(0.5);
    const after = result.apply(best);
    expect(checkPlan(withNew, after, { reference: plan }).violations).toEqual([]);
    for (const [visit, where] of teamDays(plan))
      expect(teamDays(after).get(visit)?.startsWith(where.split('|').slice(0, 2).join('|'))).toBe(true);
    expect(after.unassigned).toEqual([]);
  });

  it('respects the window it is given and names the reason when nothing fits', () => {
    const tight: Problem = {
      ...problem,
      visits: [...problem.visits, { id: 'new', location: 5, duration: 10, window: { start: 1, end: 1 } }],
    };
    const result = insertVisit(tight, plan, 'new');
    for (const option of result.options) expect(option.start).toBe(1);
    const skilled: Problem = {
      ...problem,
      visits: [...problem.visits, { id: 'new', location: 5, duration: 10, skills: ['welding'] }],
    };
    expect(insertVisit(skilled, plan, 'new')).toMatchObject({ options: [], reason: 'no-team-with-skills' });
  });

  it('offers options per time block, inside the block', () => {
    const withNew: Problem = { ...problem, visits: [...problem.visits, { id: 'new', location: 4, duration: 10 }] };
    const blocks = [
      { id: 'early', window: { start: 0, end: 40 } },
      { id: 'late', window: { start: 150, end: 180 } },
    ];
    const { options, apply } = insertVisit(withNew, plan, 'new', { maxOptions: 20, blocks });
    expect(new Set(options.map((o) => o.block))).toEqual(new Set(['early', 'late']));
    for (const option of options) {
      const block = blocks.find((b) => b.id === option.block)!;
      expect(option.start).toBeGreaterThanOrEqual(block.window.start);
      expect(option.start).toBeLessThanOrEqual(block.window.end);
      const after = apply(option);
      const stop = after.routes.flatMap((r) => r.stops).find((s) => s.visitId === 'new')!;
      expect(stop.start).toBeCloseTo(option.start, 9);
      expect(checkPlan(withNew, after).violations).toEqual([]);
    }
  });

  it('rejects an unknown visit or one that is already planned', () => {
    expect(() => insertVisit(problem, plan, 'zzz')).toThrow(PlannerInputError);
    expect(() => insertVisit(problem, plan, 'a')).toThrow(/already planned/);
    const shorter: Problem = {
      ...problem,
      teams: problem.teams.map((t) => ({ ...t, shifts: t.shifts.map((s) => ({ ...s, end: 1 })) })),
    };
    const withNew: Problem = { ...shorter, visits: [...shorter.visits, { id: 'new', location: 4, duration: 10 }] };
    expect(() => insertVisit(withNew, plan, 'new')).toThrow(/repair the plan first/);
  });
});
