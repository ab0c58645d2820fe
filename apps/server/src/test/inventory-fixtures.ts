import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/db/client.ts';
import * as s from '../platform/db/schema.ts';
import { standardLocationTree } from '../modules/inventory/index.ts';
import type { loadFixtures } from './fixtures.ts';
import { loadCatalogFixtures } from './catalog-fixtures.ts';

type Fixtures = Awaited<ReturnType<typeof loadFixtures>>;

/**
 * The standard location tree for the fixture teams and regions, one supplier (Zaptec), the catalogue
 * fixtures with the meter-cabinet part tracked by batch and the cable counted with a reorder point.
 */
export async function loadInventoryFixtures(
  database: Database,
  f: Fixtures,
  loaded?: Awaited<ReturnType<typeof loadCatalogFixtures>>,
) {
  const catalog = loaded ?? (await loadCatalogFixtures(database, f));
  const tree = standardLocationTree({
    regions: [
      { code: 'MIDDEN', name: 'Midden' },
      { code: 'NOORD-HOLLAND', name: 'Noord-Holland' },
    ],
    teams: [f.team1, f.team2],
    suppliers: ['Zaptec'],
    bins: 2,
  });
  await database.db.insert(s.stockLocations).values(tree);
  await database.db.insert(s.stockProductSettings).values([
    { productId: catalog.products.charger.id, tracking: 'serial', warrantyMonths: 36, reorderPoint: 5 },
    { productId: catalog.products.cabinet.id, tracking: 'batch' },
    { productId: catalog.products.cable.id, tracking: 'none', reorderPoint: 20, reorderQuantity: 100 },
  ]);
  const loc = (code: string) => tree.find((l) => l.code === code)!;
  return {
    ...catalog,
    locations: {
      warehouse: loc('MAG-NKK'),
      binA: loc('MAG-NKK-A'),
      staging: loc('STAGING-MIDDEN'),
      van1: loc(`BUS-${f.team1.code}`),
      van2: loc(`BUS-${f.team2.code}`),
      supplier: loc('LEV-ZAPTEC'),
      partner: loc('PARTNERS'),
      customer: loc('KLANTEN'),
      transit: loc('ONDERWEG'),
      returns: loc('RETOUR'),
      scrap: loc('AFKEUR'),
      loss: loc('VERSCHIL'),
    },
  };
}

/** Extra planned visits of the fixture order, for reservation tests that need many. */
export async function addVisits(database: Database, f: Fixtures, n: number) {
  const rows = await database.db
    .insert(s.visits)
    .values(
      Array.from({ length: n }, (_, i) => ({
        number: `BZ-T${String(i).padStart(5, '0')}-${randomUUID().slice(0, 6)}`,
        orderId: f.o1.id,
        entityId: 'chargecars',
        customerId: f.c1.id,
        addressId: f.v1.addressId,
        type: 'installation' as const,
        status: 'scheduled' as const,
        teamId: f.team1.id,
        scheduledDate: f.today,
        block: 'morning' as const,
        durationMinutes: 180,
      })),
    )
    .returning({ id: s.visits.id });
  return rows.map((r) => r.id);
}
