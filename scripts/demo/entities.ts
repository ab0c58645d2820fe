/**
 * The five business entities (labels). Codes are the demo's own; align them with the database
 * schema's entity keys when the loader is written.
 */
export const ENTITIES = [
  {
    code: 'CHARGECARS',
    name: 'ChargeCars',
    website: 'chargecars.nl',
    description: 'Installatie van laadpunten, particulier en zakelijk',
  },
  {
    code: 'LADERTHUIS',
    name: 'LaderThuis.nl',
    website: 'laderthuis.nl',
    description: 'Thuislader met installatie voor particulieren',
  },
  {
    code: 'METERKASTTHUIS',
    name: 'MeterKastThuis.nl',
    website: 'meterkastthuis.nl',
    description: 'Groepenkast en meterkast klaar maken voor laden',
  },
  { code: 'ZAPTECSHOP', name: 'ZaptecShop.nl', website: 'zaptecshop.nl', description: 'Webshop voor Zaptec-laadpalen' },
  { code: 'RATIOSHOP', name: 'RatioShop.nl', website: 'ratioshop.nl', description: 'Webshop voor Ratio-laadpalen' },
] as const;

export type EntityCode = (typeof ENTITIES)[number]['code'];
export const ENTITY_CODES: readonly EntityCode[] = ENTITIES.map((e) => e.code);
