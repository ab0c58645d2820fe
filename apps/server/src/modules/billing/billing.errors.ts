import { AppError } from '../../platform/errors.ts';

const euros = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u00a0/g, ' ');

// A stage as the portals name it (their nl and en texts), so a refusal never shows an internal code.
const STAGE_NAMES: Record<string, [nl: string, en: string]> = {
  new: ['Nieuw', 'New'],
  materials: ['Materiaal', 'Materials'],
  scheduled: ['Ingepland', 'Scheduled'],
  in_progress: ['In uitvoering', 'In progress'],
  on_hold: ['On hold', 'On hold'],
  cancelled: ['Geannuleerd', 'Cancelled'],
};

export const billingErrors = {
  nothingToInvoice: () =>
    new AppError(409, 'nothing_to_invoice', 'Er zijn geen openstaande regels om te factureren', undefined, {
      message: 'There are no open lines to invoice',
    }),
  /** The order's lines are all on invoices already: invoicing it again would bill them twice. */
  alreadyInvoiced: (numbers: readonly string[]) =>
    new AppError(
      409,
      'order_already_invoiced',
      `Deze order is al gefactureerd (${numbers.join(', ')}); er is niets meer te factureren`,
      undefined,
      { message: `This order has already been invoiced (${numbers.join(', ')}); nothing is left to invoice` },
    ),
  orderNotComplete: (stage: string) => {
    const [nl, en] = STAGE_NAMES[stage] ?? [stage, stage];
    return new AppError(
      409,
      'order_not_complete',
      `Een order in fase "${nl}" kan nog niet worden gefactureerd; dat kan zodra hij is uitgevoerd`,
      undefined,
      { message: `An order in stage "${en}" cannot be invoiced yet; it can once it is completed` },
    );
  },
  paymentTooLarge: (openCents: number) =>
    new AppError(
      422,
      'payment_exceeds_open_amount',
      `Het bedrag is hoger dan wat nog openstaat (${euros(openCents, 'nl-NL')})`,
      [{ field: 'amountCents', message: 'hoger dan het openstaande bedrag' }],
      {
        message: `The amount is more than what is still open (${euros(openCents, 'en-GB')})`,
        errors: { amountCents: 'more than the open amount' },
      },
    ),
  notPayable: (status: string) =>
    new AppError(
      409,
      'invoice_not_payable',
      `Op een factuur met status ${status} kan geen betaling worden geboekt`,
      undefined,
      { message: `No payment can be recorded on an invoice with status ${status}` },
    ),
  reverseChargeNotAllowed: () =>
    new AppError(
      422,
      'reverse_charge_not_allowed',
      'Btw verleggen kan alleen naar een installatiebedrijf (B2BContractor) met een geldig btw-nummer; vul het btw-nummer van de partner in, of reken de regels met btw',
      [{ field: 'vatNumber', message: 'de afnemer heeft geen geldig btw-nummer voor verlegde btw' }],
      {
        message:
          "VAT can only be reverse-charged to an installer (B2BContractor) with a valid VAT number; enter the partner's VAT number, or charge the lines with VAT",
        errors: { vatNumber: 'the buyer has no valid VAT number for reverse charge' },
      },
    ),
  notCreditable: () =>
    new AppError(
      409,
      'invoice_not_creditable',
      'Deze factuur is al volledig gecrediteerd, geannuleerd of is zelf een creditnota',
      undefined,
      { message: 'This invoice has already been credited in full, is cancelled, or is itself a credit note' },
    ),
  /** A credit note may take back at most what the invoice line still holds (its quantity less earlier credit notes). */
  creditExceedsInvoice: (position: number, creditableQuantity: number) =>
    new AppError(
      422,
      'credit_exceeds_invoice',
      `Regel ${position} kan nog voor ten hoogste ${creditableQuantity.toLocaleString('nl-NL')} stuks worden gecrediteerd`,
      [{ field: 'lines', message: `regel ${position}: meer dan er nog te crediteren is` }],
      {
        message: `Line ${position} can be credited for at most ${creditableQuantity.toLocaleString('en-GB')} more`,
        errors: { lines: `line ${position}: more than is left to credit` },
      },
    ),
  unknownLine: (position: number) =>
    new AppError(
      422,
      'unknown_invoice_line',
      `De factuur heeft geen regel ${position}`,
      [{ field: 'lines', message: `regel ${position} bestaat niet` }],
      { message: `The invoice has no line ${position}`, errors: { lines: `line ${position} does not exist` } },
    ),
};
