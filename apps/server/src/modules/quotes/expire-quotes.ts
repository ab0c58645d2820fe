import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { quoteCustomers, quotesDueForExpiryReminder } from '../../read-models/quote-parties.ts';
import { quotes } from './quotes.schema.ts';
import { addDaysToDate, formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';

export const REMINDER_DAYS_BEFORE_EXPIRY = 5;
const OPEN = ['sent', 'partially_signed'] as const;

/**
 * The daily job: a reminder to the customer five days before an open quote expires (once), and
 * open quotes past their last valid day become expired (renewable as a new version), which the
 * customer is told (once per quote and validity: a renewed quote that expires again tells again).
 */
export async function expireAndRemindQuotes(db: Db, today = todayInAmsterdam()) {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(quotes)
      .set({ status: 'expired' })
      .where(and(inArray(quotes.status, OPEN), lt(quotes.validUntil, today)))
      .returning();
    for (const q of expired) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'quote.expired',
        subjectType: 'quote',
        subjectId: q.id,
        after: { validUntil: q.validUntil },
      });
      await emitEvent(tx, {
        type: 'quote.expired',
        subjectType: 'quote',
        subjectId: q.id,
        data: { number: q.number },
        audience: { partnerId: q.partnerId, customerId: q.customerId },
      });
    }
    for (const q of await quoteCustomers(
      tx,
      expired.map((e) => e.id),
    )) {
      const language = q.language ?? 'nl';
      await storeEmail(tx, {
        to: q.email,
        customerId: q.customerId,
        dedupeKey: `quote_expired:${q.id}:${q.validUntil}`,
        ...(await renderMessage(tx, {
          type: 'quote_expired',
          language,
          brand: q.entity,
          values: {
            customerName: q.name,
            quoteNumber: q.number,
            validUntil: language === 'nl' ? formatDutchDate(q.validUntil) : q.validUntil,
          },
        })),
      });
    }
    const due = await quotesDueForExpiryReminder(tx, {
      statuses: OPEN,
      validUntilAtMost: addDaysToDate(today, REMINDER_DAYS_BEFORE_EXPIRY),
    });
    for (const q of due) {
      const language = q.language ?? 'nl';
      await storeEmail(tx, {
        to: q.email,
        customerId: q.customerId,
        dedupeKey: `quote_expiry_reminder:${q.id}:${q.validUntil}`,
        ...(await renderMessage(tx, {
          type: 'quote_expiry_reminder',
          language,
          brand: q.entity,
          values: {
            customerName: q.name,
            quoteNumber: q.number,
            validUntil: language === 'nl' ? formatDutchDate(q.validUntil) : q.validUntil,
          },
        })),
      });
      await tx.update(quotes).set({ expiryReminderSentAt: new Date() }).where(eq(quotes.id, q.id));
    }
    return { expired: expired.length, reminded: due.length };
  });
}
