import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { visitAsCustomerSeesIt } from '../../read-models/visit-reminders.ts';
import { satisfactionSurveys } from './notifications.schema.ts';
import { visitWork } from './visit-reminders.ts';

export const surveyUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/survey/${token}`;

/**
 * After the installation (not the site survey, which leads to a quote rather than to finished work) the
 * customer is asked how it went, with a link to answer by (its token is in the mail only; the survey keeps
 * its hash). Once per visit: the survey row and the mail are made in one transaction, and a visit asked
 * before is not asked again. A customer who opted out of non-essential messages is skipped by the sender,
 * which logs why.
 */
export async function askCustomerSatisfaction(db: Db, event: RelayedEvent<'visit.completed'>, publicUrl: string) {
  const v = await visitAsCustomerSeesIt(db, event.subjectId);
  if (!v?.email || v.type === 'survey' || v.status !== 'completed') return;
  const language = v.language ?? 'nl';
  const token = newToken();
  await db.transaction(async (tx) => {
    const [asked] = await tx
      .insert(satisfactionSurveys)
      .values({ visitId: v.id, tokenHash: hashToken(token) })
      .onConflictDoNothing({ target: satisfactionSurveys.visitId })
      .returning({ visitId: satisfactionSurveys.visitId });
    if (!asked) return;
    await storeEmail(tx, {
      to: v.email,
      customerId: v.customerId,
      dedupeKey: `satisfaction_survey:${v.id}`,
      ...(await renderMessage(tx, {
        type: 'satisfaction_survey',
        language,
        brand: v.entity,
        values: {
          customerName: v.customerName,
          visitNumber: v.number,
          work: visitWork(v, language),
          link: surveyUrl(publicUrl, token),
        },
      })),
    });
  });
}
