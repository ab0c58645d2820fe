import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.ts';
import type { Plan, Problem, Progress } from './model.ts';
import { Rng } from './search/rng.ts';
import { solveHorizon } from './solve-horizon.ts';
import { planeProblem } from './test-support/tiny-problems.ts';

type Point = { x: number; y: number };
const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Exhaustive optimum of a one-day, two-vehicle problem with windows: the oracle. */
function bruteForce(
  points: Point[],
  windows: { start: number; end: number }[],
  service: number,
  shiftEnd: number,
): number {
  const depot = { x: 0, y: 0 };
  const routeCost = (order: number[]): number => {
    let t = 0;
    let here = depot;
    let cost = 0;
    for (const i of order) {
      const p = points[i]!;
      t = Math.max(t + dist(here, p), windows[i]!.start);
      if (t > windows[i]!.end + 1e-9) return Infinity;
      t += service;
      cost += dist(here, p);
      here = p;
    }
    if (t + dist(here, depot) > shiftEnd + 1e-9) return Infinity;
    return order.length === 0 ? 0 : cost + dist(here, depot);
  };
  const bestTour = (items: number[]): number => {
    let best = Infinity;
    const permute = (rest: number[], prefix: number[]): void => {
      if (rest.length === 0) best = Math.min(best, routeCost(prefix));
      rest.forEach((item, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...prefix, item]));
    };
    permute(items, []);
    return best;
  };
  let best = Infinity;
  const n = points.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const a = [...Array(n).keys()].filter((i) => mask & (1 << i));
    const b = [...Array(n).keys()].filter((i) => !(mask & (1 << i)));
    best = Math.min(best, bestTour(a) + bestTour(b));
  }
  return best;
}

describe('solveHorizon', () => {
  it('finds the known optimum of a square: one tour around the four corners', () => {
    const p = planeProblem(
      [
        { x: 10, y: 10 },
        { x: -10, y: 10 },
        { x: -10, y: -10 },
        { x: 10, y: -10 },
      ],
      ['ne', 'nw', 'sw', 'se'].map((id) => ({ id, duration: 0 })),
      [{}, {}],
    );
    const { plan } = solveHorizon(p, { maxIterations: 2000 });
    expect(plan.cost.distance).toBeCloseTo(2 * Math.SQRT2 * 10 + 60, 6);
    expect(checkPlan(p, plan).ok).toBe(true);
  });

  it.each([1, 2, 3, 4, 5])('matches exhaustive search on random 7-visit instances with windows (seed %i)', (seed) => {
    const rng = new Rng(seed);
    const points = Array.from({ length: 7 }, () => ({ x: rng.int(41) - 20, y: rng.int(41) - 20 }));
    const windows = points.map(() => {
      const start = rng.int(80);
      return { start, end: start + 20 + rng.int(60) };
    });
    const p = planeProblem(
      points,
      points.map((_, i) => ({ id: `v${i}`, duration: 5, window: windows[i]! })),
      [{}, {}],
    );
    p.teams.forEach((t) => (t.shifts[0]!.end = 250));
    const { plan } = solveHorizon(p, { maxIterations: 3000, seed });
    const optimum = bruteForce(points, windows, 5, 250);
    expect(checkPlan(p, plan).ok).toBe(true);
    if (Number.isFinite(optimum)) {
      expect(plan.unassigned).toEqual([]);
      expect(plan.cost.distance).toBeCloseTo(optimum, 6);
    }
  });

  it('plans the higher priority when only one of two visits fits', () => {
    const p = planeProblem(
      [
        { x: 10, y: 0 },
        { x: -10, y: 0 },
      ],
      [
        { id: 'low', duration: 50, priority: 0 },
        { id: 'high', duration: 50, priority: 3 },
      ],
      [{}],
    );
    p.teams[0]!.shifts[0]!.end = 100;
    const { plan } = solveHorizon(p, { maxIterations: 200 });
    expect(plan.unassigned).toEqual([{ visitId: 'low', reason: 'no-capacity-in-window' }]);
  });

  it('keeps a survey before its installation, two order visits apart, pins and regions', () => {
    const p = planeProblem(
      [
        { x: 5, y: 0 },
        { x: 5, y: 1 },
        { x: 6, y: 0 },
        { x: 0, y: 5 },
        { x: 0, y: 6 },
      ],
      [
        { id: 'install', duration: 10, after: ['survey'] },
        { id: 'survey', duration: 10 },
        { id: 'part1', duration: 10, differentDayFrom: ['part2'] },
        { id: 'part2', duration: 10 },
        { id: 'pinned', duration: 10, pin: { team: 't2', day: 'd2' }, pc2: '38' },
      ],
      [{}, { regions: ['midden'] }],
      ['d1', 'd2', 'd3'],
    );
    p.regions = [{ id: 'midden', pc2: ['38', '39'] }];
    const { plan } = solveHorizon(p, { maxIterations: 500 });
    expect(checkPlan(p, plan).violations).toEqual([]);
    expect(plan.unassigned).toEqual([]);
    const where = (id: string): Plan['routes'][number] =>
      plan.routes.find((r) => r.stops.some((s) => s.visitId === id))!;
    expect(where('survey').day < where('install').day).toBe(true);
    expect(where('part1').day).not.toBe(where('part2').day);
    expect([where('pinned').teamId, where('pinned').day]).toEqual(['t2', 'd2']);
  });

  function randomProblem(seed: number): Problem {
    const rng = new Rng(seed);
    const points = Array.from({ length: 30 }, () => ({ x: rng.int(100), y: rng.int(100) }));
    return planeProblem(
      points,
      points.map((_, i) => ({ id: `v${i}`, duration: 10, demand: 1 + rng.int(3) })),
      [{ capacity: 15 }, { capacity: 15 }, { capacity: 15 }, { capacity: 15 }],
    );
  }

  it('is deterministic for a seed when bounded by iterations', () => {
    const a = solveHorizon(randomProblem(9), { maxIterations: 3000, seed: 42, timeLimitMs: 1e9 });
    const b = solveHorizon(randomProblem(9), { maxIterations: 3000, seed: 42, timeLimitMs: 1e9 });
    expect(a.plan).toEqual(b.plan);
  });

  it('warm-starts from a plan and keeps its fixed visits on their team-day', () => {
    const first = solveHorizon(randomProblem(5), { maxIterations: 500 }).plan;
    const fixedIds = new Set(first.routes.flatMap((r) => r.stops.slice(0, 1).map((s) => s.visitId)));
    const p = randomProblem(5);
    p.visits.forEach((v) => (v.fixed = fixedIds.has(v.id)));
    const { plan } = solveHorizon(p, { maxIterations: 2000, seed: 3, initialPlan: first });
    expect(checkPlan(p, plan, { reference: first }).violations).toEqual([]);
    expect(plan.cost.total).toBeLessThanOrEqual(first.cost.total + 1e-6);
  });

  it('reports progress and stops when asked', () => {
    const seen: Progress[] = [];
    let polls = 0;
    const result = solveHorizon(randomProblem(3), {
      timeLimitMs: 60_000,
      progressIntervalMs: 0,
      onProgress: (p) => seen.push(p),
      shouldStop: () => ++polls > 3,
    });
    expect(result.iterations).toBeLessThan(2000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]!.bestCost).toBeCloseTo(result.plan.cost.total, 6);
    const aborted = new AbortController();
    aborted.abort();
    expect(solveHorizon(randomProblem(3), { timeLimitMs: 60_000, signal: aborted.signal }).iterations).toBe(0);
  });
});
