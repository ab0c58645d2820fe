/**
 * The demo product catalogue: chargers, accessories, mounting, labour, meter-cabinet work and
 * energy management, plus a few installation kits. Hand-written (no randomness), so it is the
 * same on every run. Prices are integer euro cents excluding VAT; they are plausible Dutch list
 * prices for 2025–2026, not quotes of any supplier.
 *
 * VAT: everything here is 21 % in the Netherlands. The 9 % rate (certain renovation labour) and
 * 0 % (solar panels on homes) do not apply to chargers or their installation, so `vatRate` allows
 * 0 | 9 | 21 but the data only uses 21.
 *
 * `labourMinutes` is the on-site time one unit adds to a visit, so a visit takes roughly
 * sum(labourMinutes × quantity). Chargers carry their own mounting and set-up time; the cable run
 * and the connection in the meter cabinet are in "Installatie standaard".
 */
import type { EntityCode } from './entities.ts';

export const CATALOG_CATEGORIES = [
  'charging_station',
  'cable_accessory',
  'mounting',
  'installation_service',
  'meter_cabinet',
  'smart_meter',
] as const;
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number];

export type CatalogUnit = 'stuk' | 'meter' | 'uur';
export type VatRate = 0 | 9 | 21;

export interface CatalogItem {
  sku: string;
  brand: string;
  /** Dutch product name as shown on quotes and invoices. */
  name: string;
  /** The name for readers who chose English. */
  nameEn: string;
  category: CatalogCategory;
  unit: CatalogUnit;
  /** Price per unit, euro cents excluding VAT. */
  priceCents: number;
  vatRate: VatRate;
  /** True when every unit has a serial number to record (chargers and metering devices). */
  serialised: boolean;
  /** On-site minutes per unit. */
  labourMinutes: number;
  /** The entities that sell the item. */
  entities: readonly EntityCode[];
}

export interface KitComponent {
  sku: string;
  quantity: number;
}

export interface InstallationKit {
  sku: string;
  name: string;
  nameEn: string;
  /** The category the partner agreement bills the kit by: that of its main component. */
  category: CatalogCategory;
  description: string;
  components: readonly KitComponent[];
  /** Package price, euro cents excluding VAT (below the sum of the components). */
  priceCents: number;
  vatRate: VatRate;
  /** Sum of the components' labour minutes × quantity. */
  labourMinutes: number;
  entities: readonly EntityCode[];
}

// Who sells what: ChargeCars sells everything; LaderThuis.nl the home-charging range;
// MeterKastThuis.nl the meter-cabinet work; the two shops their own brand plus what it needs.
const HOME: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS'];
const ALL: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS', 'METERKASTTHUIS', 'ZAPTECSHOP', 'RATIOSHOP'];
const ACCESSORY: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS', 'ZAPTECSHOP', 'RATIOSHOP'];
const ZAPTEC: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS', 'ZAPTECSHOP'];
const RATIO: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS', 'RATIOSHOP'];
const CABINET: readonly EntityCode[] = ['CHARGECARS', 'LADERTHUIS', 'METERKASTTHUIS'];
const BUSINESS: readonly EntityCode[] = ['CHARGECARS'];

type Row = [
  sku: string,
  brand: string,
  name: string,
  unit: CatalogUnit,
  priceCents: number,
  labourMinutes: number,
  entities: readonly EntityCode[],
];

/** The English names, by SKU: every item has one (a test checks), so an English reader reads no Dutch product. */
const NAME_EN: Readonly<Record<string, string>> = {
  'ZAP-GO2-22': 'Zaptec Go 2 charger 22 kW, black',
  'ZAP-GO2-22-W': 'Zaptec Go 2 charger 22 kW, white',
  'ZAP-PRO-22': 'Zaptec Pro charger 22 kW',
  'ALF-EVE-S-SL': 'Alfen Eve Single S-line charger',
  'ALF-EVE-S-PL': 'Alfen Eve Single Pro-line charger 22 kW',
  'ALF-EVE-D-PL': 'Alfen Eve Double Pro-line charger 2× 22 kW',
  'EAS-CORE-22': 'Easee Charge Core charger 22 kW',
  'EAS-ONE': 'Easee One charger',
  'RAT-IO6': 'Ratio io6 charger',
  'RAT-SOLAR': 'Ratio Solar Unit (charging on solar power)',
  'CC-LK-T2-5': 'Charging cable type 2, 3-phase 32 A, 5 m',
  'CC-LK-T2-7': 'Charging cable type 2, 3-phase 32 A, 7.5 m',
  'CC-LK-T2-10': 'Charging cable type 2, 3-phase 32 A, 10 m',
  'CC-IK-3X6': 'Installation cable 3×6 mm² (1-phase), per metre',
  'CC-IK-5X6': 'Installation cable 5×6 mm² (3-phase), per metre',
  'CC-IK-5X10': 'Installation cable 5×10 mm² (3-phase), per metre',
  'CC-ALS-A': 'Residual current device type A, 4-pole 40 A 30 mA',
  'CC-ALS-B': 'Residual current device type B, 4-pole 40 A 30 mA',
  'CC-CT-SET3': 'Load balancing CT clamps, set of 3',
  'CC-PAAL-1': 'Charger pole, single, galvanised steel',
  'CC-PAAL-2': 'Charger pole, double, galvanised steel',
  'CC-WB-UNI': 'Universal wall bracket with cable holder',
  'CC-SOKKEL': 'Ground base (concrete foot) for a charger pole',
  'SRV-INST-STD': 'Standard charger installation (up to 10 m of cable, connected in the meter cupboard)',
  'SRV-UUR': 'Extra hour of labour',
  'SRV-KABEL-M': 'Extra charge per metre of cable beyond 10 m (cable and labour)',
  'SRV-GRAAF-M': 'Cable trench digging, per metre (paving restored)',
  'SRV-BORING': 'Passage through a wall or foundation (core drilling)',
  'SRV-SCHOUW': 'Site survey (technical inspection on location)',
  'SRV-OCPP': 'OCPP configuration and back-office connection',
  'MK-GROEP-UITBR': 'Consumer unit extension (extra circuit with RCBO)',
  'MK-3F-AANP': 'Change to a 3-phase connection (grid operator request and conversion)',
  'MK-VERV-3F': 'Consumer unit replacement, 3-phase, 8 circuits',
  'MK-HOOFDSCH': 'Main switch fitted',
  'SM-P1-MOD': 'P1 module for dynamic load balancing',
  'SM-HEMS': 'Home energy management system (HEMS) with app',
  'EAS-EQUALIZER': 'Easee Equalizer (load balancing via P1)',
};

const rows = (category: CatalogCategory, serialised: boolean, list: Row[]): CatalogItem[] =>
  list.map(([sku, brand, name, unit, priceCents, labourMinutes, entities]) => ({
    sku,
    brand,
    name,
    nameEn: NAME_EN[sku] ?? name,
    category,
    unit,
    priceCents,
    vatRate: 21,
    serialised,
    labourMinutes,
    entities,
  }));

export const CATALOG: readonly CatalogItem[] = Object.freeze([
  ...rows('charging_station', true, [
    ['ZAP-GO2-22', 'Zaptec', 'Zaptec Go 2 laadpaal 22 kW, zwart', 'stuk', 69900, 45, ZAPTEC],
    ['ZAP-GO2-22-W', 'Zaptec', 'Zaptec Go 2 laadpaal 22 kW, wit', 'stuk', 69900, 45, ZAPTEC],
    ['ZAP-PRO-22', 'Zaptec', 'Zaptec Pro laadpaal 22 kW', 'stuk', 107400, 60, ZAPTEC],
    ['ALF-EVE-S-SL', 'Alfen', 'Alfen Eve Single S-line laadpaal', 'stuk', 82500, 45, HOME],
    ['ALF-EVE-S-PL', 'Alfen', 'Alfen Eve Single Pro-line laadpaal 22 kW', 'stuk', 103200, 60, HOME],
    ['ALF-EVE-D-PL', 'Alfen', 'Alfen Eve Double Pro-line laadpaal 2× 22 kW', 'stuk', 190000, 90, BUSINESS],
    ['EAS-CORE-22', 'Easee', 'Easee Charge Core laadpaal 22 kW', 'stuk', 66000, 45, HOME],
    ['EAS-ONE', 'Easee', 'Easee One laadpaal', 'stuk', 74300, 45, HOME],
    ['RAT-IO6', 'Ratio', 'Ratio io6 laadpaal', 'stuk', 90500, 45, RATIO],
    ['RAT-SOLAR', 'Ratio', 'Ratio Solar Unit (laden op zonne-energie)', 'stuk', 28800, 30, RATIO],
  ]),
  ...rows('cable_accessory', false, [
    ['CC-LK-T2-5', 'ChargeCars', 'Laadkabel type 2, 3-fase 32 A, 5 m', 'stuk', 16500, 0, ACCESSORY],
    ['CC-LK-T2-7', 'ChargeCars', 'Laadkabel type 2, 3-fase 32 A, 7,5 m', 'stuk', 19500, 0, ACCESSORY],
    ['CC-LK-T2-10', 'ChargeCars', 'Laadkabel type 2, 3-fase 32 A, 10 m', 'stuk', 23900, 0, ACCESSORY],
    ['CC-IK-3X6', 'ChargeCars', 'Installatiekabel 3×6 mm² (1-fase), per meter', 'meter', 550, 3, ACCESSORY],
    ['CC-IK-5X6', 'ChargeCars', 'Installatiekabel 5×6 mm² (3-fase), per meter', 'meter', 850, 4, ACCESSORY],
    ['CC-IK-5X10', 'ChargeCars', 'Installatiekabel 5×10 mm² (3-fase), per meter', 'meter', 1450, 5, ACCESSORY],
    ['CC-ALS-A', 'ChargeCars', 'Aardlekschakelaar type A, 4-polig 40 A 30 mA', 'stuk', 9500, 20, ALL],
    ['CC-ALS-B', 'ChargeCars', 'Aardlekschakelaar type B, 4-polig 40 A 30 mA', 'stuk', 44500, 20, ALL],
    ['CC-CT-SET3', 'ChargeCars', 'Loadbalancing CT-stroomtangen, set van 3', 'stuk', 8900, 20, ACCESSORY],
  ]),
  ...rows('mounting', false, [
    ['CC-PAAL-1', 'ChargeCars', 'Laadpaalstaander enkel, verzinkt staal', 'stuk', 24500, 30, ACCESSORY],
    ['CC-PAAL-2', 'ChargeCars', 'Laadpaalstaander dubbel, verzinkt staal', 'stuk', 34500, 40, ACCESSORY],
    ['CC-WB-UNI', 'ChargeCars', 'Wandbeugel universeel met kabelhouder', 'stuk', 3900, 15, ACCESSORY],
    ['CC-SOKKEL', 'ChargeCars', 'Grondsokkel (betonvoet) voor laadpaalstaander', 'stuk', 12500, 45, ACCESSORY],
  ]),
  ...rows('installation_service', false, [
    [
      'SRV-INST-STD',
      'ChargeCars',
      'Installatie laadpaal standaard (tot 10 m kabel, aansluiten in meterkast)',
      'stuk',
      42000,
      120,
      ALL,
    ],
    ['SRV-UUR', 'ChargeCars', 'Extra uur arbeid', 'uur', 6500, 60, ALL],
    ['SRV-KABEL-M', 'ChargeCars', 'Meerprijs per meter kabel boven 10 m (kabel en arbeid)', 'meter', 2250, 5, ALL],
    ['SRV-GRAAF-M', 'ChargeCars', 'Graafwerk kabelsleuf, per meter (incl. herstel bestrating)', 'meter', 3500, 15, ALL],
    ['SRV-BORING', 'ChargeCars', 'Doorvoer door gevel of fundering (kernboring)', 'stuk', 4500, 30, ALL],
    ['SRV-SCHOUW', 'ChargeCars', 'Schouw (technische opname op locatie)', 'stuk', 9500, 60, ALL],
    ['SRV-OCPP', 'ChargeCars', 'OCPP-configuratie en koppeling backoffice', 'stuk', 7500, 30, ALL],
  ]),
  ...rows('meter_cabinet', false, [
    [
      'MK-GROEP-UITBR',
      'ChargeCars',
      'Groepenkast uitbreiding (extra groep met aardlekautomaat)',
      'stuk',
      18500,
      60,
      CABINET,
    ],
    [
      'MK-3F-AANP',
      'ChargeCars',
      '3-fase aansluiting aanpassing (aanvraag netbeheerder en ombouw)',
      'stuk',
      39500,
      90,
      CABINET,
    ],
    ['MK-VERV-3F', 'ChargeCars', 'Groepenkast vervanging, 3-fase, 8 groepen', 'stuk', 115000, 240, CABINET],
    ['MK-HOOFDSCH', 'ChargeCars', 'Hoofdschakelaar plaatsen', 'stuk', 9500, 30, CABINET],
  ]),
  ...rows('smart_meter', true, [
    ['SM-P1-MOD', 'ChargeCars', 'P1-module voor dynamische loadbalancing', 'stuk', 7900, 15, ALL],
    [
      'SM-HEMS',
      'ChargeCars',
      'Energiemanagementsysteem (HEMS) met app',
      'stuk',
      34900,
      45,
      [...HOME, 'METERKASTTHUIS'],
    ],
    ['EAS-EQUALIZER', 'Easee', 'Easee Equalizer (loadbalancing via P1)', 'stuk', 20500, 15, HOME],
  ]),
]);

const bySku = new Map(CATALOG.map((item) => [item.sku, item]));

/**
 * The catalogue item with this SKU. Throws for an unknown SKU (a typo in demo data is a bug).
 *
 * @example
 * catalogItem('ZAP-GO2-22').priceCents; // 69900
 */
export function catalogItem(sku: string): CatalogItem {
  const item = bySku.get(sku);
  if (!item) throw new Error(`unknown SKU ${sku}`);
  return item;
}

function kit(
  sku: string,
  [name, nameEn]: [nl: string, en: string],
  category: CatalogCategory,
  description: string,
  components: KitComponent[],
  discountPercent: number,
  entities: readonly EntityCode[],
): InstallationKit {
  const list = components.reduce((sum, c) => sum + catalogItem(c.sku).priceCents * c.quantity, 0);
  const labourMinutes = components.reduce((sum, c) => sum + catalogItem(c.sku).labourMinutes * c.quantity, 0);
  // Package prices end in whole euros.
  const priceCents = Math.round((list * (100 - discountPercent)) / 100 / 100) * 100;
  return { sku, name, nameEn, category, description, components, priceCents, vatRate: 21, labourMinutes, entities };
}

/** Packages of products and labour, priced a few percent below their parts. */
export const INSTALLATION_KITS: readonly InstallationKit[] = Object.freeze([
  kit(
    'KIT-ZAP-GO2',
    ['Thuislaadpakket Zaptec Go 2', 'Zaptec Go 2 home charging kit'],
    'charging_station',
    'Zaptec Go 2 aan de gevel, tot 10 m kabel, aardlek type A en P1-loadbalancing',
    [
      { sku: 'ZAP-GO2-22', quantity: 1 },
      { sku: 'SRV-INST-STD', quantity: 1 },
      { sku: 'CC-IK-5X6', quantity: 10 },
      { sku: 'CC-ALS-A', quantity: 1 },
      { sku: 'SM-P1-MOD', quantity: 1 },
    ],
    8,
    ZAPTEC,
  ),
  kit(
    'KIT-RAT-SOLAR',
    ['Ratio io6 Solar pakket', 'Ratio io6 Solar kit'],
    'charging_station',
    'Ratio io6 met Solar Unit, standaard installatie en P1-module',
    [
      { sku: 'RAT-IO6', quantity: 1 },
      { sku: 'RAT-SOLAR', quantity: 1 },
      { sku: 'SRV-INST-STD', quantity: 1 },
      { sku: 'CC-IK-5X6', quantity: 10 },
      { sku: 'SM-P1-MOD', quantity: 1 },
    ],
    7,
    RATIO,
  ),
  kit(
    'KIT-ALF-PAAL',
    ['Alfen Eve Pro-line op paal', 'Alfen Eve Pro-line on a pole'],
    'charging_station',
    'Vrijstaande Alfen Eve Single Pro-line op staander met grondsokkel en 10 m sleuf',
    [
      { sku: 'ALF-EVE-S-PL', quantity: 1 },
      { sku: 'CC-PAAL-1', quantity: 1 },
      { sku: 'CC-SOKKEL', quantity: 1 },
      { sku: 'SRV-INST-STD', quantity: 1 },
      { sku: 'SRV-GRAAF-M', quantity: 10 },
      { sku: 'CC-IK-5X6', quantity: 15 },
      { sku: 'CC-ALS-A', quantity: 1 },
    ],
    6,
    HOME,
  ),
  kit(
    'KIT-EAS-ONE',
    ['Easee One basispakket', 'Easee One basic kit'],
    'charging_station',
    'Easee One aan de gevel met standaard installatie en CT-loadbalancing',
    [
      { sku: 'EAS-ONE', quantity: 1 },
      { sku: 'SRV-INST-STD', quantity: 1 },
      { sku: 'CC-IK-3X6', quantity: 10 },
      { sku: 'CC-CT-SET3', quantity: 1 },
    ],
    5,
    HOME,
  ),
  kit(
    'KIT-MK-KLAAR',
    ['Meterkast klaar voor laden', 'Meter cupboard ready for charging'],
    'meter_cabinet',
    'Schouw, 3-fase aansluiting, extra groep en aardlek type A',
    [
      { sku: 'SRV-SCHOUW', quantity: 1 },
      { sku: 'MK-3F-AANP', quantity: 1 },
      { sku: 'MK-GROEP-UITBR', quantity: 1 },
      { sku: 'CC-ALS-A', quantity: 1 },
    ],
    5,
    CABINET,
  ),
  kit(
    'KIT-ZAK-DUO',
    ['Zakelijk laadplein Alfen Double', 'Business charging square Alfen Double'],
    'charging_station',
    'Alfen Eve Double Pro-line op dubbele staander, 5×10 mm² kabel, aardlek type B en OCPP',
    [
      { sku: 'ALF-EVE-D-PL', quantity: 1 },
      { sku: 'CC-PAAL-2', quantity: 1 },
      { sku: 'CC-SOKKEL', quantity: 1 },
      { sku: 'SRV-INST-STD', quantity: 1 },
      { sku: 'CC-IK-5X10', quantity: 20 },
      { sku: 'SRV-UUR', quantity: 2 },
      { sku: 'CC-ALS-B', quantity: 1 },
      { sku: 'SRV-OCPP', quantity: 1 },
    ],
    5,
    BUSINESS,
  ),
]);
