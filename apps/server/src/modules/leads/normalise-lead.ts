import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parsePostcode } from '@chargecars/geo';
import type { NewLead } from '@chargecars/contract';
import { invalid, type FieldError } from '../../platform/errors.ts';

export type NormalisedLead = {
  name: string;
  email: string;
  phone: string | null;
  customerKind: 'consumer' | 'business';
  companyName: string | null;
  address: {
    postcode: string;
    houseNumber: number;
    addition: string | null;
    street: string | null;
    city: string | null;
  } | null;
  productInterest: string | null;
  partnerReference: string | null;
  notes: string | null;
};

/** A phone number as E.164 (+31612345678); Dutch numbers may be written nationally. Null when not a real number. */
export function toE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input, 'NL');
  return parsed && parsed.isValid() ? parsed.number : null;
}

/**
 * Step 1 of the pipeline: the shape is already checked by the contract; here the values are made
 * canonical (E.164 phone, "1234 AB" postcode, lower-case email) and every wrong field is named.
 */
export function normaliseLead(input: NewLead, fieldPrefix = 'body'): NormalisedLead {
  const errors: FieldError[] = [];
  const phone = input.phone ? toE164(input.phone) : null;
  if (input.phone && !phone) errors.push({ field: `${fieldPrefix}.phone`, message: 'geen geldig telefoonnummer' });
  const postcode = input.address ? parsePostcode(input.address.postcode) : null;
  if (input.address && !postcode)
    errors.push({ field: `${fieldPrefix}.address.postcode`, message: 'postcode moet het formaat 1234 AB hebben' });
  if (input.customerKind === 'business' && !input.companyName)
    errors.push({ field: `${fieldPrefix}.companyName`, message: 'verplicht voor een zakelijke klant' });
  if (errors.length) throw invalid(errors, 'De lead bevat ongeldige velden');
  const a = input.address;
  return {
    name: input.name.trim().replace(/\s+/g, ' '),
    email: input.email.trim().toLowerCase(),
    phone,
    customerKind: input.customerKind ?? (input.companyName ? 'business' : 'consumer'),
    companyName: input.companyName ?? null,
    address:
      a && postcode
        ? {
            postcode: postcode.formatted,
            houseNumber: a.houseNumber,
            addition: a.addition ? a.addition.toUpperCase() : null,
            street: a.street ?? null,
            city: a.city ?? null,
          }
        : null,
    productInterest: input.productInterest ?? null,
    partnerReference: input.partnerReference ?? null,
    notes: input.notes ?? null,
  };
}
