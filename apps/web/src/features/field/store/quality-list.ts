import type { z } from 'zod';
import type { QualityItem } from '@chargecars/contract';
import { request } from '../../../lib/http/http-client';
import { qualityEndpoint } from '../api/quality-endpoint';
import { setMeta } from './field-db';

export type QualityEntry = z.infer<typeof QualityItem>;
/** The last quality list the server gave, and when: the Kwaliteit tab reads it, online or not. */
export type StoredQuality = { items: QualityEntry[]; fetchedAt: string };

/** Reads the team's quality list and keeps it in the store (wiped with the rest on logout or revocation). */
export async function pullQualityList() {
  const { items } = await request(qualityEndpoint);
  await setMeta('quality', { items, fetchedAt: new Date().toISOString() } satisfies StoredQuality);
}
