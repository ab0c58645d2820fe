import { eq } from 'drizzle-orm';
import type { PartnerMailSettings } from '@chargecars/contract';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { partnerMailSettings, partners } from './partners.schema.ts';

/**
 * Where and in which language mail to a partner goes, and which event mails it wants. Without a choice of
 * its own: its registered address, Dutch, no event mails. Null: no such partner.
 */
export async function mailSettingsOf(db: DbOrTx, partnerId: string): Promise<PartnerMailSettings | null> {
  const [row] = await db
    .select({ email: partners.email, settings: partnerMailSettings })
    .from(partners)
    .leftJoin(partnerMailSettings, eq(partnerMailSettings.partnerId, partners.id))
    .where(eq(partners.id, partnerId));
  if (!row) return null;
  const s = row.settings;
  return {
    email: s?.email ?? row.email,
    language: s?.language ?? 'nl',
    leadQualified: s?.leadQualified ?? false,
    orderCreated: s?.orderCreated ?? false,
  };
}

export async function getPartnerMailSettings(db: Db, actor: Actor, partnerId: string) {
  assertActsForPartner(actor, partnerId);
  const settings = await mailSettingsOf(db, partnerId);
  if (!settings) throw notFound('Partner');
  return settings;
}

/** The partner (or ops for it) sets its contact address, language and event mails. */
export async function savePartnerMailSettings(db: Db, actor: Actor, partnerId: string, next: PartnerMailSettings) {
  assertActsForPartner(actor, partnerId);
  return db.transaction(async (tx) => {
    const before = await mailSettingsOf(tx, partnerId);
    if (!before) throw notFound('Partner');
    await tx
      .insert(partnerMailSettings)
      .values({ partnerId, ...next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: partnerMailSettings.partnerId, set: { ...next, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'partner.mail_settings_changed',
      subjectType: 'partner',
      subjectId: partnerId,
      before,
      after: next,
    });
    return next;
  });
}
