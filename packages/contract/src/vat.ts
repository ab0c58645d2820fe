import { z } from 'zod';
import { Text } from './common.ts';

export const VatCategory = z.enum(['standard', 'reduced', 'zero', 'reverse_charge']).meta({
  id: 'VatCategory',
  description:
    'standard 21%, reduced 9%, zero 0%, reverse_charge 0% with "Btw verlegd" (the buyer accounts for the VAT)',
});

const EU_PREFIXES = 'AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|PL|PT|RO|SE|SI|SK|XI';
/** Dutch numbers strictly (NL + 9 digits + B + 2 digits); other EU member states by prefix and length only. */
export const VAT_NUMBER_PATTERN = new RegExp(`^(NL\\d{9}B\\d{2}|(${EU_PREFIXES})[0-9A-Z+*]{2,12})$`);

/**
 * An EU VAT number, e.g. NL123456789B01. Spaces and dots are dropped and letters upper-cased before
 * the check, so "nl 1234.56789.b01" is accepted as NL123456789B01.
 */
export const VatNumber = Text.overwrite((v) => v.replace(/[\s.]/g, '').toUpperCase())
  .regex(VAT_NUMBER_PATTERN, 'btw-nummer moet het formaat NL123456789B01 hebben (of een ander EU-btw-nummer)')
  .meta({ id: 'VatNumber', example: 'NL123456789B01' });
