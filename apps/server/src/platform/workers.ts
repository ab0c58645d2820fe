import type { Jobs } from './jobs.ts';
import type { ModuleWorkers, QueuedSubscriber, RelayedEvent } from './events/subscribers.ts';

/**
 * Starts what the modules registered: a pg-boss worker per event subscriber, a scheduled queue per
 * task, and the background loops. Returns the function that stops the loops.
 */
export async function startModuleWorkers(
  jobs: Jobs,
  workers: ModuleWorkers,
  onError: (err: unknown) => void,
): Promise<() => Promise<void>> {
  for (const s of workers.subscribers.filter((x): x is QueuedSubscriber => !x.inline)) {
    await jobs.createQueue(s.queue);
    // Short polling: webhooks should leave within a couple of seconds of the commit.
    await jobs.work(s.queue, { pollingIntervalSeconds: 0.5, batchSize: 50 }, async (batch) => {
      for (const job of batch) await s.handle(job.data as RelayedEvent);
    });
  }
  for (const t of workers.schedules) {
    await jobs.createQueue(t.queue);
    await jobs.schedule(t.queue, t.cron, {}, { tz: 'Europe/Amsterdam' });
    await jobs.work(t.queue, async () => t.run());
  }
  const stops = workers.loops.map((l) => l.start(onError));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
