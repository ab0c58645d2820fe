// Pure, deterministic generators for the demo data. No database code: the loader maps these plain
// objects onto the schema. Use one root seed and fork it per kind, so that changing how many of one
// kind are made does not change the others:
//
//   const rng = createRng('chargecars-demo');
//   const partners = generatePartners(rng.fork('partners'), 391);
//   const address = demoAddress(rng.fork('customers'));
export { createRng } from './random.ts';
export type { Rng } from './random.ts';
export { ENTITIES, ENTITY_CODES } from './entities.ts';
export type { EntityCode } from './entities.ts';
export {
  DEMO_EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  STREET_NAMES,
  SURNAMES,
  dutchMobile,
  email,
  emailSlug,
  personName,
  streetName,
} from './dutch-names.ts';
export type { PersonName } from './dutch-names.ts';
export { ANCHOR_RADIUS_KM, LETTER_PAIRS, demoAddress, demoTowns, pickTown } from './places.ts';
export type { DemoAddress, Town } from './places.ts';
export { CATALOG, CATALOG_CATEGORIES, INSTALLATION_KITS, catalogItem } from './catalog.ts';
export type { CatalogCategory, CatalogItem, CatalogUnit, InstallationKit, KitComponent, VatRate } from './catalog.ts';
export { PARTNER_CATEGORIES, PARTNER_MIX, generatePartners, partnerMix } from './partners.ts';
export type { BillingRules, CommissionAgreement, DemoPartner, PartnerCategory } from './partners.ts';
