import { VatNumber } from '@chargecars/contract';

/**
 * Whether a partner's lines are invoiced with reverse charge ("btw verlegd"). Dutch law shifts the VAT
 * to a business buyer for work it subcontracts; we apply it to installation companies that buy from
 * us (category B2BContractor), and only with a valid VAT number, which the invoice must state.
 */
export function qualifiesForReverseCharge(partner: { category: string; vatNumber: string | null }): boolean {
  return (
    partner.category === 'B2BContractor' && partner.vatNumber !== null && VatNumber.safeParse(partner.vatNumber).success
  );
}
