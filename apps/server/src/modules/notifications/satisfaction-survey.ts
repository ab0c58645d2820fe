import type { DbOrTx } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { visitAsCustomerSeesIt } from '../../read-models/visit-reminders.ts';
import { visitWork } from './visit-reminders.ts';

/**
 * After the installation (not the site survey, which leads to a quote rather than to finished work) the
 * customer is asked how it went; the answer comes back as a reply to the brand's address. Once per visit,
 * and not to a customer who opted out of non-essential messages (the sender skips it and logs why).
 */
export async function askCustomerSatisfaction(db: DbOrTx, event: RelayedEvent<'visit.completed'>) {
  const v = await visitAsCustomerSeesIt(db, event.subjectId);
  if (!v?.email || v.type === 'survey' || v.status !== 'completed') return;
  const language = v.language ?? 'nl';
  await storeEmail(db, {
    to: v.email,
    customerId: v.customerId,
    dedupeKey: `satisfaction_survey:${v.id}`,
    ...(await renderMessage(db, {
      type: 'satisfaction_survey',
      language,
      brand: v.entity,
      values: { customerName: v.customerName, visitNumber: v.number, work: visitWork(v, language) },
    })),
  });
}
