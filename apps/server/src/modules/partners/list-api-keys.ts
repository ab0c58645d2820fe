import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { partnerApiKeys } from './partners.schema.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { presentApiKey } from './present-api-key.ts';

export async function listApiKeys(db: Db, actor: Actor, partnerId: string) {
  assertActsForPartner(actor, partnerId);
  const rows = await db
    .select()
    .from(partnerApiKeys)
    .where(eq(partnerApiKeys.partnerId, partnerId))
    .orderBy(desc(partnerApiKeys.createdAt));
  return rows.map((k) => presentApiKey(k));
}
