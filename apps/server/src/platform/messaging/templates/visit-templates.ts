import { bye, defineTemplate, required, requiredInEmail } from './template-definition.ts';

const visit = {
  customerName: requiredInEmail('Sanne de Vries'),
  visitNumber: requiredInEmail('V-2026-00031'),
  orderNumber: requiredInEmail('O-2026-00009'),
  date: required({ nl: '20 december 2026', en: '2026-12-20' }),
  from: required('8:00'),
  to: required('12:00'),
  work: requiredInEmail({ nl: 'de installatie', en: 'the installation' }),
  address: required('Dorpsstraat 12, 3511 AB Utrecht'),
};
const when = {
  nl: 'Op {{date}} tussen {{from}} en {{to}} uur komt onze monteur voor {{work}} (order {{orderNumber}}).',
  en: 'On {{date}} between {{from}} and {{to}} our technician comes for {{work}} (order {{orderNumber}}).',
};

/** The customer's appointments and what follows a visit: the report and the survey. */
export const VISIT_TEMPLATES = {
  visit_reminder: defineTemplate({
    label: { nl: 'Herinnering bezoek', en: 'Visit reminder' },
    essential: true,
    variables: visit,
    defaults: {
      email: {
        nl: {
          subject: 'Herinnering: wij komen {{date}} ({{visitNumber}})',
          body: `# Wij komen bij u langs\n\nBeste {{customerName}},\n\n${when.nl}\n\nAdres: {{address}}\n\nDe afspraak zit als agenda-item bij deze e-mail.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Reminder: we visit you on {{date}} ({{visitNumber}})',
          body: `# We are coming to see you\n\nDear {{customerName}},\n\n${when.en}\n\nAddress: {{address}}\n\nThe appointment is attached as a calendar item.\n\n${bye.en}`,
        },
      },
      sms: {
        nl: { subject: '', body: '{{brandName}}: wij komen {{date}} tussen {{from}} en {{to}} uur, {{address}}.' },
        en: { subject: '', body: '{{brandName}}: we visit you on {{date}} between {{from}} and {{to}}, {{address}}.' },
      },
    },
  }),
  visit_planned: defineTemplate({
    label: { nl: 'Afspraak bezoek', en: 'Visit planned' },
    essential: true,
    variables: visit,
    defaults: {
      email: {
        nl: {
          subject: 'Uw afspraak: {{date}} ({{visitNumber}})',
          body: `# Uw afspraak staat\n\nBeste {{customerName}},\n\n${when.nl}\n\nAdres: {{address}}\n\nDe afspraak zit als agenda-item bij deze e-mail. Past het niet? Neem dan contact met ons op.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Your appointment: {{date}} ({{visitNumber}})',
          body: `# Your appointment is set\n\nDear {{customerName}},\n\n${when.en}\n\nAddress: {{address}}\n\nThe appointment is attached as a calendar item. Does it not suit you? Please contact us.\n\n${bye.en}`,
        },
      },
    },
  }),
  visit_moved: defineTemplate({
    label: { nl: 'Afspraak verplaatst', en: 'Visit moved' },
    essential: true,
    variables: visit,
    defaults: {
      email: {
        nl: {
          subject: 'Uw afspraak is verplaatst naar {{date}} ({{visitNumber}})',
          body: `# Uw afspraak is verplaatst\n\nBeste {{customerName}},\n\nWij hebben uw afspraak moeten verplaatsen. Excuses voor het ongemak.\n\n${when.nl}\n\nAdres: {{address}}\n\nDe afspraak zit als agenda-item bij deze e-mail. Past het niet? Neem dan contact met ons op.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Your appointment moved to {{date}} ({{visitNumber}})',
          body: `# Your appointment has moved\n\nDear {{customerName}},\n\nWe had to move your appointment. We apologise for the inconvenience.\n\n${when.en}\n\nAddress: {{address}}\n\nThe appointment is attached as a calendar item. Does it not suit you? Please contact us.\n\n${bye.en}`,
        },
      },
    },
  }),
  visit_cancelled: defineTemplate({
    label: { nl: 'Afspraak vervalt', en: 'Visit cancelled' },
    essential: true,
    variables: {
      customerName: visit.customerName,
      visitNumber: visit.visitNumber,
      date: visit.date,
    },
    defaults: {
      email: {
        nl: {
          subject: 'Uw afspraak van {{date}} gaat niet door ({{visitNumber}})',
          body: `# Uw afspraak gaat niet door\n\nBeste {{customerName}},\n\nHelaas kunnen wij op {{date}} niet bij u langskomen. Wij plannen een nieuwe afspraak en laten u die zo snel mogelijk weten.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Your appointment on {{date}} is cancelled ({{visitNumber}})',
          body: `# Your appointment is cancelled\n\nDear {{customerName}},\n\nUnfortunately we cannot come on {{date}}. We will plan a new appointment and let you know as soon as we can.\n\n${bye.en}`,
        },
      },
    },
  }),
  technician_on_the_way: defineTemplate({
    label: { nl: 'Monteur onderweg', en: 'Technician on the way' },
    essential: false,
    variables: {
      customerName: visit.customerName,
      visitNumber: visit.visitNumber,
      work: visit.work,
      address: visit.address,
      arrival: required({ nl: 'rond 10:35 uur', en: 'around 10:35' }),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Onze monteur is onderweg ({{visitNumber}})',
          body: `# Onze monteur is onderweg\n\nBeste {{customerName}},\n\nOnze monteur is nu onderweg naar {{address}} voor {{work}}. Verwachte aankomst: {{arrival}}.\n\n${bye.nl}`,
        },
        en: {
          subject: 'Our technician is on the way ({{visitNumber}})',
          body: `# Our technician is on the way\n\nDear {{customerName}},\n\nOur technician is now on the way to {{address}} for {{work}}. Expected arrival: {{arrival}}.\n\n${bye.en}`,
        },
      },
      sms: {
        nl: {
          subject: '',
          body: '{{brandName}}: onze monteur is onderweg naar {{address}}. Verwachte aankomst: {{arrival}}.',
        },
        en: {
          subject: '',
          body: '{{brandName}}: our technician is on the way to {{address}}. Expected arrival: {{arrival}}.',
        },
      },
      whatsapp: {
        nl: {
          subject: '',
          body: '{{brandName}}: onze monteur is onderweg naar {{address}}. Verwachte aankomst: {{arrival}}.',
        },
        en: {
          subject: '',
          body: '{{brandName}}: our technician is on the way to {{address}}. Expected arrival: {{arrival}}.',
        },
      },
    },
  }),
  installation_report: defineTemplate({
    label: { nl: 'Installatierapport', en: 'Installation report' },
    essential: true,
    variables: {
      customerName: visit.customerName,
      visitNumber: visit.visitNumber,
      address: visit.address,
      link: required('https://chargecars.nl/api/visits/voorbeeld/installation-report'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Installatierapport {{visitNumber}}',
          body: `Beste {{customerName}},\n\nVandaag is het werk aan {{address}} afgerond.\nIn het installatierapport vindt u de controles, metingen, foto’s en serienummers.\nU kunt het downloaden in uw klantportaal: {{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: 'Installation report {{visitNumber}}',
          body: `Dear {{customerName}},\n\nToday the work at {{address}} was finished.\nThe installation report holds the checks, measurements, photos and serial numbers.\nYou can download it in your customer portal: {{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
  satisfaction_survey: defineTemplate({
    label: { nl: 'Tevredenheidsonderzoek', en: 'Satisfaction survey' },
    essential: false,
    variables: {
      customerName: visit.customerName,
      visitNumber: visit.visitNumber,
      work: visit.work,
      link: required('https://chargecars.nl/survey/voorbeeld'),
    },
    defaults: {
      email: {
        nl: {
          subject: 'Hoe was ons bezoek? ({{visitNumber}})',
          body: `# Hoe tevreden bent u?\n\nBeste {{customerName}},\n\nOnze monteur is klaar met {{work}}. Wij horen graag hoe het ging. Geef ons een cijfer van 1 tot 10 en, als u wilt, wat beter kan:\n{{link}}\n\n${bye.nl}`,
        },
        en: {
          subject: 'How was our visit? ({{visitNumber}})',
          body: `# How satisfied are you?\n\nDear {{customerName}},\n\nOur technician has finished {{work}}. We would like to hear how it went. Give us a score from 1 to 10 and, if you like, what we could do better:\n{{link}}\n\n${bye.en}`,
        },
      },
    },
  }),
};
