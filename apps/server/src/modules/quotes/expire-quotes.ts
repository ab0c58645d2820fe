import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { storeEmail } from '../../platform/mail.ts';
import { quotesDueForExpiryReminder } from '../../read-models/quote-parties.ts';
import { quotes } from './quotes.schema.ts';
import { addDaysToDate, formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';

export const REMINDER_DAYS_BEFORE_EXPIRY = 5;
const OPEN = ['sent', 'partially_signed'] as const;

/**
 * The daily job: a reminder to the customer five days before an open quote expires (once), and
 * open quotes past their last valid day become expired (renewable as a new version).
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
    const due = await quotesDueForExpiryReminder(tx, {
      statuses: OPEN,
      validUntilAtMost: addDaysToDate(today, REMINDER_DAYS_BEFORE_EXPIRY),
    });
    for (const q of due) {
      await storeEmail(tx, {
        to: q.email,
        messageType: 'quote_expiry_reminder',
        dedupeKey: `quote_expiry_reminder:${q.id}:${q.validUntil}`,
        subject: `Herinnering: offerte ${q.number} verloopt op ${formatDutchDate(q.validUntil)}`,
        bodyText: `Beste ${q.name},\n\nUw offerte ${q.number} is geldig tot en met ${formatDutchDate(q.validUntil)}. Gebruik de ondertekenlink uit onze eerdere e-mail om te tekenen.\n\nMet vriendelijke groet,\nChargeCars`,
      });
      await tx.update(quotes).set({ expiryReminderSentAt: new Date() }).where(eq(quotes.id, q.id));
    }
    return { expired: expired.length, reminded: due.length };
  });
}
