import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { CATALOG, type Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoVisit } from './generate-visits.ts';
import { addDays, localDate, pad, uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Stock along the PRD's flow: warehouse Nijkerk, staging, a van per team, and chargers on customers' walls. */
export function generateStock(rng: Rng, ref: Reference, visits: DemoVisit[], scale: number, now: Date) {
  const warehouse = {
    id: uuidFrom(rng),
    code: 'MAG-NKK',
    name: 'Magazijn Nijkerk',
    kind: 'warehouse' as const,
    teamId: null,
  };
  const staging = {
    id: uuidFrom(rng),
    code: 'STAGING-NKK',
    name: 'Staging Nijkerk',
    kind: 'staging' as const,
    teamId: null,
  };
  const installed = {
    id: uuidFrom(rng),
    code: 'GEINSTALLEERD',
    name: 'Geïnstalleerd bij klanten',
    kind: 'installed' as const,
    teamId: null,
  };
  const vans = ref.teams.map((t) => ({
    id: uuidFrom(rng),
    code: `BUS-${t.code}`,
    name: `Bus ${t.name}`,
    kind: 'van' as const,
    teamId: t.id,
  }));
  const locations: Insert<typeof s.stockLocations>[] = [warehouse, staging, installed, ...vans];

  const items: Insert<typeof s.stockItems>[] = [];
  let serial = 0;
  const nextSerial = (sku: string) => `${sku.split('-')[0]}${pad(++serial, 8)}`;
  const chargers = CATALOG.filter((c) => c.serialised && c.category === 'charging_station');
  const stockPerSku = Math.max(2, Math.round(30 * scale));
  for (const c of chargers) {
    const productId = ref.productBySku.get(c.sku)!.id;
    for (let i = 0; i < stockPerSku; i++)
      items.push({
        productId,
        locationId: warehouse.id,
        serialNumber: nextSerial(c.sku),
        quantity: 1,
        status: 'available',
        receivedAt: addDays(now, -rng.int(5, 120)),
      });
    for (const van of vans)
      if (rng.chance(0.5))
        items.push({
          productId,
          locationId: van.id,
          serialNumber: nextSerial(c.sku),
          quantity: 1,
          status: 'available',
          receivedAt: addDays(now, -rng.int(1, 30)),
        });
  }
  for (const c of CATALOG.filter((c) => !c.serialised && c.category !== 'installation_service')) {
    const productId = ref.productBySku.get(c.sku)!.id;
    items.push({
      productId,
      locationId: warehouse.id,
      batchCode: `B${localDate(now).slice(2, 4)}${pad(rng.int(1, 9999), 4)}`,
      quantity: Math.round(rng.int(20, 200) * Math.max(1, scale)),
      status: 'available',
    });
    for (const van of vans)
      items.push({
        productId,
        locationId: van.id,
        batchCode: `B${localDate(now).slice(2, 4)}${pad(rng.int(1, 9999), 4)}`,
        quantity: rng.int(2, 15),
        status: 'available',
      });
  }
  // Every completed installation left a serialised charger on the wall, with two years of warranty.
  for (const v of visits) {
    if (v.status !== 'completed' || v.type !== 'installation') continue;
    const line = v.order.lines.find((l) => l.category === 'charging_station');
    if (!line) continue;
    items.push({
      productId: line.productId,
      locationId: installed.id,
      serialNumber: nextSerial(line.sku),
      quantity: 1,
      status: 'installed',
      visitId: v.id,
      warrantyUntil: localDate(addDays(v.completedAt as Date, 730)),
      receivedAt: addDays(v.completedAt as Date, -10),
    });
  }
  return { locations, items };
}
