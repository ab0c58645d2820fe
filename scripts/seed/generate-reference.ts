import { REGIONS, HQ_NIJKERK } from '@chargecars/geo';
import type * as s from '../../apps/server/src/platform/db/schema.ts';
import {
  CATALOG,
  INSTALLATION_KITS,
  generatePartners,
  personName,
  dutchMobile,
  type Rng,
  type EntityCode,
  type CatalogCategory,
} from '../demo/index.ts';
import { uuidFrom, pad, type Counts } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The demo codes of the generators, mapped to the entity keys of the database. */
export const ENTITY_ID: Record<EntityCode, string> = {
  CHARGECARS: 'chargecars',
  LADERTHUIS: 'laderthuis',
  METERKASTTHUIS: 'meterkastthuis',
  ZAPTECSHOP: 'zaptecshop',
  RATIOSHOP: 'ratioshop',
};

export const ENTITY_ROWS: Insert<typeof s.businessEntities>[] = [
  {
    id: 'chargecars',
    name: 'ChargeCars',
    legalName: 'ChargeCars B.V.',
    kind: 'b2b_partner',
    kvkNumber: '71234560',
    vatNumber: 'NL858412345B01',
    iban: 'NL91ABNA0417164300',
    emailFrom: 'planning@chargecars.nl',
    brandColor: '#15803d',
    // Partner work is invoiced the moment its last visit is done (issue 11: no hand on the wheel).
    invoiceOnCompletion: true,
    website: 'https://chargecars.nl',
  },
  {
    id: 'laderthuis',
    name: 'LaderThuis.nl',
    legalName: 'LaderThuis B.V.',
    kind: 'consumer',
    kvkNumber: '71234561',
    vatNumber: 'NL858412346B01',
    iban: 'NL20INGB0001234567',
    emailFrom: 'info@laderthuis.nl',
    brandColor: '#1d4ed8',
    website: 'https://laderthuis.nl',
  },
  {
    id: 'meterkastthuis',
    name: 'MeterKastThuis.nl',
    legalName: 'MeterKastThuis B.V.',
    kind: 'electrical',
    kvkNumber: '71234562',
    vatNumber: 'NL858412347B01',
    iban: 'NL39RABO0300065264',
    emailFrom: 'info@meterkastthuis.nl',
    brandColor: '#b45309',
    website: 'https://meterkastthuis.nl',
  },
  {
    id: 'zaptecshop',
    name: 'ZaptecShop.nl',
    legalName: 'ZaptecShop B.V.',
    kind: 'wholesale',
    kvkNumber: '71234563',
    vatNumber: 'NL858412348B01',
    iban: 'NL02ABNA0123456789',
    emailFrom: 'order@zaptecshop.nl',
    brandColor: '#0f172a',
    website: 'https://zaptecshop.nl',
  },
  {
    id: 'ratioshop',
    name: 'RatioShop.nl',
    legalName: 'RatioShop B.V.',
    kind: 'wholesale',
    kvkNumber: '71234564',
    vatNumber: 'NL858412349B01',
    iban: 'NL44RABO0123456789',
    emailFrom: 'order@ratioshop.nl',
    brandColor: '#be123c',
    website: 'https://ratioshop.nl',
  },
];

const CATEGORY_NAMES: Record<CatalogCategory, [string, string]> = {
  charging_station: ['Laadstations', 'Charging stations'],
  cable_accessory: ['Laadkabels en accessoires', 'Cables and accessories'],
  mounting: ['Montagepalen en infrastructuur', 'Mounting poles and infrastructure'],
  installation_service: ['Installatiediensten', 'Installation services'],
  meter_cabinet: ['Meterkastmodules en elektra', 'Meter-cabinet modules and electrical'],
  smart_meter: ['Slimme meters en OCPP', 'Smart meters and OCPP'],
};
const UNIT = { stuk: 'piece', meter: 'meter', uur: 'hour' } as const;
// Demo cost prices as a share of the list price: purchase for goods, wages and travel for labour (for the P&L).
const MATERIAL_COST_SHARE = 0.62;
const LABOUR_COST_SHARE = 0.55;
const SKILL_SETS = [
  ['charger_installation', 'three_phase_meter_cabinet', 'survey', 'ocpp_configuration'],
  ['charger_installation', 'survey', 'ocpp_configuration'],
  ['charger_installation', 'three_phase_meter_cabinet'],
] as const;

export function generateReference(rng: Rng, counts: Counts) {
  const regions: Insert<typeof s.regions>[] = REGIONS.map((r) => ({ code: r.code, name: r.name, pc2: [...r.pc2] }));

  // Seven teams at scale 1, one per region; more at larger scales, spread over the regions.
  const teams: (Insert<typeof s.teams> & { id: string; regionCode: string })[] = [];
  for (let i = 0; i < counts.teams; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const atHq = region.code === 'MIDDEN';
    const n = Math.floor(i / REGIONS.length) + 1;
    teams.push({
      id: uuidFrom(rng),
      regionCode: region.code,
      code: `T${pad(i + 1, 2)}`,
      name: `Team ${region.name}${n > 1 ? ` ${n}` : ''}`,
      homeBasePc4: atHq ? HQ_NIJKERK.pc4 : region.hub.pc4,
      homeBaseLabel: atHq ? HQ_NIJKERK.label : region.hub.city,
      lat: atHq ? HQ_NIJKERK.lat : region.hub.lat,
      lon: atHq ? HQ_NIJKERK.lon : region.hub.lon,
      maxVisitsPerDay: rng.chance(0.6) ? 3 : 2,
      skills: [...SKILL_SETS[i % SKILL_SETS.length]!],
      // Every third team also works on Saturdays (ISO weekdays).
      workingDays: i % 3 === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
    });
  }
  const teamRegions = teams.map((t) => ({ teamId: t.id, regionCode: t.regionCode }));
  const technicians: Insert<typeof s.technicians>[] = teams.flatMap((t) =>
    [0, 1].map(() => ({
      id: uuidFrom(rng),
      teamId: t.id,
      name: personName(rng).fullName,
      phone: dutchMobile(rng),
      skills: t.skills ?? [],
    })),
  );

  const categories: Insert<typeof s.productCategories>[] = Object.entries(CATEGORY_NAMES).map(([code, [nl, en]]) => ({
    code: code as CatalogCategory,
    nameNl: nl,
    nameEn: en,
    serialisedByDefault: code === 'charging_station',
  }));
  const products: (Insert<typeof s.products> & { id: string })[] = CATALOG.map((c) => ({
    id: uuidFrom(rng),
    sku: c.sku,
    name: c.name,
    nameEn: c.nameEn,
    brand: c.brand,
    categoryCode: c.category,
    unit: UNIT[c.unit],
    serialised: c.serialised,
    vatRate: c.vatRate,
    labourMinutes: c.labourMinutes,
    costCents: Math.round(
      c.priceCents * (c.category === 'installation_service' ? LABOUR_COST_SHARE : MATERIAL_COST_SHARE),
    ),
  }));
  const productBySku = new Map(products.map((p) => [p.sku, p]));
  const prices: Insert<typeof s.productPrices>[] = CATALOG.flatMap((c) =>
    c.entities.map((e) => ({
      productId: productBySku.get(c.sku)!.id,
      entityId: ENTITY_ID[e],
      priceCents: c.priceCents,
    })),
  );
  const kits: Insert<typeof s.productKits>[] = [];
  const kitItems: Insert<typeof s.productKitItems>[] = [];
  const kitPrices: Insert<typeof s.productKitPrices>[] = [];
  for (const k of INSTALLATION_KITS) {
    const id = uuidFrom(rng);
    kits.push({ id, code: k.sku, name: k.name, nameEn: k.nameEn, categoryCode: k.category, vatRate: k.vatRate });
    for (const comp of k.components)
      kitItems.push({ kitId: id, productId: productBySku.get(comp.sku)!.id, quantity: comp.quantity });
    // The package price, like a product's list price, at every entity that sells the kit.
    for (const e of k.entities) kitPrices.push({ kitId: id, entityId: ENTITY_ID[e], priceCents: k.priceCents });
  }

  const demoPartners = generatePartners(rng.fork('partners'), counts.partners);
  const partners = demoPartners.map((p, i) => ({
    row: {
      id: uuidFrom(rng),
      number: `P-${pad(i + 1, 5)}`,
      name: `${p.name} ${p.legalForm}`.trim(),
      category: p.category,
      entityId: ENTITY_ID[p.entities[0]!],
      kvkNumber: p.kvkNumber,
      vatNumber: p.vatNumber,
      email: p.contact.email,
      phone: p.contact.phone,
      status: p.active ? ('active' as const) : ('suspended' as const),
      createdAt: new Date(`${p.since}T09:00:00Z`),
    },
    demo: p,
  }));
  const partnerContacts: Insert<typeof s.partnerContacts>[] = partners.map(({ row, demo }) => ({
    partnerId: row.id,
    name: demo.contact.fullName,
    email: demo.contact.email,
    phone: demo.contact.phone,
    role: demo.contact.role,
  }));
  const agreements: Insert<typeof s.partnerAgreements>[] = partners.flatMap(({ row, demo }) =>
    demo.entities.map((e) => {
      const c = demo.commission;
      return {
        partnerId: row.id,
        entityId: ENTITY_ID[e],
        commissionType: !c ? ('none' as const) : c.kind === 'fixed' ? ('fixed_per_lead' as const) : c.kind,
        commissionBasisPoints: c?.kind === 'percentage' ? Math.round(c.percent * 100) : null,
        commissionFixedCents: c?.kind === 'fixed' ? c.amountCents : null,
        commissionTiers:
          c?.kind === 'tiered'
            ? c.tiers.map((t) => ({ fromOrders: t.fromConvertedLeads, basisPoints: Math.round(t.percent * 100) }))
            : null,
        partnerPaysCategories: [...demo.billing.partnerPays],
        paymentTermDays: demo.billing.paymentTermDays,
        validFrom: demo.since,
      };
    }),
  );

  return {
    regions,
    teams,
    teamRegions,
    technicians,
    categories,
    products,
    productBySku,
    prices,
    kits,
    kitItems,
    kitPrices,
    partners,
    partnerContacts,
    agreements,
  };
}
export type Reference = ReturnType<typeof generateReference>;
