import { wording } from './wording.ts';

const VISIT = {
  survey: { nl: 'Schouw', en: 'Survey' },
  installation: { nl: 'Installatie', en: 'Installation' },
  meter_replacement: { nl: 'Meterkastwerk', en: 'Meter cabinet work' },
} as const;

const CHANNEL = {
  email: { nl: 'e-mail', en: 'e-mail' },
  sms: { nl: 'sms', en: 'text message' },
  whatsapp: { nl: 'WhatsApp', en: 'WhatsApp' },
} as const;

/** Entries the platform writes in a customer's contact history (what a person notes is kept as typed). */
export const CONTACT_SENTENCES = {
  'contact.lead_received': wording({ nl: () => 'Nieuwe lead ontvangen', en: () => 'New lead received' }),
  'contact.order_placed': wording({
    nl: (p: { order: string }) => `Order ${p.order} geplaatst`,
    en: (p) => `Order ${p.order} placed`,
  }),
  'contact.visit_done': wording({
    nl: (p: { type: keyof typeof VISIT; visit: string }) => `${VISIT[p.type].nl} uitgevoerd (${p.visit})`,
    en: (p) => `${VISIT[p.type].en} done (${p.visit})`,
  }),
  // A customer's reply: its first words, so the history reads without opening the message log.
  'contact.reply_received': wording({
    nl: (p: { channel: keyof typeof CHANNEL; excerpt: string }) =>
      `Antwoord per ${CHANNEL[p.channel].nl}: ${p.excerpt}`,
    en: (p) => `Reply by ${CHANNEL[p.channel].en}: ${p.excerpt}`,
  }),
};
