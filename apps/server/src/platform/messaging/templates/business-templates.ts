import { defineTemplate, optional, required } from './template-definition.ts';

/** Money, accounts, partners and suppliers: invoices, login links, webhook notices, purchase orders, tests. */
export const BUSINESS_TEMPLATES = {
  invoice_sent: defineTemplate({
    label: { nl: 'Factuur verstuurd', en: 'Invoice sent' },
    essential: true,
    variables: {
      payerName: required('Sanne de Vries'),
      invoiceNumber: required('F-2026-00123'),
      total: required({ nl: '€ 1.815,00', en: '€1,815.00' }),
      dueDate: required({ nl: '30 december 2026', en: '2026-12-30' }),
      orderNumber: optional('O-2026-00009'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Factuur {{invoiceNumber}} van {{brandName}}',
          body: 'Beste {{payerName}},\n\nIn de bijlage vindt u factuur {{invoiceNumber}} van {{total}}. Wij zien uw betaling graag uiterlijk {{dueDate}} tegemoet, onder vermelding van het factuurnummer.\n\nMet vriendelijke groet,\n{{brandName}}',
        },
        en: {
          subject: 'Invoice {{invoiceNumber}} from {{brandName}}',
          body: 'Dear {{payerName}},\n\nPlease find attached invoice {{invoiceNumber}} of {{total}}. We look forward to your payment by {{dueDate}}, quoting the invoice number.\n\nKind regards,\n{{brandName}}',
        },
      },
    },
  }),
  payment_reminder: defineTemplate({
    label: { nl: 'Betalingsherinnering', en: 'Payment reminder' },
    essential: true,
    variables: {
      payerName: required('Sanne de Vries'),
      reminder: required({ nl: '2e herinnering', en: 'Reminder 2' }),
      invoiceNumber: required('F-2026-00123'),
      issueDate: required({ nl: '1 november 2026', en: '2026-11-01' }),
      dueDate: required({ nl: '15 november 2026', en: '2026-11-15' }),
      daysOverdue: required('14'),
      openAmount: required({ nl: '€ 1.815,00', en: '€1,815.00' }),
      iban: required('NL91 ABNA 0417 1643 00'),
    },
    defaults: {
      email: {
        nl: {
          subject: '{{reminder}}: factuur {{invoiceNumber}}',
          body: '# Herinnering: openstaande factuur\n\nBeste {{payerName}},\n\nFactuur {{invoiceNumber}} van {{issueDate}} had op {{dueDate}} betaald moeten zijn; dat is {{daysOverdue}} dagen geleden. Er staat nog {{openAmount}} open.\n\nWilt u dit bedrag overmaken naar {{iban}} onder vermelding van {{invoiceNumber}}? Heeft u al betaald, dan kunt u deze herinnering als niet verzonden beschouwen.\n\nMet vriendelijke groet,\n{{brandName}}',
        },
        en: {
          subject: '{{reminder}}: invoice {{invoiceNumber}}',
          body: '# Reminder: invoice outstanding\n\nDear {{payerName}},\n\nInvoice {{invoiceNumber}} of {{issueDate}} was due on {{dueDate}}, {{daysOverdue}} days ago. {{openAmount}} is still outstanding.\n\nPlease transfer this amount to {{iban}}, quoting {{invoiceNumber}}. If you have paid already, please disregard this reminder.\n\nKind regards,\n{{brandName}}',
        },
      },
    },
  }),
  login_link: defineTemplate({
    label: { nl: 'Inloglink', en: 'Login link' },
    essential: true,
    variables: {
      name: required('Sanne de Vries'),
      minutes: required('15'),
      link: required('https://chargecars.nl/login/link?token=voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Uw inloglink voor {{brandName}}',
          body: 'Beste {{name}},\n\nMet deze link logt u in op uw klantportaal. De link werkt één keer en is {{minutes}} minuten geldig:\n\n{{link}}\n\nHeeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.\n\n{{brandName}}',
        },
        en: {
          subject: 'Your login link for {{brandName}}',
          body: 'Dear {{name}},\n\nThis link logs you in to your customer portal. It works once and is valid for {{minutes}} minutes:\n\n{{link}}\n\nDid you not ask for it? Then you can ignore this e-mail.\n\n{{brandName}}',
        },
      },
    },
  }),
  partner_notice: defineTemplate({
    label: { nl: 'Partnerbericht: webhook uitgeschakeld', en: 'Partner notice: webhook disabled' },
    essential: true,
    variables: {
      partnerName: required('Laadpunt Partners B.V.'),
      url: required('https://partner.example/webhooks'),
      reason: required({ nl: '20 mislukte pogingen op rij', en: '20 failed attempts in a row' }),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Webhook-endpoint uitgeschakeld: {{url}}',
          body: 'Beste {{partnerName}},\n\nWe hebben uw webhook-endpoint {{url}} uitgeschakeld. Reden: {{reason}}.\nU kunt het in het partnerportaal weer inschakelen en gemiste berichten opnieuw laten versturen.\n\n{{brandName}}',
        },
        en: {
          subject: 'Webhook endpoint disabled: {{url}}',
          body: 'Dear {{partnerName}},\n\nWe have disabled your webhook endpoint {{url}}. Reason: {{reason}}.\nYou can enable it again in the partner portal and have missed messages sent again.\n\n{{brandName}}',
        },
      },
    },
  }),
  purchase_order: defineTemplate({
    label: { nl: 'Inkooporder', en: 'Purchase order' },
    essential: true,
    variables: {
      supplierName: required('Groothandel Elektro B.V.'),
      poNumber: required('PO-2026-00004'),
      deliverBy: required({ nl: '18 december 2026', en: '2026-12-18' }),
      buyerName: required('ChargeCars'),
      buyerLegalName: required('ChargeCars B.V.'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Inkooporder {{poNumber}} van {{buyerName}}',
          body: 'Beste {{supplierName}},\n\nHierbij onze inkooporder {{poNumber}}. Gewenste levering: {{deliverBy}}.\nDe order is bijgevoegd als PDF en als UBL 2.1 Order. Vermeld het ordernummer op pakbon en factuur.\n\nMet vriendelijke groet,\n{{buyerLegalName}}, inkoop',
        },
        en: {
          subject: 'Purchase order {{poNumber}} from {{buyerName}}',
          body: 'Dear {{supplierName}},\n\nPlease find our purchase order {{poNumber}}. Delivery wanted: {{deliverBy}}.\nThe order is attached as a PDF and as a UBL 2.1 Order. Please state the order number on the packing slip and invoice.\n\nKind regards,\n{{buyerLegalName}}, purchasing',
        },
      },
    },
  }),
  test_message: defineTemplate({
    label: { nl: 'Testbericht', en: 'Test message' },
    essential: true,
    variables: { channel: required('email'), senderName: required('Anna Beheer') },
    defaults: {
      email: {
        nl: {
          subject: 'Testbericht van {{brandName}}',
          body: 'Dit is een testbericht via {{channel}}, verstuurd door {{senderName}}.',
        },
        en: {
          subject: 'Test message from {{brandName}}',
          body: 'This is a test message via {{channel}}, sent by {{senderName}}.',
        },
      },
      sms: {
        nl: { subject: '', body: 'Dit is een testbericht via {{channel}}, verstuurd door {{senderName}}.' },
        en: { subject: '', body: 'This is a test message via {{channel}}, sent by {{senderName}}.' },
      },
      whatsapp: {
        nl: { subject: '', body: 'Dit is een testbericht via {{channel}}, verstuurd door {{senderName}}.' },
        en: { subject: '', body: 'This is a test message via {{channel}}, sent by {{senderName}}.' },
      },
    },
  }),
};
