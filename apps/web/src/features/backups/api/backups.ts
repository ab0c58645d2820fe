import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Backup as BackupSchema, BackupList } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

// GET/POST /api/admin/backups (admin): backups of the embedded database. On PostgreSQL the
// server answers 409, because that database has its own backup.
export type Backup = z.infer<typeof BackupSchema>;
export const listBackupsEndpoint = endpoint('GET', '/api/admin/backups', BackupList);
export const takeBackupEndpoint = endpoint('POST', '/api/admin/backups', BackupSchema);

const backupsKey = ['admin', 'backups'] as const;

export function useBackups() {
  return useQuery({
    queryKey: backupsKey,
    queryFn: ({ signal }) => request(listBackupsEndpoint, { signal }),
    retry: false,
  });
}

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(takeBackupEndpoint),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}
