import { bye, defineTemplate, optional, required } from './template-definition.ts';

/** From lead to signed order: the intake, the quote's signing links and reminder, the order's confirmation. */
export const CUSTOMER_JOURNEY_TEMPLATES = {
  intake_invitation: defineTemplate({
    label: { nl: 'Intake-uitnodiging', en: 'Intake invitation' },
    essential: true,
    variables: {
      firstName: required('Sanne'),
      leadNumber: required('L-2026-00042'),
      link: required('https://chargecars.nl/intake/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Een paar vragen over uw laadpaal ({{leadNumber}})',
          body: `Beste {{firstName}},\n\nBedankt voor uw aanvraag. Met een paar vragen over uw meterkast en parkeerplek kunnen we u snel een passende offerte sturen:\n{{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: 'A few questions about your charger ({{leadNumber}})',
          body: `Dear {{firstName}},\n\nThank you for your request. A few questions about your meter cupboard and parking space let us send you a fitting quote soon:\n{{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
  intake_reminder: defineTemplate({
    label: { nl: 'Intake-herinnering', en: 'Intake reminder' },
    essential: false,
    variables: {
      firstName: required('Sanne'),
      leadNumber: required('L-2026-00042'),
      link: required('https://chargecars.nl/intake/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Herinnering: een paar vragen over uw laadpaal ({{leadNumber}})',
          body: `Beste {{firstName}},\n\nBedankt voor uw aanvraag. Met een paar vragen over uw meterkast en parkeerplek kunnen we u snel een passende offerte sturen:\n{{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: 'Reminder: a few questions about your charger ({{leadNumber}})',
          body: `Dear {{firstName}},\n\nThank you for your request. A few questions about your meter cupboard and parking space let us send you a fitting quote soon:\n{{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
  signing_link: defineTemplate({
    label: { nl: 'Ondertekenlink', en: 'Signing link' },
    essential: true,
    variables: {
      signerName: required('Sanne de Vries'),
      quoteNumber: required('Q-2026-00017'),
      version: required('2'),
      part: required({ nl: 'uw deel', en: 'your part' }),
      validUntil: required({ nl: '20 december 2026', en: '2026-12-20' }),
      link: required('https://chargecars.nl/sign/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: '{{brandName}}: offerte {{quoteNumber}} ter ondertekening',
          body: `Beste {{signerName}},\n\nOfferte {{quoteNumber}} (versie {{version}}) staat klaar. U ondertekent {{part}} via deze link, geldig tot en met {{validUntil}}:\n{{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: '{{brandName}}: quote {{quoteNumber}} to sign',
          body: `Dear {{signerName}},\n\nQuote {{quoteNumber}} (version {{version}}) is ready. You sign {{part}} with this link, valid up to and including {{validUntil}}:\n{{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
  quote_expiry_reminder: defineTemplate({
    label: { nl: 'Offerte verloopt binnenkort', en: 'Quote expires soon' },
    essential: false,
    variables: {
      customerName: required('Sanne de Vries'),
      quoteNumber: required('Q-2026-00017'),
      validUntil: required({ nl: '20 december 2026', en: '2026-12-20' }),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Herinnering: offerte {{quoteNumber}} verloopt op {{validUntil}}',
          body: `Beste {{customerName}},\n\nUw offerte {{quoteNumber}} is geldig tot en met {{validUntil}}. Gebruik de ondertekenlink uit onze eerdere e-mail om te tekenen.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Reminder: quote {{quoteNumber}} expires on {{validUntil}}',
          body: `Dear {{customerName}},\n\nYour quote {{quoteNumber}} is valid up to and including {{validUntil}}. Use the signing link from our earlier e-mail to sign.\n\n${bye.en}`,
        },
      },
    },
  }),
  quote_expired: defineTemplate({
    label: { nl: 'Offerte verlopen', en: 'Quote expired' },
    essential: false,
    variables: {
      customerName: required('Sanne de Vries'),
      quoteNumber: required('Q-2026-00017'),
      validUntil: required({ nl: '20 december 2026', en: '2026-12-20' }),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Offerte {{quoteNumber}} is verlopen',
          body: `Beste {{customerName}},\n\nUw offerte {{quoteNumber}} was geldig tot en met {{validUntil}} en is nu verlopen; de ondertekenlink werkt niet meer. Wilt u toch verder? Beantwoord deze e-mail of neem contact met ons op, dan sturen wij u een nieuwe versie met de actuele prijzen.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Quote {{quoteNumber}} has expired',
          body: `Dear {{customerName}},\n\nYour quote {{quoteNumber}} was valid up to and including {{validUntil}} and has now expired; the signing link no longer works. Would you still like to go ahead? Reply to this e-mail or contact us, and we will send you a new version with current prices.\n\n${bye.en}`,
        },
      },
    },
  }),
  order_confirmation: defineTemplate({
    label: { nl: 'Orderbevestiging', en: 'Order confirmation' },
    essential: true,
    variables: {
      customerName: required('Sanne de Vries'),
      orderNumber: required('O-2026-00009'),
      quoteNumber: optional('Q-2026-00017'),
      link: required('https://chargecars.nl/portal'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Bevestiging van uw order {{orderNumber}}',
          body: `# Bedankt voor uw opdracht\n\nBeste {{customerName}},\n\nWij hebben uw order {{orderNumber}} ontvangen. Wij plannen de bezoeken en laten u de datum weten. In uw klantportaal volgt u de order:\n{{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: 'Confirmation of your order {{orderNumber}}',
          body: `# Thank you for your order\n\nDear {{customerName}},\n\nWe have received your order {{orderNumber}}. We will plan the visits and let you know the date. You can follow the order in your customer portal:\n{{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
};
