import type { partnerApiKeys } from './partners.schema.ts';

type KeyRow = typeof partnerApiKeys.$inferSelect;

/** An API key as lists show it: never its secret or hash. */
export const presentApiKey = (k: KeyRow, now = new Date()) => ({
  id: k.id,
  name: k.name,
  prefix: k.keyPrefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  active: !k.revokedAt || k.revokedAt > now,
});
