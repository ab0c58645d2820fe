import type { DbOrTx } from '../../platform/db/client.ts';
import { agreementOn, vatStandingOf } from '../partners/index.ts';

/** What the partner pays by agreement, and whether its lines carry reverse charge; null without a partner. */
export type BillingRules = { partnerPaysCategories: readonly string[]; reverseCharge: boolean } | null;
export type AllocatableLine = {
  category: string | null;
  billTo?: 'customer' | 'partner' | undefined;
  beyondStandard?: boolean;
  inheritedRule?: string | undefined;
};
/**
 * The rule as a code the reader's language turns into words (the web's `billingRule.*` texts):
 * `manual:partner|customer`, `no_partner`, `beyond_standard`, `agreement:<category>` (the partner pays)
 * and `not_in_agreement:<category|free>`. A line keeps its rule across versions as it was stored.
 */
export type Allocation = { billTo: 'customer' | 'partner'; billingRule: string };

/** The agreement between the partner and the selling entity that is valid on the given day (if any), and the partner's VAT standing. */
export async function billingRulesFor(
  db: DbOrTx,
  partnerId: string | null | undefined,
  entityId: string,
  today: string,
): Promise<BillingRules> {
  if (!partnerId) return null;
  const [standing, agreement] = await Promise.all([
    vatStandingOf(db, partnerId),
    agreementOn(db, partnerId, entityId, today),
  ]);
  return {
    partnerPaysCategories: agreement?.partnerPaysCategories ?? [],
    reverseCharge: standing?.reverseCharge ?? false,
  };
}

/**
 * Who pays a line, and the rule that said so (shown next to the line). A person's choice wins (or the
 * allocation a line kept from the version before); then
 * what goes beyond the standard installation (cable past 10 m) is the customer's; then the agreement.
 */
export function allocateBilling(line: AllocatableLine, rules: BillingRules): Allocation {
  if (line.billTo && line.inheritedRule) return { billTo: line.billTo, billingRule: line.inheritedRule };
  if (line.billTo) return { billTo: line.billTo, billingRule: `manual:${line.billTo}` };
  if (!rules) return { billTo: 'customer', billingRule: 'no_partner' };
  if (line.beyondStandard) return { billTo: 'customer', billingRule: 'beyond_standard' };
  if (line.category && rules.partnerPaysCategories.includes(line.category))
    return { billTo: 'partner', billingRule: `agreement:${line.category}` };
  return { billTo: 'customer', billingRule: `not_in_agreement:${line.category ?? 'free'}` };
}
