import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { ApiKeyPrincipal } from '../../platform/auth/auth.plugin.ts';
import { partnerApiKeys, partners } from './partners.schema.ts';
import { hashApiKey, isWellFormedApiKey } from './api-key-format.ts';

/** The live key for a presented secret, or null. Touches last-used at most once a minute. */
export async function resolveApiKey(db: Db, secret: string, now = new Date()): Promise<ApiKeyPrincipal | null> {
  if (!isWellFormedApiKey(secret)) return null;
  const [row] = await db
    .select({ key: partnerApiKeys, partnerName: partners.name, partnerStatus: partners.status })
    .from(partnerApiKeys)
    .innerJoin(partners, eq(partners.id, partnerApiKeys.partnerId))
    .where(
      and(
        eq(partnerApiKeys.keyHash, hashApiKey(secret)),
        or(isNull(partnerApiKeys.revokedAt), gt(partnerApiKeys.revokedAt, now)),
      ),
    );
  if (!row || row.partnerStatus === 'suspended' || row.partnerStatus === 'ended') return null;
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() > 60_000) {
    await db.update(partnerApiKeys).set({ lastUsedAt: now }).where(eq(partnerApiKeys.id, row.key.id));
  }
  return {
    keyId: row.key.id,
    keyName: row.key.name,
    partnerId: row.key.partnerId,
    partnerName: row.partnerName,
    scopes: row.key.scopes,
  };
}
