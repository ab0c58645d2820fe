import { defineTemplate, required } from './template-definition.ts';

const greet = { nl: 'Beste {{partnerName}},', en: 'Dear {{partnerName}},' };
const sign = { nl: 'Met vriendelijke groet,\n{{brandName}}', en: 'Kind regards,\n{{brandName}}' };

/**
 * What a partner that asked for them gets by mail besides its webhooks (partner portal, E-mailmeldingen): its
 * lead qualified, an order made for it. `reference` is the partner's own reference, "—" when it gave none.
 */
export const PARTNER_TEMPLATES = {
  partner_lead_qualified: defineTemplate({
    label: { nl: 'Partnermelding: lead gekwalificeerd', en: 'Partner notice: lead qualified' },
    essential: false,
    variables: {
      partnerName: required('Laadpunt Partners B.V.'),
      leadNumber: required('L-2026-00042'),
      reference: required('LP-7781'),
      customerName: required('Sanne de Vries'),
      link: required('https://chargecars.nl/partner/leads/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Lead {{leadNumber}} is gekwalificeerd',
          body: `${greet.nl}\n\nUw lead {{leadNumber}} voor {{customerName}} (uw referentie: {{reference}}) is gekwalificeerd. Wij stellen de offerte op; u volgt de lead in het partnerportaal:\n{{link}}\n\n${sign.nl}`,
        },
        en: {
          subject: 'Lead {{leadNumber}} has been qualified',
          body: `${greet.en}\n\nYour lead {{leadNumber}} for {{customerName}} (your reference: {{reference}}) has been qualified. We are preparing the quote; you can follow the lead in the partner portal:\n{{link}}\n\n${sign.en}`,
        },
      },
    },
  }),
  partner_order_created: defineTemplate({
    label: { nl: 'Partnermelding: order aangemaakt', en: 'Partner notice: order created' },
    essential: false,
    variables: {
      partnerName: required('Laadpunt Partners B.V.'),
      orderNumber: required('O-2026-00009'),
      reference: required('LP-7781'),
      customerName: required('Sanne de Vries'),
      link: required('https://chargecars.nl/partner/orders/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Nieuwe order {{orderNumber}} voor {{customerName}}',
          body: `${greet.nl}\n\nVoor {{customerName}} is order {{orderNumber}} aangemaakt (uw referentie: {{reference}}). Wij plannen de bezoeken; u volgt de order in het partnerportaal:\n{{link}}\n\n${sign.nl}`,
        },
        en: {
          subject: 'New order {{orderNumber}} for {{customerName}}',
          body: `${greet.en}\n\nOrder {{orderNumber}} has been created for {{customerName}} (your reference: {{reference}}). We will plan the visits; you can follow the order in the partner portal:\n{{link}}\n\n${sign.en}`,
        },
      },
    },
  }),
};
