import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { catalogItem, type Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import { uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Answer = Insert<typeof s.quoteTemplateLines>['quantityAnswer'];

/** The standard configurations ops quote in one click; a line whose product the entity does not sell is left out. */
const TEMPLATES: {
  code: string;
  name: string;
  nameEn: string;
  entityId: string;
  lines: [sku: string, quantity: number, answer: Answer][];
}[] = [
  ...(
    [
      ['chargecars', 'ZAP-GO2-22'],
      ['laderthuis', 'ZAP-GO2-22'],
      ['chargecars', 'ALF-EVE-S-PL'],
      ['laderthuis', 'EAS-CORE-22'],
    ] as const
  ).map(([entityId, charger]) => ({
    code: `${entityId.slice(0, 2).toUpperCase()}-STD-${charger}`,
    name: `Standaardinstallatie ${catalogItem(charger).name}`,
    nameEn: `Standard installation ${catalogItem(charger).nameEn}`,
    entityId,
    lines: [
      [charger, 1, null],
      ['SRV-INST-STD', 1, null],
      ['CC-IK-5X6', 0, 'includedCableMeters'],
      ['SRV-KABEL-M', 0, 'extraCableMeters'],
      ['CC-ALS-A', 1, null],
      ['MK-GROEP-UITBR', 1, 'meterCabinetUpgrade'],
      ['SM-P1-MOD', 1, 'smartMeter'],
      ['CC-PAAL-1', 1, 'mountingPole'],
      ['SRV-GRAAF-M', 0, 'groundWorkMeters'],
    ] as [string, number, Answer][],
  })),
  {
    code: 'ME-GROEP',
    name: 'Groepenkast uitbreiding met extra groep',
    nameEn: 'Consumer unit extension with an extra circuit',
    entityId: 'meterkastthuis',
    lines: [
      ['MK-GROEP-UITBR', 1, null],
      ['SRV-UUR', 1, null],
      ['SM-P1-MOD', 1, 'smartMeter'],
    ],
  },
];

/** Wholesale discount B2B contractors get on the webshops' list prices (ZaptecShop.nl / RatioShop.nl). */
const WHOLESALE_FACTOR = 0.85;
const WHOLESALE_CATEGORIES = new Set(['charging_station', 'cable_accessory', 'mounting', 'smart_meter']);

/** Quote templates of the standard configurations and the partner price lists of the B2B contractors. */
export function generateQuoteTemplates(rng: Rng, ref: Reference) {
  const sold = new Set(ref.prices.map((p) => `${p.productId}:${p.entityId}`));
  const templates: Insert<typeof s.quoteTemplates>[] = [];
  const templateLines: Insert<typeof s.quoteTemplateLines>[] = [];
  for (const t of TEMPLATES) {
    const id = uuidFrom(rng);
    templates.push({ id, code: t.code, name: t.name, nameEn: t.nameEn, entityId: t.entityId });
    t.lines
      .filter(([sku]) => sold.has(`${ref.productBySku.get(sku)!.id}:${t.entityId}`))
      .forEach(([sku, quantity, answer], i) => {
        templateLines.push({
          templateId: id,
          position: i + 1,
          productId: ref.productBySku.get(sku)!.id,
          quantity,
          quantityAnswer: answer,
        });
      });
  }
  const wholesale = ref.products.filter((p) => WHOLESALE_CATEGORIES.has(p.categoryCode));
  const partnerPrices: Insert<typeof s.partnerPrices>[] = ref.partners
    .filter((p) => p.row.category === 'B2BContractor')
    .flatMap((p) =>
      wholesale.map((product) => ({
        partnerId: p.row.id,
        productId: product.id,
        priceCents: Math.round(catalogItem(product.sku).priceCents * WHOLESALE_FACTOR),
      })),
    );
  return { templates, templateLines, partnerPrices };
}
