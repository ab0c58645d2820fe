import { AppError } from '../../platform/errors.ts';
import { RateLimited } from '../../platform/http/rate-limit.ts';
import { BackupRunning, type BackupInfo, type Backups } from '../../platform/backup.ts';

/** On-demand backups per hour: each copies the whole database and keeps a generation, pushing out an older one. */
export const ON_DEMAND_BACKUPS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/**
 * An admin's "back-up now": refused while a backup (scheduled or not) is being written, and past
 * ON_DEMAND_BACKUPS_PER_HOUR in the last hour, so a repeated click cannot fill the disk or push out
 * the scheduled generations.
 */
export function takeBackupOnDemand(backups: Backups) {
  const taken: number[] = [];
  return async (): Promise<BackupInfo> => {
    const now = Date.now();
    while (taken.length && taken[0]! <= now - HOUR_MS) taken.shift();
    if (taken.length >= ON_DEMAND_BACKUPS_PER_HOUR)
      throw new RateLimited(Math.ceil((taken[0]! + HOUR_MS - now) / 1000));
    try {
      const backup = await backups.create();
      taken.push(now);
      return backup;
    } catch (err) {
      if (err instanceof BackupRunning)
        throw new AppError(409, 'backup_running', 'Er wordt al een back-up gemaakt; wacht tot die klaar is.');
      throw err;
    }
  };
}
