import type { Role } from '../../platform/auth/auth.schema.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { formatDutchDate } from '../../platform/calendar.ts';
import { formatEuro } from '../../platform/money.ts';

type Language = 'nl' | 'en';
/** Who hears of an event: staff by role, or the users of the event's partner or customer. */
export type Recipients = { roles: readonly Role[] } | { partnerId: string } | { customerId: string };
/** One notice of an event to a group of users: its text in each language and the page of their portal. */
export type Notice = {
  to: Recipients;
  link: string;
  text: Record<Language, { title: string; body: string }>;
};

/** The event types that notify someone; the subscriber listens to exactly these. */
export const NOTIFYING_EVENTS = [
  'visit.scheduled',
  'visit.unplanned',
  'lead.qualified',
  'lead.converted',
  'lead.sla_breached',
  'order.created',
  'quote.sent',
  'invoice.issued',
  'invoice.paid',
  'customer.replied',
] as const;
export type NotifyingEvent = RelayedEvent<(typeof NOTIFYING_EVENTS)[number]>;

const partnerOf = (e: NotifyingEvent) => (e.audience.partnerId ? { partnerId: e.audience.partnerId } : null);
const customerOf = (e: NotifyingEvent) => (e.audience.customerId ? { customerId: e.audience.customerId } : null);

/**
 * What each event tells whom: staff hear of what needs them (a planner of a visit taken off the planning,
 * operations of a lead past its SLA, of a payment and of a reply to one of our messages), a partner of its own leads and orders, a customer of
 * their quote, visit and invoice. A notice whose partner or customer the event does not name is left out.
 */
export function noticesOf(e: NotifyingEvent): Notice[] {
  const notices: Notice[] = [];
  const add = (to: Recipients | null, link: string, text: Notice['text']) => {
    if (to) notices.push({ to, link, text });
  };
  switch (e.type) {
    case 'visit.scheduled': {
      const d = e.data;
      add(partnerOf(e), `/partner/orders/${d.orderId}`, {
        nl: {
          title: `Order ${d.orderNumber} ingepland`,
          body: `Bezoek ${d.number} is gepland op ${formatDutchDate(d.date)}.`,
        },
        en: { title: `Order ${d.orderNumber} planned`, body: `Visit ${d.number} is planned on ${d.date}.` },
      });
      add(customerOf(e), '/customer', {
        nl: {
          title: 'Uw bezoek is ingepland',
          body: `Wij komen op ${formatDutchDate(d.date)} (${d.block === 'morning' ? '08:00-12:00' : '12:00-17:00'}).`,
        },
        en: {
          title: 'Your visit is planned',
          body: `We come on ${d.date} (${d.block === 'morning' ? '08:00-12:00' : '12:00-17:00'}).`,
        },
      });
      break;
    }
    case 'visit.unplanned': {
      const d = e.data;
      add({ roles: ['planner'] }, '/ops/planning', {
        nl: {
          title: `Bezoek ${d.number} moet opnieuw gepland`,
          body: `Het bezoek van order ${d.orderNumber} is van de planning gehaald.`,
        },
        en: {
          title: `Visit ${d.number} needs planning again`,
          body: `The visit of order ${d.orderNumber} was taken off the planning.`,
        },
      });
      add(customerOf(e), '/customer', {
        nl: { title: 'Uw afspraak vervalt', body: 'Wij plannen het bezoek opnieuw en laten u de nieuwe datum weten.' },
        en: {
          title: 'Your appointment is cancelled',
          body: 'We will plan the visit again and let you know the new date.',
        },
      });
      break;
    }
    case 'lead.qualified':
    case 'lead.converted': {
      const d = e.data;
      const ref = d.partnerReference ? ` (${d.partnerReference})` : '';
      const converted = e.type === 'lead.converted';
      add(partnerOf(e), `/partner/leads/${d.leadId}`, {
        nl: {
          title: converted ? `Lead ${d.number} is een order geworden` : `Lead ${d.number} gekwalificeerd`,
          body: converted
            ? `De offerte van uw lead${ref} is ondertekend.`
            : `Uw lead${ref} is goedgekeurd; er volgt een offerte.`,
        },
        en: {
          title: converted ? `Lead ${d.number} became an order` : `Lead ${d.number} qualified`,
          body: converted
            ? `The quote of your lead${ref} was signed.`
            : `Your lead${ref} was accepted; a quote follows.`,
        },
      });
      break;
    }
    case 'lead.sla_breached': {
      const d = e.data;
      const failed = d.reason === 'pipeline_failed';
      add({ roles: ['operations'] }, `/ops/leads/${d.leadId}`, {
        nl: {
          title: `Lead ${d.number} vraagt aandacht`,
          body: failed ? 'De automatische verwerking liep vast.' : 'De lead wacht langer dan de afgesproken termijn.',
        },
        en: {
          title: `Lead ${d.number} needs attention`,
          body: failed ? 'Automatic processing failed.' : 'The lead has waited past its SLA.',
        },
      });
      break;
    }
    case 'order.created': {
      const d = e.data;
      const ref = d.partnerReference ? ` (${d.partnerReference})` : '';
      add(partnerOf(e), `/partner/orders/${d.orderId}`, {
        nl: {
          title: `Nieuwe order ${d.number}`,
          body: d.quoteNumber ? `Offerte ${d.quoteNumber} is ondertekend.` : `Uw order${ref} is aangemaakt.`,
        },
        en: {
          title: `New order ${d.number}`,
          body: d.quoteNumber ? `Quote ${d.quoteNumber} was signed.` : `Your order${ref} was created.`,
        },
      });
      break;
    }
    case 'quote.sent': {
      const d = e.data;
      add(customerOf(e), `/customer/quotes/${e.subjectId}`, {
        nl: { title: `Uw offerte ${d.number} staat klaar`, body: 'U kunt de offerte nu bekijken en ondertekenen.' },
        en: { title: `Your quote ${d.number} is ready`, body: 'You can now review and sign the quote.' },
      });
      add(partnerOf(e), `/partner/quotes/${e.subjectId}`, {
        nl: { title: `Offerte ${d.number} verstuurd`, body: 'Uw deel van de offerte staat klaar om te ondertekenen.' },
        en: { title: `Quote ${d.number} sent`, body: 'Your part of the quote is ready to sign.' },
      });
      break;
    }
    case 'invoice.issued': {
      const d = e.data;
      const payer = d.payer === 'partner' ? partnerOf(e) : customerOf(e);
      const amount = (l: Language) => formatEuro(d.totalCents, l);
      add(payer, d.payer === 'partner' ? '/partner/invoices' : '/customer/invoices', {
        nl: { title: `Factuur ${d.number}`, body: `Er staat een factuur van ${amount('nl')} voor u klaar.` },
        en: { title: `Invoice ${d.number}`, body: `An invoice of ${amount('en')} is ready for you.` },
      });
      break;
    }
    case 'invoice.paid': {
      const d = e.data;
      add({ roles: ['operations'] }, `/ops/invoices/${e.subjectId}`, {
        nl: {
          title: `Factuur ${d.number} betaald`,
          body: `Er is in totaal ${formatEuro(d.paidCents, 'nl')} ontvangen.`,
        },
        en: { title: `Invoice ${d.number} paid`, body: `${formatEuro(d.paidCents, 'en')} received in total.` },
      });
      break;
    }
    case 'customer.replied': {
      const d = e.data;
      const channel = { email: ['e-mail', 'e-mail'], sms: ['sms', 'SMS'], whatsapp: ['WhatsApp', 'WhatsApp'] }[
        d.channel
      ];
      // A known customer's page shows the reply with their history; an unknown sender is found in the log.
      const link = d.customerId ? `/ops/customers/${d.customerId}` : '/ops/communication?direction=inbound';
      add({ roles: ['operations'] }, link, {
        nl: { title: `Antwoord per ${channel[0]} van ${d.from}`, body: d.excerpt },
        en: { title: `Reply by ${channel[1]} from ${d.from}`, body: d.excerpt },
      });
      break;
    }
  }
  return notices;
}
