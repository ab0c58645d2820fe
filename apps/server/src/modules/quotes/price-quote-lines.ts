import type { DbOrTx } from '../../platform/db/client.ts';
import type { FieldError } from '../../platform/errors.ts';
import { lineNetCents } from '../../platform/money.ts';
import { lookUpSellables, type ProductCategory } from '../catalog/index.ts';
import type { VatCategory } from '../../platform/vat.ts';
import { allocateBilling, type BillingRules } from './allocate-billing.ts';
import { lineVat } from './line-vat.ts';
import { quoteErrors } from './quotes.errors.ts';

export type LineInput = {
  productId?: string | undefined;
  kitId?: string | undefined;
  description?: string | undefined;
  category?: ProductCategory | undefined;
  quantity: number;
  unitPriceCents?: number | undefined;
  vatRate?: number | undefined;
  vatCategory?: VatCategory | undefined;
  billTo?: 'customer' | 'partner' | undefined;
  totalCents?: number | undefined;
  /** Set by templates for what goes beyond the standard installation (cable past 10 m). */
  beyondStandard?: boolean;
  /** The rule that allocated this line in the version before, kept when the line is carried over. */
  inheritedRule?: string | undefined;
};

export type PricedLine = {
  position: number;
  productId: string | null;
  kitId: string | null;
  category: ProductCategory | null;
  description: string;
  specification: string | null;
  /** The catalogue's English wording; null for a free line or a description typed over the catalogue's. */
  descriptionEn: string | null;
  specificationEn: string | null;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  vatCategory: VatCategory;
  billTo: 'customer' | 'partner';
  billingRule: string;
  totalCents: number;
  labourMinutes: number;
};

/**
 * Turns entered lines into priced lines: catalogue price of the selling entity for a product or a kit
 * (or the partner's wholesale price for products the partner pays), VAT from the catalogue (reverse
 * charge for a qualifying partner's lines), billing allocation by the agreement. Every wrong field is reported at once; nothing is written.
 */
export async function priceQuoteLines(
  db: DbOrTx,
  opts: { entityId: string; partnerId: string | null; rules: BillingRules; lines: readonly LineInput[] },
): Promise<PricedLine[]> {
  const { productsById, kitsById } = await lookUpSellables(db, {
    entityId: opts.entityId,
    partnerId: opts.partnerId,
    productIds: [...new Set(opts.lines.flatMap((l) => (l.productId ? [l.productId] : [])))],
    kitIds: [...new Set(opts.lines.flatMap((l) => (l.kitId ? [l.kitId] : [])))],
  });
  const errors: FieldError[] = [];
  const priced = opts.lines.map((line, i): PricedLine | null => {
    const field = (name: string) => `lines.${i}.${name}`;
    if (line.productId && line.kitId)
      return (
        errors.push({ field: field('kitId'), message: 'een regel is een product of een pakket, niet allebei' }), null
      );
    const hit = line.productId ? productsById.get(line.productId) : line.kitId ? kitsById.get(line.kitId) : undefined;
    if (line.productId && !hit)
      return (errors.push({ field: field('productId'), message: 'product bestaat niet' }), null);
    if (line.kitId && !hit) return (errors.push({ field: field('kitId'), message: 'pakket bestaat niet' }), null);
    if (
      !hit &&
      (!line.description ||
        line.unitPriceCents === undefined ||
        (line.vatRate === undefined && line.vatCategory === undefined))
    ) {
      return (
        errors.push({
          field: field('description'),
          message: 'een vrije regel heeft een omschrijving, prijs en btw-tarief nodig',
        }),
        null
      );
    }
    if (!(line.quantity > 0))
      return (errors.push({ field: field('quantity'), message: 'aantal moet groter dan 0 zijn' }), null);
    const category = line.category ?? hit?.category ?? null;
    const allocation = allocateBilling(
      {
        category,
        billTo: line.billTo,
        beyondStandard: line.beyondStandard ?? false,
        inheritedRule: line.inheritedRule,
      },
      opts.rules,
    );
    const vat = lineVat(line, hit?.vatRate ?? null, allocation.billTo, opts.rules);
    if ('field' in vat) return (errors.push({ field: field(vat.field), message: vat.message }), null);
    const listPrice = hit ? ((allocation.billTo === 'partner' ? hit.wholesalePrice : null) ?? hit.entityPrice) : null;
    const unitPriceCents = line.unitPriceCents ?? listPrice;
    if (unitPriceCents === null || unitPriceCents === undefined) {
      return (
        errors.push({
          field: field(line.kitId ? 'kitId' : 'productId'),
          message: `dit ${line.kitId ? 'pakket' : 'product'} heeft geen prijs bij dit bedrijfsonderdeel`,
        }),
        null
      );
    }
    const totalCents = lineNetCents(line.quantity, unitPriceCents);
    if (line.totalCents !== undefined && line.totalCents !== totalCents) {
      return (
        errors.push({
          field: field('totalCents'),
          message: `totaal klopt niet: ${line.quantity} x ${unitPriceCents} = ${totalCents} cent`,
        }),
        null
      );
    }
    const labourMinutes = hit ? hit.labourMinutes * line.quantity : 0;
    return {
      position: i + 1,
      productId: hit?.productId ?? null,
      kitId: hit?.kitId ?? null,
      category,
      description: line.description ?? hit!.name,
      specification: hit ? hit.specification(labourMinutes, 'nl') : null,
      descriptionEn: hit && line.description === undefined ? hit.nameEn : null,
      specificationEn: hit ? hit.specification(labourMinutes, 'en') : null,
      quantity: line.quantity,
      unitPriceCents,
      vatRate: vat.vatRate,
      vatCategory: vat.vatCategory,
      billTo: allocation.billTo,
      billingRule: allocation.billingRule,
      totalCents,
      labourMinutes,
    };
  });
  if (errors.length) throw quoteErrors.invalidLines(errors);
  return priced as PricedLine[];
}
