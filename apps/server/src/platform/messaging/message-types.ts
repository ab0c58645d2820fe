/**
 * The kinds of message the platform sends. Essential ones go even to a customer who opted out of the rest
 * (a login link, a signing link, the visit itself); the rest are left out for them, and the log says why.
 */
export const MESSAGE_TYPES = {
  general: { essential: true, nl: 'Bericht' },
  login_link: { essential: true, nl: 'Inloglink' },
  signing_link: { essential: true, nl: 'Ondertekenlink' },
  intake_invitation: { essential: true, nl: 'Intake-uitnodiging' },
  intake_reminder: { essential: false, nl: 'Intake-herinnering' },
  quote_expiry_reminder: { essential: false, nl: 'Offerte verloopt binnenkort' },
  visit_reminder: { essential: true, nl: 'Herinnering bezoek' },
  visit_planned: { essential: true, nl: 'Afspraak bezoek' },
  visit_cancelled: { essential: true, nl: 'Afspraak vervalt' },
  payment_reminder: { essential: true, nl: 'Betalingsherinnering' },
  partner_notice: { essential: true, nl: 'Partnerbericht' },
  test_message: { essential: true, nl: 'Testbericht' },
} as const;
export type MessageType = keyof typeof MESSAGE_TYPES;
export const isEssential = (type: string) => MESSAGE_TYPES[type as MessageType]?.essential ?? true;
