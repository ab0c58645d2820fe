/** How long after the last "disk full" error /readyz keeps answering 503, so a balancer stops sending writes. */
const DISK_FULL_MS = 60_000;

/** ENOSPC from the file system, or PostgreSQL's disk_full (53100). */
export const isDiskFull = (error: { code?: unknown }) => error.code === 'ENOSPC' || error.code === '53100';

/** The app's memory of its last disk-full error: the problem handler notes it, readiness reads it. */
export function createDiskFullSignal() {
  let lastSeen = -Infinity;
  return {
    note() {
      lastSeen = Date.now();
    },
    active: () => Date.now() - lastSeen < DISK_FULL_MS,
  };
}
export type DiskFullSignal = ReturnType<typeof createDiskFullSignal>;
