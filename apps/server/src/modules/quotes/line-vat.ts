import { VAT_RATE_OF, vatCategoryForRate, type VatCategory } from '../../platform/vat.ts';
import type { BillingRules } from './allocate-billing.ts';

export type LineVat = { vatCategory: VatCategory; vatRate: number };
type Refusal = { field: 'vatRate' | 'vatCategory'; message: string };

/**
 * The VAT of one priced line: what was entered (a category, a rate, or both if they agree), else the
 * product's rate. A line the partner pays carries reverse charge when the partner qualifies, whatever was
 * entered: the scheme is not optional. Reverse charge anywhere else is refused, never quietly dropped.
 */
export function lineVat(
  line: { vatCategory?: VatCategory | undefined; vatRate?: number | undefined },
  productRate: number | null,
  billTo: 'customer' | 'partner',
  rules: BillingRules,
): LineVat | Refusal {
  const rate = line.vatRate ?? (line.vatCategory ? undefined : (productRate ?? undefined));
  const fromRate = rate === undefined ? null : vatCategoryForRate(rate);
  if (rate !== undefined && !fromRate)
    return { field: 'vatRate', message: `btw-tarief ${rate}% bestaat niet (21, 9 of 0)` };
  const entered = line.vatCategory ?? fromRate!;
  if (line.vatCategory && line.vatRate !== undefined && VAT_RATE_OF[line.vatCategory] !== line.vatRate) {
    return {
      field: 'vatRate',
      message: `btw-tarief ${line.vatRate}% past niet bij btw-categorie ${line.vatCategory} (${VAT_RATE_OF[line.vatCategory]}%)`,
    };
  }
  if (billTo === 'partner' && rules?.reverseCharge) return { vatCategory: 'reverse_charge', vatRate: 0 };
  if (entered === 'reverse_charge') {
    return {
      field: 'vatCategory',
      message:
        billTo === 'customer'
          ? 'btw verleggen kan niet op een regel die de klant betaalt'
          : 'btw verleggen kan alleen bij een installatiebedrijf (B2BContractor) met een geldig btw-nummer',
    };
  }
  return { vatCategory: entered, vatRate: VAT_RATE_OF[entered] };
}
