import { checkPlan, haversineMatrix, insertVisit, solveHorizon, type Problem } from '../src/index.ts';
import { Rng } from '../src/search/rng.ts';
import { printMachine } from './bench-io.ts';
import { dutchScenario, makeVisit, readPc4 } from './dutch-scenario.ts';

// Usage: node --import tsx packages/planner/bench/dutch.ts ; env PLANNER_TIME_MS (default 20000), PLANNER_SEED.
const timeLimitMs = Number(process.env.PLANNER_TIME_MS ?? 20_000);
const seed = Number(process.env.PLANNER_SEED ?? 1);
printMachine();
const pc4 = readPc4();
console.log(`${pc4.length} PC4 centroids, horizon 5 days, seed ${seed}, time budget ${timeLimitMs} ms`);

function run(
  visits: number,
  teams: number,
  spare: number,
): { problem: Problem; plan: ReturnType<typeof solveHorizon>['plan']; spare: { location: number; pc2: string }[] } {
  const scenario = dutchScenario(pc4, visits, teams, seed, spare);
  const began = performance.now();
  const problem: Problem = { ...scenario.problem, matrix: haversineMatrix(scenario.problem.locations ?? []) };
  const matrixMs = performance.now() - began;
  const { plan, iterations } = solveHorizon(problem, { timeLimitMs, seed });
  const secs = (performance.now() - began) / 1000;
  const check = checkPlan(problem, plan);
  const reasons = new Map<string, number>();
  for (const u of plan.unassigned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  console.log(
    `${visits} visits / ${teams} teams / 5 days: cost ${plan.cost.total.toFixed(1)} (distance ${plan.cost.distance.toFixed(1)} km, ` +
      `bundling ${plan.cost.bundling.toFixed(1)}), unassigned ${plan.unassigned.length} ${JSON.stringify(Object.fromEntries(reasons))}, ` +
      `team-days used ${plan.routes.length}, ${iterations} iterations, ${secs.toFixed(2)} s (matrix ${matrixMs.toFixed(0)} ms), ` +
      `checker ${check.ok ? 'ok' : `${check.violations.length} violations`}`,
  );
  return { problem, plan, spare: scenario.spareLocations };
}

run(80, 7, 0);
const big = run(1000, 70, 200);

const rng = new Rng(seed + 7);
const latencies: number[] = [];
let placed = 0;
for (const [i, spot] of big.spare.entries()) {
  const visit = makeVisit(rng, `new-${i}`, spot.location, spot.pc2);
  const problem = { ...big.problem, visits: [...big.problem.visits, visit] };
  const began = performance.now();
  const result = insertVisit(problem, big.plan, visit.id, { maxOptions: 5 });
  latencies.push(performance.now() - began);
  if (result.options.length > 0) placed++;
}
latencies.sort((a, b) => a - b);
const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
console.log(
  `single-visit insertion into the 1000-visit plan: ${latencies.length} calls, ${placed} with options, ` +
    `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
);
