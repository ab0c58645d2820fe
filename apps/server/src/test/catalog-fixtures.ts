import type { Database } from '../platform/db/client.ts';
import * as s from '../platform/db/schema.ts';
import type { loadFixtures } from './fixtures.ts';

type Fixtures = Awaited<ReturnType<typeof loadFixtures>>;

/**
 * A small catalogue for quote and billing tests: one product per category that a standard
 * installation uses, prices for ChargeCars, partner A's agreement (partner pays charger and
 * installation) and a wholesale price, the standard-installation template, and two kits priced at
 * ChargeCars only: a home-charging package (billed as a charger) and a meter-cabinet package.
 */
export async function loadCatalogFixtures(database: Database, f: Fixtures) {
  const { db } = database;
  await db.insert(s.productCategories).values([
    { code: 'charging_station', nameNl: 'Laadstations', nameEn: 'Charging stations', serialisedByDefault: true },
    { code: 'cable_accessory', nameNl: 'Kabels', nameEn: 'Cables' },
    { code: 'mounting', nameNl: 'Montage', nameEn: 'Mounting' },
    { code: 'installation_service', nameNl: 'Installatie', nameEn: 'Installation' },
    { code: 'meter_cabinet', nameNl: 'Meterkast', nameEn: 'Meter cabinet' },
    { code: 'smart_meter', nameNl: 'Slimme meter', nameEn: 'Smart meter' },
  ]);
  const [charger, install, cable, extraCable, cabinet, hour] = await db
    .insert(s.products)
    .values([
      {
        sku: 'ZAP-GO2-22',
        name: 'Zaptec Go 2 22 kW',
        nameEn: 'Zaptec Go 2 22 kW charger',
        brand: 'Zaptec',
        categoryCode: 'charging_station',
        unit: 'piece',
        serialised: true,
        vatRate: 21,
        labourMinutes: 0,
        costCents: 62000,
      },
      {
        sku: 'SRV-INST-STD',
        name: 'Standaardinstallatie laadpaal',
        nameEn: 'Standard charger installation',
        categoryCode: 'installation_service',
        unit: 'piece',
        vatRate: 21,
        labourMinutes: 180,
        costCents: 15000,
      },
      {
        sku: 'CC-IK-5X6',
        name: 'Installatiekabel 5x6 mm² per meter',
        nameEn: 'Installation cable 5x6 mm² per metre',
        categoryCode: 'cable_accessory',
        unit: 'meter',
        vatRate: 21,
        costCents: 450,
      },
      {
        sku: 'SRV-KABEL-M',
        name: 'Meerprijs kabel per meter boven 10 m',
        nameEn: 'Extra charge per metre of cable beyond 10 m',
        categoryCode: 'cable_accessory',
        unit: 'meter',
        vatRate: 21,
        labourMinutes: 6,
        costCents: 900,
      },
      {
        sku: 'MK-GROEP-UITBR',
        name: 'Meterkast uitbreiding extra groep',
        nameEn: 'Meter cupboard extension, extra circuit',
        categoryCode: 'meter_cabinet',
        unit: 'piece',
        vatRate: 21,
        labourMinutes: 90,
        costCents: 9000,
      },
      {
        sku: 'SRV-UUR',
        name: 'Monteur per uur',
        nameEn: 'Technician per hour',
        categoryCode: 'installation_service',
        unit: 'hour',
        vatRate: 21,
        costCents: 4500,
      },
    ])
    .returning();
  await db.insert(s.productPrices).values([
    { productId: charger!.id, entityId: 'chargecars', priceCents: 89900 },
    { productId: install!.id, entityId: 'chargecars', priceCents: 34900 },
    { productId: cable!.id, entityId: 'chargecars', priceCents: 1250 },
    { productId: extraCable!.id, entityId: 'chargecars', priceCents: 2450 },
    { productId: cabinet!.id, entityId: 'chargecars', priceCents: 29500 },
    { productId: hour!.id, entityId: 'chargecars', priceCents: 7500 },
  ]);
  await db.insert(s.partnerAgreements).values([
    {
      partnerId: f.partnerA.id,
      entityId: 'chargecars',
      commissionType: 'percentage',
      commissionBasisPoints: 500,
      partnerPaysCategories: ['charging_station', 'installation_service', 'cable_accessory'],
      paymentTermDays: 30,
      validFrom: '2024-01-01',
    },
    {
      partnerId: f.partnerB.id,
      entityId: 'chargecars',
      commissionType: 'fixed_per_lead',
      commissionFixedCents: 7500,
      partnerPaysCategories: ['charging_station'],
      paymentTermDays: 14,
      validFrom: '2024-01-01',
    },
  ]);
  await db.insert(s.partnerPrices).values({ partnerId: f.partnerA.id, productId: charger!.id, priceCents: 79900 });
  const [template] = await db
    .insert(s.quoteTemplates)
    .values({
      code: 'CC-STANDAARD',
      name: 'Standaard laadpaal-installatie',
      nameEn: 'Standard charger installation',
      entityId: 'chargecars',
    })
    .returning();
  await db.insert(s.quoteTemplateLines).values([
    { templateId: template!.id, position: 1, productId: charger!.id, quantity: 1 },
    { templateId: template!.id, position: 2, productId: install!.id, quantity: 1 },
    { templateId: template!.id, position: 3, productId: cable!.id, quantity: 0, quantityAnswer: 'includedCableMeters' },
    {
      templateId: template!.id,
      position: 4,
      productId: extraCable!.id,
      quantity: 0,
      quantityAnswer: 'extraCableMeters',
    },
    {
      templateId: template!.id,
      position: 5,
      productId: cabinet!.id,
      quantity: 1,
      quantityAnswer: 'meterCabinetUpgrade',
    },
  ]);
  const [homeKit, cabinetKit] = await db
    .insert(s.productKits)
    .values([
      {
        code: 'KIT-THUIS',
        name: 'Thuislaadpakket Zaptec Go 2',
        nameEn: 'Zaptec Go 2 home charging kit',
        categoryCode: 'charging_station',
      },
      { code: 'KIT-MK', name: 'Meterkast klaar voor laden', categoryCode: 'meter_cabinet' },
    ])
    .returning();
  await db.insert(s.productKitItems).values([
    { kitId: homeKit!.id, productId: charger!.id, quantity: 1 },
    { kitId: homeKit!.id, productId: install!.id, quantity: 1 },
    { kitId: homeKit!.id, productId: cable!.id, quantity: 10 },
    { kitId: cabinetKit!.id, productId: cabinet!.id, quantity: 1 },
    { kitId: cabinetKit!.id, productId: hour!.id, quantity: 2 },
  ]);
  await db.insert(s.productKitPrices).values([
    { kitId: homeKit!.id, entityId: 'chargecars', priceCents: 129900 },
    { kitId: cabinetKit!.id, entityId: 'chargecars', priceCents: 42000 },
  ]);
  return {
    products: {
      charger: charger!,
      install: install!,
      cable: cable!,
      extraCable: extraCable!,
      cabinet: cabinet!,
      hour: hour!,
    },
    kits: { home: homeKit!, cabinet: cabinetKit! },
    template: template!,
  };
}
