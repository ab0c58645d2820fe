import { randomUUID } from 'node:crypto';
import type { stockLocations } from './inventory.schema.ts';

type LocationRow = typeof stockLocations.$inferInsert & { id: string };

/**
 * The standard tree: the warehouse at HQ Nijkerk with its bins, a staging area per region, a van per
 * team (bulk consumables may go negative there), and the virtual ends of the flow. Suppliers and
 * partners that deliver get their own location under "Leveranciers" and "Partners".
 */
export function standardLocationTree(opts: {
  regions: { code: string; name: string }[];
  teams: { id: string; code: string; name: string }[];
  suppliers: string[];
  bins?: number;
  id?: () => string;
}): LocationRow[] {
  const id = opts.id ?? randomUUID;
  const row = (r: Omit<LocationRow, 'id'>): LocationRow => ({ id: id(), ...r });
  const warehouse = row({ code: 'MAG-NKK', name: 'Magazijn Nijkerk', kind: 'warehouse' });
  const bins = Array.from({ length: opts.bins ?? 4 }, (_, i) =>
    row({
      code: `MAG-NKK-${String.fromCharCode(65 + i)}`,
      name: `Magazijn Nijkerk stelling ${String.fromCharCode(65 + i)}`,
      kind: 'bin',
      parentId: warehouse.id,
    }),
  );
  const staging = opts.regions.map((r) =>
    row({ code: `STAGING-${r.code}`, name: `Staging ${r.name}`, kind: 'staging', regionCode: r.code }),
  );
  const vans = opts.teams.map((t) =>
    row({ code: `BUS-${t.code}`, name: `Bus ${t.name}`, kind: 'van', teamId: t.id, allowNegative: true }),
  );
  const supplierRoot = row({ code: 'LEVERANCIERS', name: 'Leveranciers', kind: 'supplier' });
  const suppliers = opts.suppliers.map((name) =>
    row({
      code: `LEV-${name.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`,
      name,
      kind: 'supplier',
      parentId: supplierRoot.id,
    }),
  );
  return [
    warehouse,
    ...bins,
    ...staging,
    ...vans,
    supplierRoot,
    ...suppliers,
    row({ code: 'PARTNERS', name: 'Partnerleveringen', kind: 'partner' }),
    row({ code: 'KLANTEN', name: 'Bij klanten geïnstalleerd', kind: 'customer' }),
    row({ code: 'ONDERWEG', name: 'Onderweg (transit)', kind: 'transit' }),
    row({ code: 'RETOUR', name: 'Retouren', kind: 'returns' }),
    row({ code: 'AFKEUR', name: 'Defect en afkeur', kind: 'scrap' }),
    row({ code: 'VERSCHIL', name: 'Voorraadverschillen', kind: 'loss' }),
  ];
}
