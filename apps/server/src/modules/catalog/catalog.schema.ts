import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';

export const PRODUCT_CATEGORIES = [
  'charging_station',
  'cable_accessory',
  'mounting',
  'installation_service',
  'meter_cabinet',
  'smart_meter',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
/** Dutch VAT rates in percent a product can carry; reverse charge is a line's VAT category (platform/vat.ts), never a product's. */
export const VAT_RATES = [21, 9, 0] as const;

export const productCategories = pgTable('product_categories', {
  code: text('code', { enum: PRODUCT_CATEGORIES }).primaryKey(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  serialisedByDefault: boolean('serialised_by_default').notNull().default(false),
});

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    // The name in English, for readers who chose English (issue 16); without one they read the Dutch name.
    nameEn: text('name_en'),
    brand: text('brand'),
    categoryCode: text('category_code', { enum: PRODUCT_CATEGORIES })
      .notNull()
      .references(() => productCategories.code),
    unit: text('unit', { enum: ['piece', 'meter', 'hour'] }).notNull(),
    serialised: boolean('serialised').notNull().default(false),
    vatRate: integer('vat_rate').notNull().default(21),
    labourMinutes: integer('labour_minutes').notNull().default(0),
    // What a unit costs us (purchase or labour), for the per-entity P&L.
    costCents: integer('cost_cents').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('products_category_idx').on(t.categoryCode),
    check('products_vat_rate', sql`${t.vatRate} in (21, 9, 0)`),
  ],
);

/** List price of a product per selling entity (excl. VAT, integer cents). */
export const productPrices = pgTable(
  'product_prices',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.entityId] }),
    check('product_prices_positive', sql`${t.priceCents} >= 0`),
  ],
);

/**
 * A package of products and labour sold as one line (installation kits). Its category decides who pays
 * it by the partner agreement, like a product's: the category of its main component.
 */
export const productKits = pgTable(
  'product_kits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    categoryCode: text('category_code', { enum: PRODUCT_CATEGORIES })
      .notNull()
      .references(() => productCategories.code),
    vatRate: integer('vat_rate').notNull().default(21),
  },
  (t) => [check('product_kits_vat_rate', sql`${t.vatRate} in (21, 9, 0)`)],
);

/** Package price of a kit per selling entity (excl. VAT, integer cents), like a product's list price. */
export const productKitPrices = pgTable(
  'product_kit_prices',
  {
    kitId: uuid('kit_id')
      .notNull()
      .references(() => productKits.id, { onDelete: 'cascade' }),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kitId, t.entityId] }),
    check('product_kit_prices_positive', sql`${t.priceCents} >= 0`),
  ],
);

export const productKitItems = pgTable(
  'product_kit_items',
  {
    kitId: uuid('kit_id')
      .notNull()
      .references(() => productKits.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kitId, t.productId] })],
);

/** Wholesale price a B2B partner pays for a product (ZaptecShop.nl / RatioShop.nl price lists). */
export const partnerPrices = pgTable(
  'partner_prices',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.productId] }),
    check('partner_prices_positive', sql`${t.priceCents} >= 0`),
  ],
);

/**
 * A standard configuration a quote starts from in one click. A line's quantity is fixed or taken from
 * an intake answer (`quantityAnswer`, e.g. the metres of cable beyond the included 10 m).
 */
export const quoteTemplates = pgTable('quote_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  entityId: text('entity_id')
    .notNull()
    .references(() => businessEntities.id),
  active: boolean('active').notNull().default(true),
});

export const INTAKE_ANSWERS = [
  'includedCableMeters',
  'extraCableMeters',
  'groundWorkMeters',
  'meterCabinetUpgrade',
  'smartMeter',
  'mountingPole',
] as const;

export const quoteTemplateLines = pgTable(
  'quote_template_lines',
  {
    templateId: uuid('template_id')
      .notNull()
      .references(() => quoteTemplates.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    quantityAnswer: text('quantity_answer', { enum: INTAKE_ANSWERS }),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.position] })],
);
