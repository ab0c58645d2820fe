import { parentPort, workerData } from 'node:worker_threads';
import { repairPlan, solveHorizon, type Plan, type Problem } from '@chargecars/planner';
import type { SearchJob } from './run-search.ts';

/**
 * The engine's search in its own thread: it is synchronous and runs for seconds, and the server's
 * thread must keep answering requests meanwhile.
 */
function search(job: SearchJob): Plan {
  const report = (p: { iteration: number; elapsedMs: number; unassigned: number }) =>
    parentPort!.postMessage({
      progress: { iterations: p.iteration, elapsedMs: p.elapsedMs, unassigned: p.unassigned },
    });
  if (job.mode === 'repair')
    return repairPlan(job.problem, job.current, { timeLimitMs: job.timeLimitMs, onProgress: report }).plan;
  const weatherBudget = job.relaxedDays.length ? Math.min(2_000, job.timeLimitMs * 0.1) : 0;
  const { plan } = solveHorizon(job.problem, {
    timeLimitMs: job.timeLimitMs - weatherBudget,
    initialPlan: job.current,
    seed: 1,
    onProgress: report,
    progressIntervalMs: 500,
  });
  // Bad weather is a soft cost: outdoor work the good days could not hold may still go on a bad day.
  const relaxed = new Map(job.relaxedDays);
  const waiting = plan.unassigned.filter((u) => relaxed.has(u.visitId));
  if (!waiting.length) return plan;
  const problem: Problem = {
    ...job.problem,
    visits: job.problem.visits.map((v) => (relaxed.has(v.id) ? { ...v, days: relaxed.get(v.id)! } : v)),
  };
  return repairPlan(problem, plan, { timeLimitMs: weatherBudget }).plan;
}

parentPort!.postMessage({ plan: search(workerData as SearchJob) });
