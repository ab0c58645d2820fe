import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { partnerApiKeys, partners } from './partners.schema.ts';
import { displayPrefix, hashApiKey, newApiKey } from './api-key-format.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { presentApiKey } from './present-api-key.ts';

async function assertPartnerExists(db: DbOrTx, partnerId: string) {
  const [p] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!p) throw notFound('Partner');
}

export async function insertKey(tx: DbOrTx, partnerId: string, name: string, scopes: string[]) {
  const secret = newApiKey();
  const [row] = await tx
    .insert(partnerApiKeys)
    .values({ partnerId, name, scopes, keyPrefix: displayPrefix(secret), keyHash: hashApiKey(secret) })
    .returning();
  return { row: row!, secret };
}

/** Creates a key; the secret is in this answer only and never again. */
export async function createApiKey(db: Db, actor: Actor, input: { partnerId: string; name: string; scopes: string[] }) {
  assertActsForPartner(actor, input.partnerId);
  await assertPartnerExists(db, input.partnerId);
  return db.transaction(async (tx) => {
    const { row, secret } = await insertKey(tx, input.partnerId, input.name, input.scopes);
    await recordAudit(tx, actor, {
      action: 'api_key.created',
      subjectType: 'partner',
      subjectId: input.partnerId,
      after: { keyId: row.id, name: row.name, scopes: row.scopes },
    });
    return { ...presentApiKey(row), secret };
  });
}
