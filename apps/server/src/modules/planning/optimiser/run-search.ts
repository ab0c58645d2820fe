import { Worker } from 'node:worker_threads';
import type { Plan, Problem } from '@chargecars/planner';

export type SearchJob = {
  mode: 'optimise' | 'repair';
  problem: Problem;
  current: Plan;
  relaxedDays: [string, string[]][];
  timeLimitMs: number;
};
export type SearchProgress = { iterations: number; elapsedMs: number; unassigned: number };

/** Runs the search in a worker thread (its bootstrap registers tsx, as the server itself runs on it). */
export function runSearch(job: SearchJob, onProgress: (p: SearchProgress) => void): Promise<Plan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-thread.mjs', import.meta.url), { workerData: job });
    let plan: Plan | null = null;
    worker.on('message', (m: { progress?: SearchProgress; plan?: Plan }) => {
      if (m.progress) onProgress(m.progress);
      if (m.plan) plan = m.plan;
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      plan ? resolve(plan) : reject(new Error(`de zoektocht stopte zonder plan (code ${code})`)),
    );
  });
}
