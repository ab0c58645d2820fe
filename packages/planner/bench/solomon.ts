import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkPlan, parseSolomon, solveHorizon } from '../src/index.ts';
import { instanceFiles, instanceName, pad, printMachine, readBks } from './bench-io.ts';

// Usage: npm run bench:planner -- [instance files or folders] ; env PLANNER_TIME_MS, PLANNER_SEED.
const timeLimitMs = Number(process.env.PLANNER_TIME_MS ?? 10_000);
const seed = Number(process.env.PLANNER_SEED ?? 1);
printMachine();
console.log(`time budget ${timeLimitMs} ms per instance, seed ${seed}`);
const files = instanceFiles(process.argv.slice(2), '../shared/bench/solomon', /\.txt$/i);
console.log(
  `${pad('instance', 10)} ${pad('veh', 4)} ${pad('distance', 10)} ${pad('bks_dist', 10)} ${pad('gap%', 7)} ${pad('bks_hier', 12)} ${pad('secs', 6)} feasible`,
);

let gapSum = 0;
let gapCount = 0;
let vehicles = 0;
let distance = 0;
let seconds = 0;
let infeasible = 0;
for (const file of files) {
  const name = instanceName(file);
  const problem = parseSolomon(readFileSync(file, 'utf8'), name);
  const began = performance.now();
  const { plan } = solveHorizon(problem, { timeLimitMs, seed });
  const secs = (performance.now() - began) / 1000;
  const check = checkPlan(problem, plan);
  const feasible = check.ok && plan.unassigned.length === 0;
  if (!feasible) infeasible++;
  const bks = readBks(join(dirname(file), 'BKS_distance_only.csv')).get(name);
  const hier = readBks(join(dirname(file), 'BKS.csv')).get(name);
  const gap = bks ? (100 * (check.distance - bks.distance)) / bks.distance : NaN;
  if (Number.isFinite(gap)) {
    gapSum += gap;
    gapCount++;
  }
  vehicles += plan.routes.length;
  distance += check.distance;
  seconds += secs;
  console.log(
    `${pad(name, 10)} ${pad(plan.routes.length, 4)} ${pad(check.distance.toFixed(2), 10)} ${pad(bks?.distance.toFixed(2) ?? '-', 10)} ${pad(gap.toFixed(2), 7)} ${pad(hier ? `${hier.vehicles}/${hier.distance.toFixed(2)}` : '-', 12)} ${pad(secs.toFixed(2), 6)} ${feasible ? 'yes' : `NO (${check.violations.length} violations, ${plan.unassigned.length} unassigned)`}`,
  );
}
const n = Math.max(1, files.length);
const summary = {
  instances: files.length,
  vehicles: +(vehicles / n).toFixed(2),
  distance: +(distance / n).toFixed(2),
  gapPercent: +(gapSum / Math.max(1, gapCount)).toFixed(3),
  seconds: +(seconds / n).toFixed(2),
  infeasible,
};
console.log(
  `average: vehicles ${summary.vehicles}, distance ${summary.distance}, gap ${summary.gapPercent}%, ${summary.seconds} s, infeasible ${infeasible}`,
);
console.log(JSON.stringify(summary));
