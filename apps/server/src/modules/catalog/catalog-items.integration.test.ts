import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
});
afterAll(async () => {
  await t?.close();
});

describe('what an entity sells, for the quote editor', () => {
  it("lists kits with their package price and components, then products, at the entity's prices", async () => {
    const ops = await t.as('ops@chargecars.nl');
    const { items } = (await ops.get('/api/catalog/items?entityId=chargecars')).json();
    expect(items.filter((i: { kind: string }) => i.kind === 'kit')).toEqual([
      {
        kind: 'kit',
        id: cat.kits.cabinet.id,
        code: 'KIT-MK',
        name: 'Meterkast klaar voor laden',
        nameEn: null,
        category: 'meter_cabinet',
        unit: 'piece',
        priceCents: 42000,
        vatRate: 21,
        components: [
          {
            code: 'MK-GROEP-UITBR',
            name: 'Meterkast uitbreiding extra groep',
            nameEn: 'Meter cupboard extension, extra circuit',
            quantity: 1,
          },
          { code: 'SRV-UUR', name: 'Monteur per uur', nameEn: 'Technician per hour', quantity: 2 },
        ],
      },
      expect.objectContaining({
        kind: 'kit',
        code: 'KIT-THUIS',
        category: 'charging_station',
        priceCents: 129900,
        components: expect.arrayContaining([
          {
            code: 'CC-IK-5X6',
            name: 'Installatiekabel 5x6 mm² per meter',
            nameEn: 'Installation cable 5x6 mm² per metre',
            quantity: 10,
          },
        ]),
      }),
    ]);
    expect(items.find((i: { code: string }) => i.code === 'ZAP-GO2-22')).toMatchObject({
      kind: 'product',
      id: cat.products.charger.id,
      priceCents: 89900,
      components: [],
    });
    expect(items).toHaveLength(2 + 6);
  });

  it('leaves out what has no price at the entity, and is for ops only', async () => {
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/catalog/items?entityId=laderthuis')).json().items).toEqual([]);
    expect((await ops.get('/api/catalog/items')).statusCode).toBe(400);
    expect(
      (await (await t.as('partner-a@alfa.example.nl')).get('/api/catalog/items?entityId=chargecars')).statusCode,
    ).toBe(403);
  });
});
