import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.ts';
import { insertVisit } from './insert-visit.ts';
import type { Plan, Problem, Team, Visit } from './model.ts';
import { repairPlan } from './repair-plan.ts';
import { solveHorizon } from './solve-horizon.ts';
import { euclideanMatrix } from './travel.ts';

const DAYS = ['d1', 'd2', 'd3'];
const SKILLS = ['install', 'three-phase', 'survey'];

const window = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 200 }))
  .map(([start, length]) => ({ start, end: start + length }));

const teamArb = fc.record({
  skills: fc.subarray(SKILLS),
  regions: fc.option(fc.subarray(['north', 'south'], { minLength: 1 }), { nil: undefined }),
  days: fc.subarray(DAYS, { minLength: 1 }),
  shift: window,
  maxVisitsPerDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  capacity: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

const visitArb = fc.record({
  x: fc.integer({ min: 0, max: 60 }),
  y: fc.integer({ min: 0, max: 60 }),
  duration: fc.integer({ min: 0, max: 60 }),
  skills: fc.subarray(SKILLS, { maxLength: 2 }),
  window: fc.option(window, { nil: undefined }),
  days: fc.option(fc.subarray(DAYS, { minLength: 1 }), { nil: undefined }),
  priority: fc.integer({ min: 0, max: 3 }),
  demand: fc.integer({ min: 0, max: 3 }),
  pc2: fc.constantFrom('10', '50', '90'),
  after: fc.option(fc.nat(), { nil: undefined }),
  apart: fc.option(fc.nat(), { nil: undefined }),
  pinTeam: fc.option(fc.nat(), { nil: undefined }),
  fixed: fc.boolean(),
});

const problemArb = fc
  .record({
    teams: fc.array(teamArb, { minLength: 1, maxLength: 4 }),
    visits: fc.array(visitArb, { minLength: 1, maxLength: 14 }),
  })
  .map(({ teams, visits }): Problem => {
    const points = [{ x: 30, y: 30 }, ...visits.map((v) => ({ x: v.x, y: v.y }))];
    const teamList: Team[] = teams.map((t, i) => ({
      id: `t${i}`,
      start: 0,
      end: 0,
      skills: t.skills,
      regions: t.regions,
      maxVisitsPerDay: t.maxVisitsPerDay,
      capacity: t.capacity,
      shifts: t.days.map((day) => ({ day, start: t.shift.start, end: t.shift.end + 200 })),
    }));
    const visitList: Visit[] = visits.map((v, i) => ({
      id: `v${i}`,
      location: i + 1,
      duration: v.duration,
      skills: v.skills,
      window: v.window,
      days: v.days,
      priority: v.priority,
      demand: v.demand,
      pc2: v.pc2,
      fixed: v.fixed,
      // Links point only backwards, so there are no cycles.
      after: v.after !== undefined && i > 0 ? [`v${v.after % i}`] : undefined,
      differentDayFrom: v.apart !== undefined && i > 0 ? [`v${v.apart % i}`] : undefined,
      pin: v.pinTeam !== undefined && v.pinTeam % 3 === 0 ? { team: `t${v.pinTeam % teams.length}` } : undefined,
    }));
    return {
      days: DAYS,
      teams: teamList,
      visits: visitList,
      matrix: euclideanMatrix(points),
      regions: [
        { id: 'north', pc2: ['90', '50'] },
        { id: 'south', pc2: ['10', '50'] },
      ],
    };
  });

function placement(plan: Plan): Map<string, string> {
  return new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.visitId, `${r.teamId}|${r.day}`])));
}

describe('plan properties', () => {
  it('every plan passes the independent checker', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const { plan } = solveHorizon(problem, { maxIterations: 150, seed });
        expect(checkPlan(problem, plan).violations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('plans stay feasible on travel matrices that break the triangle inequality', () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 256, maxLength: 256 }),
        (problem, noise) => {
          const size = problem.matrix!.size;
          // Asymmetric, non-metric times: removing a stop can make the rest of a route later.
          const durations = Array.from({ length: size * size }, (_, i) =>
            i % (size + 1) === 0 ? 0 : noise[i % noise.length]!,
          );
          const skewed: Problem = { ...problem, matrix: { size, durations, distances: durations.map((d) => d * 2) } };
          const { plan } = solveHorizon(skewed, { maxIterations: 200 });
          expect(checkPlan(skewed, plan).violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('insertion never moves a planned visit and every option is feasible', () => {
    fc.assert(
      fc.property(problemArb, visitArb, (problem, extra) => {
        const points = problem.visits.length + 1;
        const withNew: Problem = {
          ...problem,
          matrix: euclideanMatrix([
            { x: 30, y: 30 },
            ...problem.visits.map((_, i) => ({ x: (i * 7) % 60, y: (i * 13) % 60 })),
            { x: extra.x, y: extra.y },
          ]),
          visits: [
            ...problem.visits,
            {
              id: 'new',
              location: points,
              duration: extra.duration,
              skills: extra.skills,
              window: extra.window,
              pc2: extra.pc2,
            },
          ],
        };
        // Positions changed with the new matrix, so plan again on it before inserting.
        const base = solveHorizon({ ...withNew, visits: problem.visits }, { maxIterations: 100 }).plan;
        const result = insertVisit(withNew, base, 'new', { maxOptions: 10 });
        for (const option of result.options) {
          const after = result.apply(option);
          expect(checkPlan(withNew, after).violations).toEqual([]);
          const before = placement(base);
          const now = placement(after);
          for (const [visit, where] of before) expect(now.get(visit)).toBe(where);
          expect(now.get('new')).toBe(`${option.teamId}|${option.day}`);
        }
        if (result.options.length === 0) expect(result.reason).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  it('repair never moves a fixed visit off a team-day that still exists', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), (problem, pick) => {
        const { plan } = solveHorizon(problem, { maxIterations: 100 });
        const team = problem.teams[pick % problem.teams.length]!;
        const lostDay = team.shifts[pick % team.shifts.length]!.day;
        const changed: Problem = {
          ...problem,
          teams: problem.teams.map((t) =>
            t.id === team.id ? { ...t, shifts: t.shifts.filter((s) => s.day !== lostDay) } : t,
          ),
        };
        const { plan: repaired } = repairPlan(changed, plan, { maxIterations: 100 });
        expect(checkPlan(changed, repaired, { reference: plan }).violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
