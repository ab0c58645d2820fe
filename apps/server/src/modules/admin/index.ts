import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Backup, BackupList, Problem } from '@chargecars/contract';
import { AppError } from '../../platform/errors.ts';
import type { BackupInfo, Backups } from '../../platform/backup.ts';
import { takeBackupOnDemand } from './take-backup-on-demand.ts';

// A backup is named by its file only: where the server keeps it is no business of the browser.
const named = (b: BackupInfo): BackupInfo => ({ ...b, file: path.basename(b.file) });

/** Backups of the embedded database, on demand and listed (admin only). */
export function adminRoutes(app: FastifyInstance, deps: { backups: Backups | null }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const unavailable = () =>
    new AppError(
      409,
      'backup_not_applicable',
      'Back-ups horen bij de ingebouwde database; PostgreSQL heeft zijn eigen back-up.',
    );
  r.get(
    '/api/admin/backups',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Backups of the embedded database',
        response: { 200: BackupList, 409: Problem },
      },
    },
    async () => {
      if (!deps.backups) throw unavailable();
      return (await deps.backups.list()).map(named);
    },
  );
  const takeNow = deps.backups ? takeBackupOnDemand(deps.backups) : null;
  r.post(
    '/api/admin/backups',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Take a backup now (one at a time, a few per hour)',
        response: { 201: Backup, 409: Problem, 429: Problem },
      },
    },
    async (_request, reply) => {
      if (!takeNow) throw unavailable();
      return reply.status(201).send(named(await takeNow()));
    },
  );
}
