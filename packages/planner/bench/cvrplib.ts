import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkPlan, parseCvrplib, solveHorizon } from '../src/index.ts';
import { instanceFiles, instanceName, pad, printMachine, readBks } from './bench-io.ts';

// Usage: node --import tsx packages/planner/bench/cvrplib.ts [files or folders]
// env PLANNER_TIME_MS (default 10000), PLANNER_SEED. BKS.csv is read from the parent of A/ and X/.
const timeLimitMs = Number(process.env.PLANNER_TIME_MS ?? 10_000);
const seed = Number(process.env.PLANNER_SEED ?? 1);
printMachine();
console.log(`time budget ${timeLimitMs} ms per instance, seed ${seed}`);
const files = instanceFiles(process.argv.slice(2), '../shared/bench/cvrplib', /\.vrp$/i);
console.log(
  `${pad('instance', 12)} ${pad('veh', 4)} ${pad('distance', 9)} ${pad('bks', 9)} ${pad('gap%', 7)} ${pad('secs', 6)} feasible`,
);
let gapSum = 0;
let gapCount = 0;
let infeasible = 0;
let seconds = 0;
for (const file of files) {
  const name = instanceName(file);
  const problem = parseCvrplib(readFileSync(file, 'utf8'), name);
  const began = performance.now();
  const { plan } = solveHorizon(problem, { timeLimitMs, seed });
  const secs = (performance.now() - began) / 1000;
  seconds += secs;
  const check = checkPlan(problem, plan);
  const feasible = check.ok && plan.unassigned.length === 0;
  if (!feasible) infeasible++;
  const bks =
    readBks(join(dirname(file), 'BKS.csv')).get(name) ?? readBks(join(dirname(file), '..', 'BKS.csv')).get(name);
  const gap = bks ? (100 * (check.distance - bks.distance)) / bks.distance : NaN;
  if (Number.isFinite(gap)) {
    gapSum += gap;
    gapCount++;
  }
  console.log(
    `${pad(name, 12)} ${pad(plan.routes.length, 4)} ${pad(check.distance.toFixed(0), 9)} ${pad(bks?.distance ?? '-', 9)} ${pad(gap.toFixed(2), 7)} ${pad(secs.toFixed(2), 6)} ${feasible ? 'yes' : 'NO'}`,
  );
}
const summary = {
  instances: files.length,
  gapPercent: +(gapSum / Math.max(1, gapCount)).toFixed(3),
  seconds: +(seconds / Math.max(1, files.length)).toFixed(2),
  infeasible,
};
console.log(`average: gap ${summary.gapPercent}%, ${summary.seconds} s, infeasible ${infeasible}`);
console.log(JSON.stringify(summary));
