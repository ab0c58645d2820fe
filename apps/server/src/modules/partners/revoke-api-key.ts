import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { partnerApiKeys } from './partners.schema.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { presentApiKey } from './present-api-key.ts';

export async function revokeApiKey(
  db: Db,
  actor: Actor,
  input: { partnerId: string; keyId: string },
  now = new Date(),
) {
  assertActsForPartner(actor, input.partnerId);
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(partnerApiKeys)
      .where(and(eq(partnerApiKeys.id, input.keyId), eq(partnerApiKeys.partnerId, input.partnerId)));
    if (!key) throw notFound('API-sleutel');
    const [row] = await tx
      .update(partnerApiKeys)
      .set({ revokedAt: now })
      .where(eq(partnerApiKeys.id, key.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'api_key.revoked',
      subjectType: 'partner',
      subjectId: input.partnerId,
      before: { keyId: key.id, revokedAt: key.revokedAt },
      after: { revokedAt: now },
    });
    return presentApiKey(row!, now);
  });
}
