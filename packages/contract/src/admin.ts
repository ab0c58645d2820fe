import { z } from 'zod';
import { Text } from './common.ts';

/** A backup of the embedded database, named by its file only (where the server keeps it is not the browser's business). */
export const Backup = z.object({ file: Text, bytes: z.number().int(), createdAt: Text });
export const BackupList = z.array(Backup);
