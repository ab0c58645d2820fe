import { desc, eq, inArray } from 'drizzle-orm';
import type { MessagePreferences } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import { emailOutbox, messagePreferences, unreachableContacts } from '../../platform/mail.schema.ts';
import { listMessageLog } from '../../platform/messaging/message-log.ts';
import { notFound } from '../../platform/errors.ts';
import { customerContacts } from '../../read-models/customer-contacts.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/http/actor.ts';

/** Without a choice of their own a customer gets e-mail and SMS, in Dutch, and no WhatsApp until they opt in. */
export const DEFAULT_PREFERENCES: MessagePreferences = {
  channels: ['email', 'sms'],
  language: 'nl',
  optOutNonEssential: false,
  whatsappOptIn: false,
};

/** A customer's messages, preferences, and which of their addresses and numbers bounced. */
export async function customerCommunication(db: Db, customerId: string) {
  const contacts = await customerContacts(db, customerId);
  if (!contacts) throw notFound('Klant niet gevonden');
  const addressed = await db
    .selectDistinct({ to: emailOutbox.to })
    .from(emailOutbox)
    .where(eq(emailOutbox.customerId, customerId));
  const addresses = [contacts.email, contacts.phone, ...addressed.map((a) => a.to)]
    .filter((a): a is string => !!a)
    .map((a) => a.toLowerCase());
  const [pref] = await db.select().from(messagePreferences).where(eq(messagePreferences.customerId, customerId));
  const unreachable = await db
    .select()
    .from(unreachableContacts)
    .where(inArray(unreachableContacts.address, addresses))
    .orderBy(desc(unreachableContacts.at));
  const messages = await listMessageLog(db, 1, 100, { customer: { id: customerId, addresses } });
  return {
    preferences: pref
      ? {
          channels: pref.channels,
          language: pref.language,
          optOutNonEssential: pref.optOutNonEssential,
          whatsappOptIn: pref.whatsappOptInAt !== null,
        }
      : DEFAULT_PREFERENCES,
    unreachable: unreachable.map((u) => ({
      channel: u.channel,
      address: u.address,
      reason: u.reason,
      at: u.at.toISOString(),
    })),
    messages: messages.items,
  };
}

/** Records what a customer wants to receive; opting in to WhatsApp keeps its first moment, opting out clears it. */
export async function saveCustomerPreferences(db: Db, actor: Actor, customerId: string, prefs: MessagePreferences) {
  if (!(await customerContacts(db, customerId))) throw notFound('Klant niet gevonden');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(messagePreferences).where(eq(messagePreferences.customerId, customerId));
    const row = {
      channels: [...new Set(prefs.channels)],
      language: prefs.language,
      optOutNonEssential: prefs.optOutNonEssential,
      whatsappOptInAt: prefs.whatsappOptIn ? (before?.whatsappOptInAt ?? new Date()) : null,
      updatedAt: new Date(),
    };
    await tx
      .insert(messagePreferences)
      .values({ customerId, ...row })
      .onConflictDoUpdate({ target: messagePreferences.customerId, set: row });
    await recordAudit(tx, actor, {
      action: 'customer.message_preferences_changed',
      subjectType: 'customer',
      subjectId: customerId,
      before: before ?? null,
      after: row,
    });
  });
  return customerCommunication(db, customerId);
}
