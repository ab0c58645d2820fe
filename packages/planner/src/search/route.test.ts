import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planeProblem } from '../test-support/tiny-problems.ts';
import { validateProblem } from '../validate-problem.ts';
import { compileInstance } from './instance.ts';
import { buildRoute, emptyRoute, insertStop } from './route.ts';

describe('insertStop', () => {
  it('matches a full rebuild of the route after every feasible insertion', () => {
    const point = fc.record({
      x: fc.integer({ min: 0, max: 50 }),
      y: fc.integer({ min: 0, max: 50 }),
      start: fc.integer({ min: 0, max: 200 }),
      width: fc.integer({ min: 0, max: 150 }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (points, picks) => {
          const problem = planeProblem(
            points,
            points.map((p, i) => ({
              id: `v${i}`,
              duration: 7,
              demand: 1,
              window: { start: p.start, end: p.start + p.width },
            })),
            [{}],
          );
          problem.objective = { bundleWeight: 0.5, bundleRadius: 10, balance: 0.1 };
          const inst = compileInstance(problem, validateProblem(problem), { neighborCount: 0 });
          let route = emptyRoute();
          points.forEach((_, v) => {
            const candidates: number[] = [];
            for (let p = 0; p <= route.stops.length; p++) {
              const stops = [...route.stops];
              stops.splice(p, 0, v);
              if (buildRoute(inst, 0, stops).feasible) candidates.push(p);
            }
            if (candidates.length === 0) return;
            const p = candidates[(picks[v] ?? 0) % candidates.length]!;
            route = insertStop(inst, 0, route, v, p);
            const rebuilt = buildRoute(inst, 0, route.stops);
            expect([...route.early]).toEqual([...rebuilt.early].map((x) => expect.closeTo(x, 9)));
            expect([...route.late]).toEqual([...rebuilt.late].map((x) => expect.closeTo(x, 9)));
            expect(route.cost).toBeCloseTo(rebuilt.cost, 9);
            expect(route.distance).toBeCloseTo(rebuilt.distance, 9);
            expect(route.load).toBe(rebuilt.load);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
