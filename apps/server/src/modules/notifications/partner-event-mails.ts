import type { DbOrTx } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { messageBrandsById } from '../../read-models/message-brands.ts';
import { leadForPartnerMail, orderForPartnerMail } from '../../read-models/partner-event-mail.ts';
import { mailSettingsOf } from '../partners/index.ts';

const portal = (publicUrl: string, path: string) => `${publicUrl.replace(/\/$/, '')}/partner/${path}`;

/**
 * A partner that asked for it hears by mail, besides its webhooks, that its lead was qualified or that an
 * order was made for it: at its contact's address, in its contact's language, with the brand of the lead or
 * order. Once each (its dedupe key), however often the event comes.
 */
export async function mailPartnerOfEvent(
  db: DbOrTx,
  event: RelayedEvent<'lead.qualified' | 'order.created'>,
  publicUrl: string,
) {
  const lead = event.type === 'lead.qualified';
  const subject = lead ? await leadForPartnerMail(db, event.subjectId) : await orderForPartnerMail(db, event.subjectId);
  if (!subject?.partnerId) return;
  const settings = await mailSettingsOf(db, subject.partnerId);
  if (!settings || !(lead ? settings.leadQualified : settings.orderCreated)) return;
  const brand = (await messageBrandsById(db, [subject.entityId])).get(subject.entityId)!;
  const common = {
    partnerName: subject.partnerName,
    customerName: subject.customerName,
    reference: event.data.partnerReference ?? '—',
  };
  await storeEmail(db, {
    to: settings.email,
    dedupeKey: `${lead ? 'partner_lead_qualified' : 'partner_order_created'}:${event.subjectId}`,
    ...(lead
      ? await renderMessage(db, {
          type: 'partner_lead_qualified',
          language: settings.language,
          brand,
          values: { ...common, leadNumber: subject.number, link: portal(publicUrl, `leads/${event.subjectId}`) },
        })
      : await renderMessage(db, {
          type: 'partner_order_created',
          language: settings.language,
          brand,
          values: { ...common, orderNumber: subject.number, link: portal(publicUrl, `orders/${event.subjectId}`) },
        })),
  });
}
