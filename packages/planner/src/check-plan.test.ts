import { describe, expect, it } from 'vitest';
import { checkPlan, type ViolationKind } from './check-plan.ts';
import type { Plan, Problem } from './model.ts';
import { planeProblem } from './test-support/tiny-problems.ts';

// Depot at 0,0; a at (10,0), b at (20,0), c at (0,10). Travel = distance.
const problem: Problem = planeProblem(
  [
    { x: 10, y: 0 },
    { x: 20, y: 0 },
    { x: 0, y: 10 },
  ],
  [
    { id: 'a', duration: 5, window: { start: 0, end: 100 }, skills: ['install'], demand: 1 },
    { id: 'b', duration: 5, window: { start: 20, end: 100 }, demand: 1 },
    { id: 'c', duration: 5, window: { start: 0, end: 100 } },
  ],
  [{ skills: ['install'], capacity: 2, maxVisitsPerDay: 2 }, { skills: [] }],
  ['d1', 'd2'],
);

function validPlan(): Plan {
  return {
    routes: [
      {
        teamId: 't1',
        day: 'd1',
        departure: 0,
        arrival: 55,
        distance: 40,
        stops: [
          { visitId: 'a', start: 10, end: 15 },
          { visitId: 'b', start: 25, end: 30 },
        ],
      },
      {
        teamId: 't2',
        day: 'd2',
        departure: 0,
        arrival: 25,
        distance: 20,
        stops: [{ visitId: 'c', start: 10, end: 15 }],
      },
    ],
    unassigned: [],
    cost: { total: 60, distance: 60, unassignedPriority: 0, bundling: 0, balance: 0, moves: 0 },
  };
}

function kinds(p: Problem, plan: Plan, reference?: Plan): ViolationKind[] {
  return checkPlan(p, plan, reference ? { reference } : {}).violations.map((v) => v.kind);
}

describe('checkPlan', () => {
  it('accepts a valid plan and recomputes its distance', () => {
    const result = checkPlan(problem, validPlan());
    expect(result.violations).toEqual([]);
    expect(result.distance).toBeCloseTo(60);
  });

  const cases: [ViolationKind, (plan: Plan, p: Problem) => Problem | void][] = [
    ['unknown-visit', (plan) => void plan.unassigned.push({ visitId: 'zz', reason: 'no-capacity-in-window' })],
    ['unknown-team', (plan) => void (plan.routes[1]!.teamId = 'nobody')],
    [
      'unknown-day',
      (plan, p) => {
        plan.routes[1]!.day = 'd9';
        return {
          ...p,
          teams: p.teams.map((t) => ({ ...t, shifts: [...t.shifts, { day: 'd9', start: 0, end: 100 }] })),
        };
      },
    ],
    ['duplicate-route', (plan) => void ((plan.routes[1]!.teamId = 't1'), (plan.routes[1]!.day = 'd1'))],
    ['duplicate-visit', (plan) => void plan.unassigned.push({ visitId: 'a', reason: 'no-capacity-in-window' })],
    ['missing-visit', (plan) => void plan.routes.pop()],
    ['no-shift', (_plan, p) => ({ ...p, teams: p.teams.map((t) => (t.id === 't2' ? { ...t, shifts: [] } : t)) })],
    ['missing-skill', (plan) => void (plan.routes[0]!.teamId = 't2')],
    [
      'outside-region',
      (_plan, p) => ({
        ...p,
        regions: [{ id: 'r', pc2: ['38'] }],
        teams: p.teams.map((t) => ({ ...t, regions: ['r'] })),
        visits: p.visits.map((v) => ({ ...v, pc2: v.id === 'c' ? '10' : '38' })),
      }),
    ],
    [
      'day-not-allowed',
      (_plan, p) => ({ ...p, visits: p.visits.map((v) => (v.id === 'c' ? { ...v, days: ['d1'] } : v)) }),
    ],
    [
      'pin-violated',
      (_plan, p) => ({ ...p, visits: p.visits.map((v) => (v.id === 'c' ? { ...v, pin: { team: 't1' } } : v)) }),
    ],
    [
      'before-shift',
      (_plan, p) => ({
        ...p,
        teams: p.teams.map((t) => ({ ...t, shifts: t.shifts.map((s) => ({ ...s, start: 5 })) })),
      }),
    ],
    [
      'after-shift',
      (_plan, p) => ({ ...p, teams: p.teams.map((t) => ({ ...t, shifts: t.shifts.map((s) => ({ ...s, end: 40 })) })) }),
    ],
    ['travel-time', (plan) => void ((plan.routes[0]!.stops[1]!.start = 16), (plan.routes[0]!.stops[1]!.end = 21))],
    [
      'before-window',
      (_plan, p) => ({
        ...p,
        visits: p.visits.map((v) => (v.id === 'b' ? { ...v, window: { start: 26, end: 100 } } : v)),
      }),
    ],
    [
      'after-window',
      (_plan, p) => ({
        ...p,
        visits: p.visits.map((v) => (v.id === 'b' ? { ...v, window: { start: 0, end: 24 } } : v)),
      }),
    ],
    ['wrong-duration', (plan) => void (plan.routes[1]!.stops[0]!.end = 12)],
    ['max-visits', (_plan, p) => ({ ...p, teams: p.teams.map((t) => ({ ...t, maxVisitsPerDay: 1 })) })],
    ['over-capacity', (_plan, p) => ({ ...p, teams: p.teams.map((t) => ({ ...t, capacity: 1 })) })],
    ['precedence', (_plan, p) => ({ ...p, visits: p.visits.map((v) => (v.id === 'a' ? { ...v, after: ['c'] } : v)) })],
    [
      'same-day',
      (plan, p) => {
        plan.routes[1]!.day = 'd1';
        return { ...p, visits: p.visits.map((v) => (v.id === 'a' ? { ...v, differentDayFrom: ['c'] } : v)) };
      },
    ],
  ];

  it.each(cases)('detects %s', (kind, mutate) => {
    const plan = validPlan();
    const p = mutate(plan, problem) ?? problem;
    expect(kinds(p, plan)).toContain(kind);
  });

  it('detects a fixed visit that left its team-day', () => {
    const p = { ...problem, visits: problem.visits.map((v) => (v.id === 'c' ? { ...v, fixed: true } : v)) };
    const moved = validPlan();
    moved.routes[1]!.day = 'd1';
    expect(kinds(p, moved, validPlan())).toContain('fixed-moved');
    expect(kinds(p, validPlan(), validPlan())).toEqual([]);
    const dropped = validPlan();
    dropped.routes.pop();
    dropped.unassigned.push({ visitId: 'c', reason: 'no-capacity-in-window' });
    expect(kinds(p, dropped, validPlan())).toEqual([]);
  });
});
