import { catalogItem, type Rng } from '../demo/index.ts';
import { productSpecification } from '../../apps/server/src/modules/catalog/specification.ts';
import { vatCategoryForRate, type VatCategory } from '../../apps/server/src/platform/vat.ts';
import type { Reference } from './generate-reference.ts';

export type DemoLine = {
  productId: string;
  sku: string;
  category: string;
  description: string;
  specification: string;
  descriptionEn: string;
  specificationEn: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  vatCategory: VatCategory;
  billTo: 'customer' | 'partner';
  billingRule: string | null;
  totalCents: number;
  labourMinutes: number;
  invoicedAt?: Date;
};

const CHARGERS: Record<string, string[]> = {
  chargecars: ['ZAP-GO2-22', 'ALF-EVE-S-PL', 'EAS-CORE-22', 'ALF-EVE-S-SL', 'RAT-IO6', 'ZAP-PRO-22'],
  laderthuis: ['ZAP-GO2-22', 'ZAP-GO2-22-W', 'ALF-EVE-S-SL', 'EAS-ONE', 'EAS-CORE-22'],
  meterkastthuis: ['ALF-EVE-S-SL', 'EAS-CORE-22'],
  zaptecshop: ['ZAP-GO2-22', 'ZAP-GO2-22-W', 'ZAP-PRO-22'],
  ratioshop: ['RAT-IO6', 'RAT-SOLAR'],
};

/**
 * The lines of a typical order for an entity: an installed charger with cable, protection and labour,
 * a meter-cabinet job, or a wholesale batch. Partner agreements decide who pays each line; the lines of
 * a partner with reverse charge (an installation company with a VAT number) carry it, as the app would.
 */
export function buildLines(
  rng: Rng,
  ref: Reference,
  entityId: string,
  partnerPays: readonly string[] | null,
  reverseCharge = false,
): DemoLine[] {
  const picks: [string, number][] = [];
  if (entityId === 'zaptecshop' || entityId === 'ratioshop') {
    picks.push([rng.pick(CHARGERS[entityId]!), rng.int(2, 12)]);
    if (rng.chance(0.5)) picks.push(['CC-LK-T2-7', rng.int(2, 10)]);
    if (entityId === 'zaptecshop' && rng.chance(0.3)) picks.push(['CC-CT-SET3', rng.int(1, 4)]);
  } else if (entityId === 'meterkastthuis') {
    picks.push([rng.pick(['MK-GROEP-UITBR', 'MK-3F-AANP', 'MK-VERV-3F']), 1], ['SRV-UUR', rng.int(1, 4)]);
    if (rng.chance(0.35)) picks.push([rng.pick(CHARGERS.meterkastthuis!), 1], ['SRV-INST-STD', 1]);
  } else {
    const cable = rng.int(5, 25);
    picks.push(
      [rng.pick(CHARGERS[entityId]!), 1],
      ['SRV-INST-STD', 1],
      ['CC-IK-5X6', Math.min(cable, 10)],
      ['CC-ALS-A', 1],
    );
    if (cable > 10) picks.push(['SRV-KABEL-M', cable - 10]);
    if (rng.chance(0.35)) picks.push(['SM-P1-MOD', 1]);
    if (rng.chance(0.18)) picks.push([rng.pick(['MK-GROEP-UITBR', 'MK-3F-AANP']), 1]);
    if (rng.chance(0.15)) picks.push(['CC-PAAL-1', 1], ['SRV-GRAAF-M', rng.int(3, 15)]);
    if (rng.chance(0.1)) picks.push(['SRV-OCPP', 1]);
  }
  return picks.map(([sku, quantity]) => {
    const item = catalogItem(sku);
    const product = ref.productBySku.get(sku)!;
    // The usual agreement: the partner pays its categories, but never cable beyond 10 m (a customer's choice).
    const partnerLine = partnerPays !== null && partnerPays.includes(item.category) && sku !== 'SRV-KABEL-M';
    return {
      productId: product.id,
      sku,
      category: item.category,
      description: item.name,
      specification: productSpecification({ brand: item.brand, sku }, item.labourMinutes * quantity, 'nl'),
      descriptionEn: item.nameEn,
      specificationEn: productSpecification({ brand: item.brand, sku }, item.labourMinutes * quantity, 'en'),
      quantity,
      unitPriceCents: item.priceCents,
      ...(partnerLine && reverseCharge
        ? { vatRate: 0, vatCategory: 'reverse_charge' as const }
        : { vatRate: item.vatRate, vatCategory: vatCategoryForRate(item.vatRate)! }),
      billTo: partnerLine ? 'partner' : 'customer',
      billingRule:
        partnerPays === null
          ? null
          : partnerLine
            ? `agreement:${item.category}`
            : sku === 'SRV-KABEL-M'
              ? 'beyond_standard'
              : `not_in_agreement:${item.category}`,
      totalCents: Math.round(item.priceCents * quantity),
      labourMinutes: item.labourMinutes * quantity,
    };
  });
}
