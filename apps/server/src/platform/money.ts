/**
 * Money is integer euro cents. Rounding rule (documented once, used everywhere):
 * - a line's net total is quantity (at most 3 decimals) x unit price, rounded half away from zero to a cent;
 * - a line's VAT is its net total x rate / 100, rounded the same way, per line;
 * - a document's VAT is the sum of its lines' VAT, so every printed line adds up to the total.
 */
export function lineNetCents(quantity: number, unitPriceCents: number): number {
  const milli = Math.round(quantity * 1000);
  return roundHalfAway((milli * unitPriceCents) / 1000);
}

export function lineVatCents(netCents: number, vatRate: number): number {
  return roundHalfAway((netCents * vatRate) / 100);
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) + 1e-9);
}

export type PricedLine = { totalCents: number; vatRate: number };

/** Net, VAT and gross of a set of lines, by the rule above. */
export function documentTotals(lines: readonly PricedLine[]) {
  const netCents = lines.reduce((a, l) => a + l.totalCents, 0);
  const vatCents = lines.reduce((a, l) => a + lineVatCents(l.totalCents, l.vatRate), 0);
  return { netCents, vatCents, grossCents: netCents + vatCents };
}

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const EURO_EN = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
/** "€ 1.234,56" as Dutch documents print it. */
export const formatEuro = (cents: number, language: 'nl' | 'en' = 'nl') =>
  (language === 'en' ? EURO_EN : EURO).format(cents / 100);

/** Cents as a UBL amount: "1234.56". */
export const decimalAmount = (cents: number) => (cents / 100).toFixed(2);
