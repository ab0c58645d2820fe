import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

// GET/POST /api/admin/backups (admin): backups of the embedded database. On PostgreSQL the
// server answers 409, because that database has its own backup.
export const backupSchema = z.object({ file: z.string(), bytes: z.number(), createdAt: z.string() });
export type Backup = z.infer<typeof backupSchema>;

const backupsKey = ['admin', 'backups'] as const;

export function useBackups() {
  return useQuery({ queryKey: backupsKey, queryFn: ({ signal }) => request('/api/admin/backups', z.array(backupSchema), { signal }), retry: false });
}

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('/api/admin/backups', backupSchema, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}
