import Dexie, { type Table } from 'dexie';
import type { z } from 'zod';
import type { ChecklistTemplates, CommandAnswer, CommandPayload, SyncVisit, VanStockItem } from '@chargecars/contract';

export type FieldVisit = z.infer<typeof SyncVisit>;
export type VanStock = z.infer<typeof VanStockItem> & { key: string };
export type Templates = z.infer<typeof ChecklistTemplates>;
/** A command made on this phone, kept until the server has answered it. */
export type QueuedCommand = {
  seq?: number;
  id: string;
  visitId: string;
  actedAt: string;
  baseVersion: string;
  payload: CommandPayload;
};
export type Rejection = { id: string; visitId: string; payload: CommandPayload; answer: CommandAnswer };
/** A photo or signature image taken here, kept as bytes until uploaded (and after, for the screen). */
export type StoredPhoto = { sha256: string; blob: Blob; uploaded: 0 | 1 };
export type FieldUser = { id: string; name: string; teamName: string | null };
type Meta = { key: string; value: unknown };

/** The phone's own copy of its team's week, the commands it has yet to send, and its photos. */
class FieldDb extends Dexie {
  visits!: Table<FieldVisit, string>;
  vanStock!: Table<VanStock, string>;
  outbox!: Table<QueuedCommand, number>;
  rejections!: Table<Rejection, string>;
  photos!: Table<StoredPhoto, string>;
  meta!: Table<Meta, string>;
  constructor() {
    super('chargecars-field');
    this.version(1).stores({
      visits: 'id, date',
      vanStock: 'key',
      outbox: '++seq, &id, visitId',
      rejections: 'id, visitId',
      photos: 'sha256, uploaded',
      meta: 'key',
    });
  }
}

export const fieldDb = new FieldDb();

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await fieldDb.meta.get(key))?.value as T | undefined;
}
export const setMeta = (key: string, value: unknown) => fieldDb.meta.put({ key, value });

/** Logout or a revoked device: nothing of the team stays on the phone. */
export async function wipeFieldStore() {
  await fieldDb.transaction(
    'rw',
    [fieldDb.visits, fieldDb.vanStock, fieldDb.outbox, fieldDb.rejections, fieldDb.photos, fieldDb.meta],
    async () => {
      await Promise.all([
        fieldDb.visits.clear(),
        fieldDb.vanStock.clear(),
        fieldDb.outbox.clear(),
        fieldDb.rejections.clear(),
        fieldDb.photos.clear(),
        fieldDb.meta.clear(),
      ]);
    },
  );
}
