import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.ts';
import type { Problem } from './model.ts';
import { repairPlan } from './repair-plan.ts';
import { solveHorizon } from './solve-horizon.ts';
import { planeProblem } from './test-support/tiny-problems.ts';

function problem(): Problem {
  const points = Array.from({ length: 12 }, (_, i) => ({ x: 10 * Math.cos(i), y: 10 * Math.sin(i) }));
  const p = planeProblem(
    points,
    points.map((_, i) => ({ id: `v${i}`, duration: 30, fixed: i % 3 === 0 })),
    [{ maxVisitsPerDay: 3 }, { maxVisitsPerDay: 3 }, { maxVisitsPerDay: 3 }],
    ['d1', 'd2'],
  );
  return p;
}

describe('repairPlan', () => {
  it('re-plans the visits of an ill team-day and leaves the rest where they were', () => {
    const before = problem();
    const { plan } = solveHorizon(before, { maxIterations: 1000 });
    expect(plan.unassigned).toEqual([]);
    const ill = plan.routes.find((r) => r.teamId === 't1' && r.stops.length > 0)!;
    const after: Problem = {
      ...before,
      teams: before.teams.map((t) => (t.id === 't1' ? { ...t, shifts: t.shifts.filter((s) => s.day !== ill.day) } : t)),
    };
    const { plan: repaired, moved } = repairPlan(after, plan, { maxIterations: 500 });
    expect(checkPlan(after, repaired, { reference: plan }).violations).toEqual([]);
    expect(repaired.unassigned).toEqual([]);
    const displaced = ill.stops.map((s) => s.visitId).sort();
    expect([...moved].sort()).toEqual(displaced);
  });

  it('returns the plan unchanged when nothing changed', () => {
    const p = problem();
    const { plan } = solveHorizon(p, { maxIterations: 500 });
    const { plan: repaired, moved } = repairPlan(p, plan, { maxIterations: 200 });
    expect(moved).toEqual([]);
    expect(repaired.cost.distance).toBeLessThanOrEqual(plan.cost.distance + 1e-9);
  });
});
