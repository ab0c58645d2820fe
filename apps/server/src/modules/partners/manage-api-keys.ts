import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { partnerApiKeys, partners } from './partners.schema.ts';
import { displayPrefix, hashApiKey, newApiKey } from './api-key-format.ts';
import { assertActsForPartner } from './partner-scope.ts';

/** A rotated key keeps working this long, so the partner can switch without an outage. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

type KeyRow = typeof partnerApiKeys.$inferSelect;
const present = (k: KeyRow, now = new Date()) => ({
  id: k.id, name: k.name, prefix: k.keyPrefix, scopes: k.scopes, createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null,
  active: !k.revokedAt || k.revokedAt > now,
});

async function assertPartnerExists(db: DbOrTx, partnerId: string) {
  const [p] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!p) throw notFound('Partner');
}

export async function listApiKeys(db: Db, actor: Actor, partnerId: string) {
  assertActsForPartner(actor, partnerId);
  const rows = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.partnerId, partnerId)).orderBy(desc(partnerApiKeys.createdAt));
  return rows.map((k) => present(k));
}

async function insertKey(tx: DbOrTx, partnerId: string, name: string, scopes: string[]) {
  const secret = newApiKey();
  const [row] = await tx.insert(partnerApiKeys).values({ partnerId, name, scopes, keyPrefix: displayPrefix(secret), keyHash: hashApiKey(secret) }).returning();
  return { row: row!, secret };
}

/** Creates a key; the secret is in this answer only and never again. */
export async function createApiKey(db: Db, actor: Actor, input: { partnerId: string; name: string; scopes: string[] }) {
  assertActsForPartner(actor, input.partnerId);
  await assertPartnerExists(db, input.partnerId);
  return db.transaction(async (tx) => {
    const { row, secret } = await insertKey(tx, input.partnerId, input.name, input.scopes);
    await recordAudit(tx, actor, { action: 'api_key.created', subjectType: 'partner', subjectId: input.partnerId, after: { keyId: row.id, name: row.name, scopes: row.scopes } });
    return { ...present(row), secret };
  });
}

async function liveKey(tx: DbOrTx, partnerId: string, keyId: string) {
  const [key] = await tx.select().from(partnerApiKeys).where(and(eq(partnerApiKeys.id, keyId), eq(partnerApiKeys.partnerId, partnerId), isNull(partnerApiKeys.revokedAt)));
  if (!key) throw notFound('API-sleutel');
  return key;
}

/** A new secret with the same name and scopes; the old one keeps working for the overlap, then stops. */
export async function rotateApiKey(db: Db, actor: Actor, input: { partnerId: string; keyId: string }, now = new Date()) {
  assertActsForPartner(actor, input.partnerId);
  return db.transaction(async (tx) => {
    const old = await liveKey(tx, input.partnerId, input.keyId);
    const { row, secret } = await insertKey(tx, input.partnerId, old.name, old.scopes);
    await tx.update(partnerApiKeys).set({ revokedAt: new Date(now.getTime() + ROTATION_OVERLAP_MS), replacedById: row.id }).where(eq(partnerApiKeys.id, old.id));
    await recordAudit(tx, actor, { action: 'api_key.rotated', subjectType: 'partner', subjectId: input.partnerId, before: { keyId: old.id }, after: { keyId: row.id } });
    return { ...present(row), secret };
  });
}

export async function revokeApiKey(db: Db, actor: Actor, input: { partnerId: string; keyId: string }, now = new Date()) {
  assertActsForPartner(actor, input.partnerId);
  return db.transaction(async (tx) => {
    const [key] = await tx.select().from(partnerApiKeys).where(and(eq(partnerApiKeys.id, input.keyId), eq(partnerApiKeys.partnerId, input.partnerId)));
    if (!key) throw notFound('API-sleutel');
    const [row] = await tx.update(partnerApiKeys).set({ revokedAt: now }).where(eq(partnerApiKeys.id, key.id)).returning();
    await recordAudit(tx, actor, { action: 'api_key.revoked', subjectType: 'partner', subjectId: input.partnerId, before: { keyId: key.id, revokedAt: key.revokedAt }, after: { revokedAt: now } });
    return present(row!, now);
  });
}
