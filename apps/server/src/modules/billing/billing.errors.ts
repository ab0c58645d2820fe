import { AppError } from '../../platform/errors.ts';

export const billingErrors = {
  nothingToInvoice: () => new AppError(409, 'nothing_to_invoice', 'Er zijn geen openstaande regels om te factureren'),
  orderNotComplete: (stage: string) =>
    new AppError(409, 'order_not_complete', `Een order in fase ${stage} kan nog niet worden gefactureerd`),
  paymentTooLarge: (openCents: number) =>
    new AppError(422, 'payment_exceeds_open_amount', `Het bedrag is hoger dan wat nog openstaat (${openCents} cent)`, [
      { field: 'amountCents', message: 'hoger dan het openstaande bedrag' },
    ]),
  notPayable: (status: string) =>
    new AppError(409, 'invoice_not_payable', `Op een factuur met status ${status} kan geen betaling worden geboekt`),
  reverseChargeNotAllowed: () =>
    new AppError(
      422,
      'reverse_charge_not_allowed',
      'Btw verleggen kan alleen naar een installatiebedrijf (B2BContractor) met een geldig btw-nummer; vul het btw-nummer van de partner in, of reken de regels met btw',
      [{ field: 'vatNumber', message: 'de afnemer heeft geen geldig btw-nummer voor verlegde btw' }],
    ),
  notCreditable: () =>
    new AppError(409, 'invoice_not_creditable', 'Deze factuur is al gecrediteerd of is zelf een creditnota'),
};
