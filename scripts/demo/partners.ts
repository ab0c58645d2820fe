/**
 * Demo partner companies: fictional Dutch-sounding names, fictional KvK numbers, a contact person,
 * a location from the PC4 table, and for lead-transfer partners a commission agreement.
 * Everything comes from the seeded generator, so the same seed gives the same partners.
 */
import type { RegionCode } from '@chargecars/geo';
import type { CatalogCategory } from './catalog.ts';
import { CATALOG_CATEGORIES } from './catalog.ts';
import { dutchMobile, email, emailSlug, personName, SURNAMES } from './dutch-names.ts';
import type { EntityCode } from './entities.ts';
import { demoAddress, pickTown } from './places.ts';
import type { DemoAddress } from './places.ts';
import type { Rng } from './random.ts';

export const PARTNER_CATEGORIES = ['LeadTransfer', 'Automotive', 'Energy', 'B2BContractor'] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** The mix for 391 partners; other counts are split in the same proportions. */
export const PARTNER_MIX: Readonly<Record<PartnerCategory, number>> = {
  LeadTransfer: 160,
  Automotive: 90,
  Energy: 50,
  B2BContractor: 91,
};

/** What a lead-transfer partner earns for a lead that becomes an order. Percentages apply to the order total excl. VAT. */
export type CommissionAgreement =
  | { kind: 'percentage'; percent: number }
  | { kind: 'fixed'; amountCents: number }
  | { kind: 'tiered'; period: 'quarter'; tiers: readonly { fromConvertedLeads: number; percent: number }[] };

/** Who pays which order-line category by default (the order line's `billTo`), and how the partner is invoiced. */
export interface BillingRules {
  partnerPays: readonly CatalogCategory[];
  customerPays: readonly CatalogCategory[];
  /** The most a partner pays per order (euro cents excl. VAT); above it the customer pays. Null: no cap. */
  partnerCapCentsPerOrder: number | null;
  invoiceCycle: 'per_order' | 'monthly';
  paymentTermDays: 14 | 30 | 45 | 60;
}

export interface DemoPartner {
  /** Stable key for the loader, "P0001" … */
  code: string;
  name: string;
  legalForm: 'B.V.' | 'V.O.F.' | 'Eenmanszaak' | 'Coöperatie U.A.';
  category: PartnerCategory;
  /** 8 digits, random (fictional; not checked against the register). */
  kvkNumber: string;
  /**
   * Dutch VAT number (NL + 9 digits + B01, fictional) of installation companies, whose invoices carry
   * reverse charge; null for the other categories.
   */
  vatNumber: string | null;
  address: DemoAddress;
  /** The primary region of the address. */
  region: RegionCode;
  contact: {
    firstName: string;
    tussenvoegsel: string;
    lastName: string;
    fullName: string;
    role: string;
    email: string;
    phone: string;
  };
  /** The entities the partner brings work to. */
  entities: readonly EntityCode[];
  commission: CommissionAgreement | null;
  billing: BillingRules;
  active: boolean;
  /** Start of the partnership, YYYY-MM-DD. */
  since: string;
}

const WORDS = ['Slim', 'Groen', 'Stroom', 'Laad', 'Zon', 'Helder', 'Vonk', 'Wind', 'Licht', 'Polder', 'Duin', 'Dijk'];

// {S} = surname with capitalised tussenvoegsel ("Van der Meer"), {C} = city, {W} = a word.
const NAME_TEMPLATES: Readonly<Record<PartnerCategory, readonly string[]>> = {
  LeadTransfer: [
    '{S} Makelaardij',
    'Makelaardij {C}',
    'Woonadvies {S}',
    '{W}wonen {C}',
    'Duurzaam Wonen {C}',
    'Hypotheekhuis {C}',
    '{S} Verzekeringen',
    '{W}vergelijker',
    'Thuis{W}',
    'Energieadvies {S}',
    '{C} Verduurzaamt',
    'Bouwadvies {S}',
    'Woningnet {C}',
    '{S} Vastgoed',
    'Het Woonloket {C}',
    '{W}punt Advies',
  ],
  Automotive: [
    'Autobedrijf {S}',
    'Garage {S}',
    'Autohuis {C}',
    "{S} Auto's",
    'Autoservice {C}',
    '{S} Occasions',
    'E-Mobility {C}',
    '{C} Elektrisch Rijden',
    'Leasepartner {S}',
    'Autocentrum {C}',
    'Autogroep {S}',
    '{S} Mobiliteit',
  ],
  Energy: [
    '{C} Energie',
    'Energiecoöperatie {C}',
    'Zon & Stroom {S}',
    '{W}stroom Energie',
    'Warmtepomp {C}',
    '{S} Zonne-energie',
    'Lokaal Stroom {C}',
    'Energiewerk {C}',
    '{W}kracht Energie',
    '{S} Duurzame Techniek',
  ],
  B2BContractor: [
    'Installatiebedrijf {S}',
    '{S} Elektrotechniek',
    'Elektro {S}',
    '{S} & Zn. Installatietechniek',
    'Technisch Bureau {C}',
    '{S} Bouw & Installatie',
    'Elektrotechnisch Bureau {S}',
    'Vastgoedonderhoud {C}',
    '{C} Installatiegroep',
    'Utiliteitsbouw {S}',
  ],
};

const CONTACT_ROLES: Readonly<Record<PartnerCategory, readonly string[]>> = {
  LeadTransfer: ['Eigenaar', 'Accountmanager', 'Marketingmanager', 'Partnermanager'],
  Automotive: ['Vestigingsmanager', 'Verkoopadviseur', 'Aftersalesmanager', 'Eigenaar'],
  Energy: ['Projectleider', 'Bedrijfsleider', 'Accountmanager', 'Bestuurder'],
  B2BContractor: ['Projectleider', 'Werkvoorbereider', 'Directeur', 'Inkoper'],
};

const ENTITY_OPTIONS: Readonly<Record<PartnerCategory, readonly (readonly [readonly EntityCode[], number])[]>> = {
  LeadTransfer: [
    [['LADERTHUIS'], 5],
    [['LADERTHUIS', 'METERKASTTHUIS'], 3],
    [['CHARGECARS', 'LADERTHUIS'], 2],
  ],
  Automotive: [
    [['CHARGECARS'], 6],
    [['CHARGECARS', 'LADERTHUIS'], 3],
    [['CHARGECARS', 'ZAPTECSHOP'], 1],
  ],
  Energy: [
    [['CHARGECARS', 'METERKASTTHUIS'], 5],
    [['CHARGECARS'], 3],
    [['CHARGECARS', 'RATIOSHOP'], 2],
  ],
  B2BContractor: [
    [['CHARGECARS'], 5],
    [['CHARGECARS', 'ZAPTECSHOP'], 2],
    [['CHARGECARS', 'RATIOSHOP'], 2],
    [['ZAPTECSHOP', 'RATIOSHOP'], 1],
  ],
};

/** Splits count over the categories in the PARTNER_MIX proportions (largest remainder, exact for 391). */
export function partnerMix(count: number): Record<PartnerCategory, number> {
  const total = PARTNER_CATEGORIES.reduce((s, c) => s + PARTNER_MIX[c], 0);
  const exact = PARTNER_CATEGORIES.map((c) => (PARTNER_MIX[c] * count) / total);
  const out = PARTNER_CATEGORIES.map((_, i) => Math.floor(exact[i]!));
  let left = count - out.reduce((s, n) => s + n, 0);
  const byRemainder = PARTNER_CATEGORIES.map((_, i) => i).sort((a, b) => (exact[b]! % 1) - (exact[a]! % 1) || a - b);
  for (const i of byRemainder) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return Object.fromEntries(PARTNER_CATEGORIES.map((c, i) => [c, out[i]!])) as Record<PartnerCategory, number>;
}

function commissionFor(rng: Rng): CommissionAgreement {
  const kind = rng.weighted([
    ['percentage', 50],
    ['fixed', 35],
    ['tiered', 15],
  ] as const);
  if (kind === 'percentage') return { kind, percent: rng.int(6, 16) / 2 }; // 3–8 % in half percents
  if (kind === 'fixed') return { kind, amountCents: rng.int(10, 30) * 500 }; // €50–150 in steps of €5
  const base = rng.int(6, 10) / 2; // 3–5 %
  const step = rng.pick([0.5, 1, 1.5]);
  return {
    kind,
    period: 'quarter',
    tiers: [
      { fromConvertedLeads: 0, percent: base },
      { fromConvertedLeads: rng.pick([5, 10]), percent: Math.min(8, base + step) },
      { fromConvertedLeads: rng.pick([20, 25, 30]), percent: Math.min(8, base + 2 * step) },
    ],
  };
}

function billingFor(rng: Rng, category: PartnerCategory): BillingRules {
  const partnerPays: CatalogCategory[] = (() => {
    switch (category) {
      case 'LeadTransfer':
        return []; // the customer buys; the partner earns commission
      case 'Automotive':
        // A dealer includes the charger (and usually its installation) with the car.
        return rng.weighted<CatalogCategory[]>([
          [['charging_station', 'installation_service'], 5],
          [['charging_station', 'cable_accessory', 'mounting', 'installation_service'], 3],
          [['charging_station'], 2],
        ]);
      case 'Energy':
        // An energy supplier subsidises installation and energy management; the customer buys the charger.
        return rng.weighted<CatalogCategory[]>([
          [['installation_service', 'smart_meter'], 5],
          [['installation_service'], 3],
          [['charging_station', 'installation_service', 'smart_meter'], 2],
        ]);
      case 'B2BContractor':
        // A contractor resells to its own client and is invoiced for everything.
        return [...CATALOG_CATEGORIES];
    }
  })();
  const cap =
    category === 'Automotive' || category === 'Energy'
      ? rng.weighted<number | null>([
          [null, 2],
          [150000, 2],
          [200000, 2],
          [250000, 1],
        ])
      : null;
  return {
    partnerPays,
    customerPays: CATALOG_CATEGORIES.filter((c) => !partnerPays.includes(c)),
    partnerCapCentsPerOrder: cap,
    invoiceCycle:
      category === 'LeadTransfer'
        ? 'monthly'
        : rng.weighted([
            ['monthly', 2],
            ['per_order', 1],
          ] as const),
    paymentTermDays: category === 'B2BContractor' ? rng.pick([30, 45, 60] as const) : rng.pick([14, 30] as const),
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Generates `count` partners (391 by default) in the PARTNER_MIX proportions, categories shuffled
 * over the codes P0001…; names and KvK numbers are unique.
 *
 * @example
 * const partners = generatePartners(createRng('demo').fork('partners'));
 * partners[0]; // { code: 'P0001', name: 'Autobedrijf Van der Meer', category: 'Automotive', kvkNumber: '40318876', ... }
 */
export function generatePartners(rng: Rng, count = 391): DemoPartner[] {
  const mix = partnerMix(count);
  const categories = rng.shuffle(PARTNER_CATEGORIES.flatMap((c) => Array.from({ length: mix[c] }, () => c)));
  const usedNames = new Set<string>();
  const usedKvk = new Set<string>();
  const usedEmails = new Set<string>();
  // VAT numbers come from their own stream, so adding them left every other generated value as it was.
  const vatRng = rng.fork('vat-numbers');
  const usedVat = new Set<string>();
  const from = new Date('2019-01-01T00:00:00Z');
  const to = new Date('2026-07-01T00:00:00Z');

  return categories.map((category, index) => {
    const town = pickTown(rng);
    const city = town.name;

    let name = '';
    for (let attempt = 0; name === '' || usedNames.has(name); attempt++) {
      const [tv, last] = rng.pick(SURNAMES);
      const surname = tv ? `${capitalise(tv)} ${last}` : last;
      const base = rng
        .pick(NAME_TEMPLATES[category])
        .replace('{S}', surname)
        .replace('{C}', city)
        .replace('{W}', rng.pick(WORDS));
      name = attempt < 5 ? capitalise(base) : `${capitalise(base)} ${city}`;
      if (attempt > 20) name = `${capitalise(base)} ${index + 1}`;
    }
    usedNames.add(name);

    const legalForm =
      category === 'Energy' && name.includes('coöperatie')
        ? 'Coöperatie U.A.'
        : rng.weighted([
            ['B.V.', 6],
            ['V.O.F.', 2],
            ['Eenmanszaak', 2],
          ] as const);

    let kvkNumber = '';
    while (kvkNumber === '' || usedKvk.has(kvkNumber)) kvkNumber = String(rng.int(1, 9)) + rng.digits(7);
    usedKvk.add(kvkNumber);

    let vatNumber: string | null = null;
    while (category === 'B2BContractor' && (vatNumber === null || usedVat.has(vatNumber)))
      vatNumber = `NL${String(vatRng.int(1, 9))}${vatRng.digits(8)}B01`;
    if (vatNumber) usedVat.add(vatNumber);

    const person = personName(rng);
    const companyDomain = `${emailSlug(name).slice(0, 30)}.example.nl`;
    const address = demoAddress(rng, town);

    return {
      code: `P${String(index + 1).padStart(4, '0')}`,
      name,
      legalForm,
      category,
      kvkNumber,
      vatNumber,
      address,
      region: address.region,
      contact: {
        firstName: person.firstName,
        tussenvoegsel: person.tussenvoegsel,
        lastName: person.lastName,
        fullName: person.fullName,
        role: rng.pick(CONTACT_ROLES[category]),
        email: email(rng, person, usedEmails, companyDomain),
        phone: dutchMobile(rng),
      },
      entities: rng.weighted(ENTITY_OPTIONS[category]),
      commission: category === 'LeadTransfer' ? commissionFor(rng) : null,
      billing: billingFor(rng, category),
      active: rng.chance(0.94),
      since: rng.date(from, to).toISOString().slice(0, 10),
    };
  });
}
