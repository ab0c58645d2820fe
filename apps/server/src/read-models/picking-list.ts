import { sql } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { addresses } from '../modules/crm/crm.schema.ts';
import { teamRegions, teams, visits } from '../modules/planning/planning.schema.ts';
import {
  stockLocations,
  stockMoves,
  stockPostings,
  stockProductSettings,
  stockReservations,
  type Tracking,
} from '../modules/inventory/inventory.schema.ts';
import { HOLDING_VISIT_STATUSES, visitMaterials } from './visit-materials.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';

type Place = { id: string; code: string; name: string };

/** Where a team's kits are assembled (the staging of its first region that has one) and its van. */
export async function teamStockPlaces(db: DbOrTx, teamId: string) {
  const rows = await rawRows<{
    team_code: string;
    team_name: string;
    staging_id: string | null;
    staging_code: string | null;
    staging_name: string | null;
    van_id: string | null;
    van_code: string | null;
    van_name: string | null;
  }>(
    db,
    sql`select t.code team_code, t.name team_name, st.id staging_id, st.code staging_code, st.name staging_name,
               van.id van_id, van.code van_code, van.name van_name
        from ${teams} t
        left join lateral (
          select l.id, l.code, l.name from ${teamRegions} tr
          join ${stockLocations} l on l.kind = 'staging' and l.region_code = tr.region_code and l.active
          where tr.team_id = t.id order by tr.region_code limit 1
        ) st on true
        left join lateral (
          select l.id, l.code, l.name from ${stockLocations} l where l.kind = 'van' and l.team_id = t.id and l.active
          order by l.code limit 1
        ) van on true
        where t.id = ${teamId}`,
  );
  const r = rows[0];
  if (!r) return null;
  const place = (id: string | null, code: string | null, name: string | null): Place | null =>
    id ? { id, code: code!, name: name! } : null;
  return {
    team: { id: teamId, code: r.team_code, name: r.team_name },
    staging: place(r.staging_id, r.staging_code, r.staging_name),
    van: place(r.van_id, r.van_code, r.van_name),
  };
}

export type KitStatus = 'to_pick' | 'picked' | 'loaded';

/**
 * The picking list of a team's day: per visit (morning first) its main components, each with the serial
 * reserved for it and the bin it lies in, and its small parts as quantities; and the small parts summed
 * per installation type, since they are taken from the shelf by the box, not per unit. A visit's state
 * follows its postings: picked into staging, loaded onto the van.
 */
export async function pickingList(db: DbOrTx, opts: { teamId: string; date: string; language?: Language }) {
  const places = await teamStockPlaces(db, opts.teamId);
  if (!places) return null;
  const planned = await rawRows<{
    id: string;
    number: string;
    type: string;
    block: string;
    postcode: string;
    city: string;
    picked: boolean;
    loaded: boolean;
  }>(
    db,
    sql`select v.id, v.number, v.type, v.block, a.postcode, a.city,
          exists (select 1 from ${stockPostings} sp where sp.visit_id = v.id and sp.document_type = 'pick') picked,
          exists (select 1 from ${stockPostings} sp where sp.visit_id = v.id and sp.document_type = 'load') loaded
        from ${visits} v join ${addresses} a on a.id = v.address_id
        where v.team_id = ${opts.teamId} and v.scheduled_date = ${opts.date}
          and v.status in (${sql.join(
            HOLDING_VISIT_STATUSES.map((s) => sql`${s}`),
            sql`, `,
          )})
        order by v.block desc, v.number`,
  );
  const ids = planned.map((v) => v.id);
  const materials = await visitMaterials(db, ids);
  const productIds = [...new Set([...materials.values()].flat().map((m) => m.productId))];
  const info = new Map(
    productIds.length
      ? (
          await rawRows<{ id: string; sku: string; name: string; tracking: Tracking }>(
            db,
            sql`select p.id, p.sku, ${productNameIn(opts.language ?? 'nl')} as name,
                  coalesce(ps.tracking, case when p.serialised then 'serial' else 'none' end) tracking
                from ${products} p left join ${stockProductSettings} ps on ps.product_id = p.id
                where p.id in (${uuidList(productIds)})`,
          )
        ).map((p) => [p.id, p])
      : [],
  );
  // Reserved (still to pick, with its bin) and picked (in staging or further) units per visit and product.
  const units = ids.length
    ? await rawRows<{
        visit_id: string;
        product_id: string;
        lot: string;
        location_code: string;
        quantity: number;
        state: string;
      }>(
        db,
        sql`select r.visit_id, r.product_id, r.lot, l.code location_code, r.quantity, 'reserved' state
            from ${stockReservations} r join ${stockLocations} l on l.id = r.location_id
            where r.status = 'active' and r.visit_id in (${uuidList(ids)})
            union all
            select sp.visit_id, m.product_id, coalesce(m.serial_number, m.batch_code, '') lot, l.code, m.quantity, 'picked'
            from ${stockMoves} m join ${stockPostings} sp on sp.id = m.posting_id
            join ${stockLocations} l on l.id = m.to_location_id
            where sp.document_type = 'pick' and sp.visit_id in (${uuidList(ids)})
            order by 1, 2, 3`,
      )
    : [];
  const byType = new Map<string, Map<string, number>>();
  const list = planned.map((v) => {
    const mine = units.filter((u) => u.visit_id === v.id);
    const main: {
      productId: string;
      sku: string;
      name: string;
      serialNumber: string | null;
      locationCode: string | null;
      picked: boolean;
    }[] = [];
    const small: { productId: string; sku: string; name: string; quantity: number; tracking: Tracking }[] = [];
    for (const m of materials.get(v.id) ?? []) {
      const p = info.get(m.productId)!;
      if (p.tracking !== 'serial') {
        small.push({ productId: m.productId, sku: p.sku, name: p.name, quantity: m.quantity, tracking: p.tracking });
        const perType = byType.get(v.type) ?? new Map<string, number>();
        perType.set(m.productId, (perType.get(m.productId) ?? 0) + m.quantity);
        byType.set(v.type, perType);
        continue;
      }
      const found = mine.filter((u) => u.product_id === m.productId);
      for (let i = 0; i < m.quantity; i++) {
        const u = found[i];
        main.push({
          productId: m.productId,
          sku: p.sku,
          name: p.name,
          serialNumber: u?.lot ?? null,
          locationCode: u?.location_code ?? null,
          picked: u?.state === 'picked',
        });
      }
    }
    const status: KitStatus = v.loaded ? 'loaded' : v.picked ? 'picked' : 'to_pick';
    return {
      visitId: v.id,
      number: v.number,
      type: v.type,
      block: v.block,
      place: `${v.postcode} ${v.city}`,
      status,
      mainComponents: main,
      smallParts: small,
    };
  });
  const smallPartsByType = [...byType].map(([type, perProduct]) => ({
    type,
    parts: [...perProduct].map(([productId, quantity]) => {
      const p = info.get(productId)!;
      return { productId, sku: p.sku, name: p.name, quantity };
    }),
  }));
  return { ...places, date: opts.date, visits: list, smallPartsByType };
}
export type PickingList = NonNullable<Awaited<ReturnType<typeof pickingList>>>;

/**
 * What a visit's kit in staging should hold: what was picked for it, less what has been loaded since.
 * The quality check holds the scanned serials and counted quantities to this.
 */
export async function kitInStaging(db: DbOrTx, visitId: string, language: Language = 'nl') {
  const rows = await rawRows<{
    product_id: string;
    sku: string;
    name: string;
    lot: string;
    serial: boolean;
    quantity: number;
    location_id: string;
  }>(
    db,
    sql`select m.product_id, p.sku, ${productNameIn(language)} as name, coalesce(m.serial_number, m.batch_code, '') lot,
               m.serial_number is not null serial,
               case when sp.document_type = 'pick' then m.to_location_id else m.from_location_id end location_id,
               sum(case when sp.document_type = 'pick' then m.quantity else -m.quantity end)::int quantity
        from ${stockMoves} m join ${stockPostings} sp on sp.id = m.posting_id
        join ${products} p on p.id = m.product_id
        where sp.visit_id = ${visitId} and sp.document_type in ('pick', 'load')
        group by 1, 2, 3, 4, 5, 6 having sum(case when sp.document_type = 'pick' then m.quantity else -m.quantity end) > 0
        order by 2, 4`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    sku: r.sku,
    name: r.name,
    serialNumber: r.serial ? r.lot : null,
    batchCode: !r.serial && r.lot ? r.lot : null,
    quantity: Number(r.quantity),
    locationId: r.location_id,
  }));
}
