import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Text } from '@chargecars/contract';
import { AppError } from '../../platform/errors.ts';
import type { BackupInfo } from '../../platform/backup.ts';

const Backup = z.object({ file: Text, bytes: z.number().int(), createdAt: Text });

/** Backups of the embedded database, on demand and listed (admin only). */
export function adminRoutes(app: FastifyInstance, deps: { backups: { create(): Promise<BackupInfo>; list(): Promise<BackupInfo[]> } | null }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const unavailable = () => new AppError(409, 'backup_not_applicable', 'Back-ups horen bij de ingebouwde database; PostgreSQL heeft zijn eigen back-up.');
  r.get('/api/admin/backups', { config: { access: ['admin'] }, schema: { tags: ['admin'], summary: 'Backups of the embedded database', response: { 200: z.array(Backup), 409: Problem } } }, async () => {
    if (!deps.backups) throw unavailable();
    return deps.backups.list();
  });
  r.post('/api/admin/backups', { config: { access: ['admin'] }, schema: { tags: ['admin'], summary: 'Take a backup now', response: { 201: Backup, 409: Problem } } }, async (_request, reply) => {
    if (!deps.backups) throw unavailable();
    return reply.status(201).send(await deps.backups.create());
  });
}
