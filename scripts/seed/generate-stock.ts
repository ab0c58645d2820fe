import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { standardLocationTree } from '../../apps/server/src/modules/inventory/location-tree.ts';
import { addMonths } from '../../apps/server/src/modules/inventory/post-stock-moves.ts';
import { CATALOG, type Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoVisit } from './generate-visits.ts';
import { generateStockCounts } from './generate-stock-counts.ts';
import { plannedDemand } from './planned-demand.ts';
import { generateStockFlow } from './generate-stock-flow.ts';
import { addDays, localDate, pad, uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type DocumentType = Insert<typeof s.stockPostings>['documentType'];
type Move = {
  productId: string;
  quantity: number;
  serialNumber?: string;
  batchCode?: string;
  from: string;
  to: string;
};

/**
 * A ledger the way the application would have posted it, kept in memory: postings with their moves,
 * balances derived from them (the seed test holds them to the rebuild), and where each serial ended.
 */
export class DemoLedger {
  postings: (Insert<typeof s.stockPostings> & { id: string; postedAt: Date })[] = [];
  private movesOf = new Map<string, Move[]>();
  private n = 0;
  constructor(private readonly id: () => string) {}

  post(documentType: DocumentType, documentRef: string, at: Date, moves: Move[], visitId?: string) {
    const id = this.id();
    this.postings.push({
      id,
      idempotencyKey: `demo-${++this.n}`,
      requestHash: 'demo',
      documentType,
      documentRef,
      visitId: visitId ?? null,
      postedAt: at,
    });
    this.movesOf.set(id, moves);
    return id;
  }

  /** Moves in the order they happened (the ledger's id order is its time order). */
  rows() {
    const postings = [...this.postings].sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
    const moves: Insert<typeof s.stockMoves>[] = [];
    const balances = new Map<string, Insert<typeof s.stockBalances> & { onHand: number }>();
    const serialAt = new Map<string, string>();
    for (const p of postings)
      for (const m of this.movesOf.get(p.id)!) {
        moves.push({
          postingId: p.id,
          productId: m.productId,
          quantity: m.quantity,
          serialNumber: m.serialNumber ?? null,
          batchCode: m.batchCode ?? null,
          fromLocationId: m.from,
          toLocationId: m.to,
          postedAt: p.postedAt,
        });
        const lot = m.serialNumber ?? m.batchCode ?? '';
        for (const [locationId, sign] of [
          [m.from, -1],
          [m.to, 1],
        ] as const) {
          const key = `${m.productId}|${locationId}|${lot}`;
          const row = balances.get(key) ?? { productId: m.productId, locationId, lot, onHand: 0, reserved: 0 };
          row.onHand += sign * m.quantity;
          balances.set(key, row);
        }
        if (m.serialNumber) serialAt.set(`${m.productId}|${m.serialNumber}`, m.to);
      }
    return { postings, moves, balances: [...balances.values()].filter((b) => b.onHand !== 0), serialAt };
  }
}

/**
 * A year of stock along the PRD's flow: monthly purchase orders per supplier received into the
 * warehouse at Nijkerk, each installed charger picked to the region's staging (through transit),
 * loaded onto the team's van and installed on the visit's day with its serial and warranty, bulk
 * parts topped up on the vans, open orders still to come, and some products below their reorder point.
 */
export function generateStock(rng: Rng, ref: Reference, visits: DemoVisit[], scale: number, now: Date) {
  const id = () => uuidFrom(rng);
  const catalog = CATALOG.filter((c) => c.category !== 'installation_service');
  const supplierOf = (c: (typeof CATALOG)[number]) => (c.category === 'charging_station' ? c.brand : 'Technische Unie');
  const suppliers = [...new Set(catalog.map(supplierOf))].sort();
  const locations = standardLocationTree({
    regions: ref.regions.map((r) => ({ code: r.code, name: r.name })),
    teams: ref.teams,
    suppliers,
    id,
  });
  // Each supplier's order desk, where a sent purchase order goes with its PDF and UBL (demo domain only).
  // The Norwegian makers' desks read English, so their purchase orders are mailed in English.
  for (const l of locations)
    if (l.kind === 'supplier' && l.parentId) {
      l.contactEmail = `orders.${l.code.slice(4).toLowerCase()}@example.nl`;
      if (l.name === 'Zaptec' || l.name === 'Easee') l.contactLanguage = 'en';
    }
  const loc = (code: string) => locations.find((l) => l.code === code)!.id;
  const warehouse = loc('MAG-NKK');
  const bins = locations.filter((l) => l.kind === 'bin').map((l) => l.id);
  const transit = loc('ONDERWEG');
  const customerSite = loc('KLANTEN');
  const supplierLoc = (name: string) => locations.find((l) => l.kind === 'supplier' && l.name === name)!.id;
  const vanOf = new Map(ref.teams.map((t) => [t.id, loc(`BUS-${t.code}`)]));
  const stagingOf = new Map(ref.teams.map((t) => [t.id, loc(`STAGING-${t.regionCode}`)]));

  const tracking = (c: (typeof CATALOG)[number]) =>
    c.serialised ? 'serial' : c.category === 'cable_accessory' || c.category === 'meter_cabinet' ? 'batch' : 'none';
  const settings: Insert<typeof s.stockProductSettings>[] = catalog.map((c) => ({
    productId: ref.productBySku.get(c.sku)!.id,
    tracking: tracking(c),
    warrantyMonths: c.category === 'charging_station' ? (c.brand === 'Zaptec' ? 36 : 24) : 12,
    reorderPoint: Math.round((c.serialised ? 10 : 40) * Math.max(1, scale)),
    reorderQuantity: Math.round((c.serialised ? 30 : 200) * Math.max(1, scale)),
  }));
  const warrantyOf = new Map(settings.map((x) => [x.productId, x.warrantyMonths!]));

  const ledger = new DemoLedger(id);
  let serialNo = 0;
  const nextSerial = (sku: string) => `${sku.split('-')[0]}${pad(++serialNo, 8)}`;
  const batchCode = (at: Date) => `B${localDate(at).slice(2, 7).replace('-', '')}${pad(rng.int(1, 9999), 4)}`;

  // Receipts are grouped into one purchase order per supplier and month.
  type Receipt = { productId: string; serial?: string; quantity: number; at: Date; batch?: string };
  const receipts = new Map<string, { supplier: string; month: string; lines: Receipt[] }>();
  const receive = (supplier: string, r: Receipt) => {
    const month = localDate(r.at).slice(0, 7);
    const key = `${supplier}|${month}`;
    const group = receipts.get(key) ?? { supplier, month, lines: [] };
    group.lines.push(r);
    receipts.set(key, group);
  };

  // Every completed installation: received, picked through transit to staging, loaded, installed.
  const serials: Insert<typeof s.stockSerials>[] = [];
  type Hop = { productId: string; serial: string; teamId: string };
  const picks = new Map<string, { at: Date; hops: Hop[] }>();
  for (const v of visits) {
    if (v.status !== 'completed' || v.type !== 'installation' || !v.completedAt || !v.teamId) continue;
    const line = v.order.lines.find((l) => l.category === 'charging_station');
    const item = line && CATALOG.find((c) => c.sku === line.sku);
    if (!line || !item) continue;
    const serial = nextSerial(line.sku);
    const installedAt = v.completedAt as Date;
    const receivedAt = addDays(installedAt, -rng.int(10, 40));
    receive(supplierOf(item), { productId: line.productId, serial, quantity: 1, at: receivedAt });
    const pickDay = localDate(addDays(installedAt, -2));
    const pickKey = `${v.teamId}|${pickDay}`;
    const pick = picks.get(pickKey) ?? { at: addDays(installedAt, -2), hops: [] };
    pick.hops.push({ productId: line.productId, serial, teamId: v.teamId });
    picks.set(pickKey, pick);
    ledger.post(
      'installation',
      v.number,
      installedAt,
      [{ productId: line.productId, quantity: 1, serialNumber: serial, from: vanOf.get(v.teamId)!, to: customerSite }],
      v.id,
    );
    const installedOn = localDate(installedAt);
    serials.push({
      productId: line.productId,
      serialNumber: serial,
      locationId: customerSite,
      receivedAt,
      visitId: v.id,
      installedOn,
      warrantyUntil: addMonths(installedOn, warrantyOf.get(line.productId) ?? 24),
      warrantyRegistration: 'local',
    });
  }
  for (const [key, pick] of picks) {
    const [teamId, day] = key.split('|') as [string, string];
    const team = ref.teams.find((t) => t.id === teamId)!;
    const mv = (from: string, to: string) =>
      pick.hops.map((h) => ({ productId: h.productId, quantity: 1, serialNumber: h.serial, from, to }));
    const staging = stagingOf.get(teamId)!;
    ledger.post('pick', `PICK-${team.code}-${day}`, pick.at, mv(warehouse, transit));
    ledger.post(
      'transfer',
      `OVB-${team.code}-${day}`,
      new Date(pick.at.getTime() + 3 * 3_600_000),
      mv(transit, staging),
    );
    ledger.post(
      'load',
      `LAAD-${team.code}-${day}`,
      new Date(pick.at.getTime() + 26 * 3_600_000),
      mv(staging, vanOf.get(teamId)!),
    );
  }

  // Stock on hand today: chargers in the warehouse (some in bins, some low) and a few on each van.
  const stockPerSku = Math.max(2, Math.round(25 * scale));
  const current: { productId: string; serial: string; at: string; receivedAt: Date }[] = [];
  for (const [i, c] of catalog.filter((c) => c.serialised).entries()) {
    const productId = ref.productBySku.get(c.sku)!.id;
    // Every third serialised product runs low: below its reorder point.
    const count = i % 3 === 0 ? Math.max(1, Math.round(stockPerSku / 5)) : stockPerSku;
    for (let k = 0; k < count; k++) {
      const serial = nextSerial(c.sku);
      const at = bins.length && rng.chance(0.4) ? rng.pick(bins) : warehouse;
      const receivedAt = addDays(now, -rng.int(3, 60));
      receive(supplierOf(c), { productId, serial, quantity: 1, at: receivedAt });
      current.push({ productId, serial, at, receivedAt });
    }
  }
  // The planned installations' chargers came in last week on top of that stock, so the warehouse covers
  // its plan (the reservations take them once the server runs), except one model the forecast and the
  // stock-out warnings show two short: the draft order waiting to be sent is the way out.
  const planned = plannedDemand(visits, new Set(catalog.map((c) => ref.productBySku.get(c.sku)!.id)));
  const plannedRng = rng.fork('planned-stock');
  const serialised = catalog.filter((c) => c.serialised).map((c) => ({ c, id: ref.productBySku.get(c.sku)!.id }));
  const tight = serialised
    .slice(1)
    .filter((x) => x.c.category === 'charging_station' && (planned.get(x.id) ?? 0) >= 3)
    .sort((a, b) => (planned.get(b.id) ?? 0) - (planned.get(a.id) ?? 0))[0]?.id;
  for (const { c, id: productId } of serialised) {
    const held = current.filter((x) => x.productId === productId).length;
    const extra = productId === tight ? Math.max(0, planned.get(productId)! - held - 2) : (planned.get(productId) ?? 0);
    for (let k = 0; k < extra; k++) {
      const serial = nextSerial(c.sku);
      const receivedAt = addDays(now, -plannedRng.int(3, 8));
      receive(supplierOf(c), { productId, serial, quantity: 1, at: receivedAt });
      current.push({ productId, serial, at: warehouse, receivedAt });
    }
  }
  for (const r of current)
    serials.push({ productId: r.productId, serialNumber: r.serial, locationId: r.at, receivedAt: r.receivedAt });
  const binOf = new Map(current.map((c) => [c.serial, c.at]));

  // Bulk and batch parts: monthly receipts; a van topped up and its parts used on the team's installations;
  // every fourth product ends below its reorder point.
  const doneByTeam = new Map<string, DemoVisit[]>();
  for (const v of visits)
    if (v.status === 'completed' && v.type === 'installation' && v.teamId)
      doneByTeam.set(v.teamId, [...(doneByTeam.get(v.teamId) ?? []), v]);
  const bulk = catalog.filter((c) => !c.serialised);
  for (const [i, c] of bulk.entries()) {
    const productId = ref.productBySku.get(c.sku)!.id;
    const low = i % 4 === 0;
    let onHand = 0;
    let batch = '';
    for (let m = 11; m >= 0; m--) {
      const at = addDays(now, -30 * m - rng.int(1, 20));
      const quantity = Math.round(rng.int(low ? 10 : 60, low ? 30 : 160) * Math.max(1, scale));
      batch = batchCode(at);
      receive(supplierOf(c), { productId, quantity, at, ...(tracking(c) === 'batch' ? { batch } : {}) });
      onHand += quantity;
      // What went to the vans this month and was used there.
      const out = Math.min(onHand - 1, Math.round(quantity * (low ? 0.95 : 0.7)));
      if (out <= 0) continue;
      const team = rng.pick(ref.teams);
      const lot = tracking(c) === 'batch' ? { batchCode: batch } : {};
      ledger.post('transfer', `AANV-${team.code}-${localDate(at)}`, addDays(at, 2), [
        { productId, quantity: out, ...lot, from: warehouse, to: vanOf.get(team.id)! },
      ]);
      onHand -= out;
      const visit = doneByTeam.get(team.id)?.length ? rng.pick(doneByTeam.get(team.id)!) : null;
      if (!visit) continue;
      ledger.post(
        'installation',
        visit.number,
        addDays(at, 9),
        // Most of it is used; the rest stays on the van as its working stock.
        [
          {
            productId,
            quantity: Math.max(1, Math.round(out * 0.8)),
            ...lot,
            from: vanOf.get(team.id)!,
            to: customerSite,
          },
        ],
        visit.id,
      );
    }
  }

  // The bulk parts of the planned installations, received last week on top of the warehouse's own stock.
  for (const c of bulk) {
    const productId = ref.productBySku.get(c.sku)!.id;
    const quantity = planned.get(productId) ?? 0;
    if (!quantity) continue;
    const at = addDays(now, -plannedRng.int(3, 8));
    const batch = `B${localDate(at).slice(2, 7).replace('-', '')}${pad(plannedRng.int(1, 9999), 4)}`;
    receive(supplierOf(c), { productId, quantity, at, ...(tracking(c) === 'batch' ? { batch } : {}) });
  }

  // This week's transfer to a van and the vans' requests (the transfer's parts came in with it).
  const flowRng = rng.fork('stock-flow');
  const flowParts = bulk
    .filter((_, i) => i % 4 !== 0)
    .slice(0, 3)
    .map((c) => {
      const productId = ref.productBySku.get(c.sku)!.id;
      return tracking(c) === 'batch'
        ? { productId, batch: `B${localDate(now).slice(2, 7).replace('-', '')}0001` }
        : { productId };
    });
  const flow = generateStockFlow(flowRng, ledger, {
    ref,
    bulk: flowParts,
    warehouse,
    transit,
    vanOf,
    receive: (productId, quantity, at, batch) => {
      const c = bulk.find((x) => ref.productBySku.get(x.sku)!.id === productId)!;
      receive(supplierOf(c), { productId, quantity, at, ...(batch ? { batch } : {}) });
    },
    now,
    id,
  });

  // Purchase orders: one per supplier and month, received in full; this month's still open.
  const purchaseOrders: (Insert<typeof s.purchaseOrders> & { id: string })[] = [];
  const purchaseOrderLines: Insert<typeof s.purchaseOrderLines>[] = [];
  const costOf = new Map(ref.products.map((p) => [p.id, p.costCents ?? 0]));
  const perYear = new Map<string, number>();
  const groups = [...receipts.values()].sort((a, b) => (a.month + a.supplier < b.month + b.supplier ? -1 : 1));
  for (const g of groups) {
    const year = g.month.slice(0, 4);
    const number = `IO-${year}-${pad((perYear.get(year) ?? 0) + 1, 6)}`;
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    const at = new Date(Math.min(...g.lines.map((l) => l.at.getTime())));
    const po = {
      id: id(),
      number,
      entityId: 'chargecars',
      supplierLocationId: supplierLoc(g.supplier),
      destinationLocationId: warehouse,
      status: 'received' as const,
      expectedOn: localDate(at),
      createdAt: addDays(at, -7),
      sentAt: addDays(at, -7),
    };
    purchaseOrders.push(po);
    const qty = new Map<string, number>();
    for (const l of g.lines) qty.set(l.productId, (qty.get(l.productId) ?? 0) + l.quantity);
    for (const [productId, q] of qty)
      purchaseOrderLines.push({
        purchaseOrderId: po.id,
        productId,
        quantityOrdered: q,
        quantityReceived: q,
        unitCostCents: costOf.get(productId) ?? 0,
      });
    ledger.post(
      'purchase_receipt',
      number,
      at,
      g.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        ...(l.serial ? { serialNumber: l.serial } : {}),
        ...(l.batch ? { batchCode: l.batch } : {}),
        from: supplierLoc(g.supplier),
        // Current stock may lie in a bin; everything else came in at the warehouse itself.
        to: (l.serial && binOf.get(l.serial)) || warehouse,
      })),
    );
  }
  // Open orders: the low chargers ordered and on their way (one sent, one still a draft).
  const year = String(now.getUTCFullYear());
  for (const [i, status] of (['sent', 'draft'] as const).entries()) {
    const c = catalog.filter((x) => x.serialised)[i * 3]!;
    const number = `IO-${year}-${pad((perYear.get(year) ?? 0) + 1, 6)}`;
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    const po = {
      id: id(),
      number,
      entityId: 'chargecars',
      supplierLocationId: supplierLoc(supplierOf(c)),
      destinationLocationId: warehouse,
      status,
      expectedOn: localDate(addDays(now, 7 + i * 7)),
      createdAt: addDays(now, -1 - i),
      sentAt: status === 'sent' ? addDays(now, -1) : null,
    };
    purchaseOrders.push(po);
    const productId = ref.productBySku.get(c.sku)!.id;
    purchaseOrderLines.push({
      purchaseOrderId: po.id,
      productId,
      quantityOrdered: Math.max(5, stockPerSku),
      quantityReceived: 0,
      unitCostCents: costOf.get(productId) ?? 0,
    });
  }

  const counts = generateStockCounts(rng, ledger, { locations, settings, now, id });
  const { postings, moves, balances, serialAt } = ledger.rows();
  for (const serial of serials) serial.locationId = serialAt.get(`${serial.productId}|${serial.serialNumber}`)!;
  return {
    locations,
    settings,
    postings,
    moves,
    balances,
    serials,
    purchaseOrders,
    purchaseOrderLines,
    ...counts,
    transfers: flow.transfers,
    vanRequests: flow.requests,
    vanRequestLines: flow.lines,
  };
}
