import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { partnerApiKeys } from './partners.schema.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { presentApiKey } from './present-api-key.ts';
import { insertKey } from './create-api-key.ts';

/** A rotated key keeps working this long, so the partner can switch without an outage. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

async function liveKey(tx: DbOrTx, partnerId: string, keyId: string) {
  const [key] = await tx
    .select()
    .from(partnerApiKeys)
    .where(
      and(eq(partnerApiKeys.id, keyId), eq(partnerApiKeys.partnerId, partnerId), isNull(partnerApiKeys.revokedAt)),
    );
  if (!key) throw notFound('API-sleutel');
  return key;
}

/** A new secret with the same name and scopes; the old one keeps working for the overlap, then stops. */
export async function rotateApiKey(
  db: Db,
  actor: Actor,
  input: { partnerId: string; keyId: string },
  now = new Date(),
) {
  assertActsForPartner(actor, input.partnerId);
  return db.transaction(async (tx) => {
    const old = await liveKey(tx, input.partnerId, input.keyId);
    const { row, secret } = await insertKey(tx, input.partnerId, old.name, old.scopes);
    await tx
      .update(partnerApiKeys)
      .set({ revokedAt: new Date(now.getTime() + ROTATION_OVERLAP_MS), replacedById: row.id })
      .where(eq(partnerApiKeys.id, old.id));
    await recordAudit(tx, actor, {
      action: 'api_key.rotated',
      subjectType: 'partner',
      subjectId: input.partnerId,
      before: { keyId: old.id },
      after: { keyId: row.id },
    });
    return { ...presentApiKey(row), secret };
  });
}
