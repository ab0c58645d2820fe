import type { DbOrTx } from '../../platform/db/client.ts';
import type { VatCategory } from '../../platform/vat.ts';
import { vatStandingOf } from '../partners/index.ts';
import { billingErrors } from './billing.errors.ts';

/** What an invoice states about its buyer's VAT: the number (kept on the invoice as issued) and whether the VAT is shifted to it. */
export type VatTreatment = { buyerVatNumber: string | null; reverseCharge: boolean };

/** A partner invoice carries the partner's VAT number, and reverse charge when the partner qualifies; a customer's neither. */
export async function vatTreatmentFor(
  db: DbOrTx,
  payer: 'customer' | 'partner',
  partnerId: string | null,
): Promise<VatTreatment> {
  if (payer !== 'partner' || !partnerId) return { buyerVatNumber: null, reverseCharge: false };
  const standing = await vatStandingOf(db, partnerId);
  return { buyerVatNumber: standing?.vatNumber ?? null, reverseCharge: standing?.reverseCharge ?? false };
}

/**
 * The lines as invoiced. Reverse charge applies to every line of a qualifying partner's invoice, also
 * to lines sold before the partner gave its VAT number; a line that carries it for a buyer that does not
 * qualify (the number was removed since) is refused rather than quietly billed at 0%.
 */
export function applyVatTreatment<L extends { vatRate: number; vatCategory: VatCategory }>(
  lines: readonly L[],
  treatment: VatTreatment,
): L[] {
  if (treatment.reverseCharge) return lines.map((l) => ({ ...l, vatRate: 0, vatCategory: 'reverse_charge' as const }));
  if (lines.some((l) => l.vatCategory === 'reverse_charge')) throw billingErrors.reverseChargeNotAllowed();
  return [...lines];
}
