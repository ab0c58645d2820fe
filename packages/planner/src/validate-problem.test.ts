import { describe, expect, it } from 'vitest';
import type { Problem } from './model.ts';
import { PlannerInputError, type PlannerErrorCode } from './planner-error.ts';
import { solveHorizon } from './solve-horizon.ts';
import { planeProblem } from './test-support/tiny-problems.ts';
import { validateProblem } from './validate-problem.ts';

const base = (): Problem =>
  planeProblem(
    [
      { x: 3, y: 4 },
      { x: 6, y: 8 },
    ],
    [
      { id: 'a', duration: 5, skills: ['install'] },
      { id: 'b', duration: 5, window: { start: 0, end: 50 } },
    ],
    [{ skills: ['install'] }],
  );

function expectError(problem: Problem, code: PlannerErrorCode, field: string): void {
  try {
    validateProblem(problem);
  } catch (error) {
    expect(error).toBeInstanceOf(PlannerInputError);
    expect((error as PlannerInputError).code).toBe(code);
    expect((error as PlannerInputError).field).toBe(field);
    return;
  }
  throw new Error(`expected ${code} at ${field}`);
}

describe('validateProblem', () => {
  it('accepts a well-formed problem', () => {
    expect(validateProblem(base()).size).toBe(3);
  });

  it('rejects a matrix of the wrong size', () => {
    const p = base();
    expectError(
      { ...p, matrix: { size: 3, distances: [0, 1, 2], durations: [0, 1, 2] } },
      'matrix-size',
      'matrix.durations',
    );
    expectError({ ...p, locations: [{ lat: 52, lon: 5 }] }, 'matrix-size', 'matrix.size');
  });

  it('rejects negative or non-finite values', () => {
    const p = base();
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, duration: v.id === 'b' ? -5 : 5 })) },
      'negative-value',
      'visits[1].duration',
    );
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, duration: NaN })) },
      'invalid-number',
      'visits[0].duration',
    );
    const durations = Array.from({ length: 9 }, () => 1);
    durations[5] = -1;
    expectError(
      { ...p, matrix: { size: 3, durations, distances: durations.map(Math.abs) } },
      'negative-value',
      'matrix.durations[1][2]',
    );
  });

  it('rejects a window that ends before it starts', () => {
    const p = base();
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, window: { start: 60, end: 50 } })) },
      'window-ends-before-start',
      'visits[0].window',
    );
    expectError(
      { ...p, teams: p.teams.map((t) => ({ ...t, shifts: [{ day: 'd1', start: 10, end: 0 }] })) },
      'window-ends-before-start',
      'teams[0].shifts[0]',
    );
  });

  it('rejects unknown references, duplicates, cycles and missing travel data', () => {
    const p = base();
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, after: ['nope'] })) },
      'unknown-reference',
      'visits[0].after[0]',
    );
    expectError({ ...p, visits: [p.visits[0]!, { ...p.visits[1]!, id: 'a' }] }, 'duplicate-id', 'visits[1].id');
    expectError(
      {
        ...p,
        visits: [
          { ...p.visits[0]!, after: ['b'] },
          { ...p.visits[1]!, after: ['a'] },
        ],
      },
      'precedence-cycle',
      'visits[0].after',
    );
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, location: 7 })) },
      'location-out-of-range',
      'visits[0].location',
    );
    expectError(
      { ...p, visits: p.visits.map((v) => ({ ...v, pin: { day: 'someday' } })) },
      'unknown-day',
      'visits[0].pin.day',
    );
    const { matrix: _matrix, ...withoutTravel } = p;
    expectError(withoutTravel, 'missing-travel', 'matrix');
  });

  it('refuses search options that could never stop', () => {
    const p = base();
    expect(() => solveHorizon(p, { timeLimitMs: NaN })).toThrow(
      expect.objectContaining({ code: 'invalid-number', field: 'options.timeLimitMs' }),
    );
    expect(() => solveHorizon(p, { timeLimitMs: Infinity })).toThrow(PlannerInputError);
    expect(() => solveHorizon(p, { maxIterations: -1 })).toThrow(
      expect.objectContaining({ field: 'options.maxIterations' }),
    );
    expect(solveHorizon(p, { timeLimitMs: Infinity, maxIterations: 10 }).iterations).toBe(10);
  });

  it('handles an empty problem and a problem without teams', () => {
    const empty: Problem = { days: [], teams: [], visits: [], matrix: { size: 0, distances: [], durations: [] } };
    expect(solveHorizon(empty, { timeLimitMs: 50 }).plan).toMatchObject({ routes: [], unassigned: [] });
    const noTeams: Problem = {
      days: ['d'],
      teams: [],
      visits: [{ id: 'a', location: 0, duration: 1 }],
      locations: [{ lat: 52, lon: 5 }],
    };
    const result = solveHorizon(noTeams, { timeLimitMs: 50 });
    expect(result.plan.unassigned).toEqual([{ visitId: 'a', reason: 'no-team-with-skills' }]);
    expect(result.iterations).toBe(0);
  });

  it('survives a very long chain of precedence links', () => {
    const p = base();
    const chain = Array.from({ length: 8_000 }, (_, i) => ({
      id: `c${i}`,
      location: 1,
      duration: 1,
      after: i > 0 ? [`c${i - 1}`] : undefined,
    }));
    const { plan } = solveHorizon({ ...p, visits: chain }, { maxIterations: 5 });
    expect(plan.routes.flatMap((r) => r.stops.map((s) => s.visitId))).toEqual(['c0']);
    expect(plan.unassigned[0]).toEqual({ visitId: 'c1', reason: 'no-capacity-in-window' });
  });

  it('reports a visit no team can do as unassigned with a reason instead of failing', () => {
    const p = base();
    p.visits.push({ id: 'c', location: 1, duration: 5, skills: ['welding'] });
    p.visits.push({ id: 'd', location: 2, duration: 5000 });
    p.visits.push({ id: 'e', location: 2, duration: 5, demand: 10 });
    p.teams[0]!.capacity = 5;
    const { plan } = solveHorizon(p, { maxIterations: 50 });
    expect(plan.unassigned).toEqual(
      expect.arrayContaining([
        { visitId: 'c', reason: 'no-team-with-skills' },
        { visitId: 'd', reason: 'window-unreachable' },
        { visitId: 'e', reason: 'over-capacity' },
      ]),
    );
    expect(plan.routes.flatMap((r) => r.stops.map((s) => s.visitId)).sort()).toEqual(['a', 'b']);
  });
});
