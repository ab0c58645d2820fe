import { createHash } from 'node:crypto';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { stockProducts, type StockProduct } from '../../read-models/stock-products.ts';
import { stockVisit } from '../../read-models/stock-visit.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type DocumentType,
  type LocationKind,
  PHYSICAL_LOCATION_KINDS,
  stockBalances,
  stockLocations,
  stockMoves,
  stockPostings,
  stockReservations,
  stockSerials,
} from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';

export type MoveInput = {
  productId: string;
  quantity: number;
  serialNumber?: string | null | undefined;
  batchCode?: string | null | undefined;
  fromLocationId: string;
  toLocationId: string;
};

export type PostingInput = {
  idempotencyKey: string;
  documentType: DocumentType;
  documentRef: string;
  visitId?: string | null | undefined;
  moves: MoveInput[];
};

export type PostingResult = { postingId: string; replayed: boolean; warnings: string[] };

type Location = { id: string; code: string; kind: LocationKind; allowNegative: boolean };
type Line = MoveInput & { lot: string; product: StockProduct; from: Location; to: Location; field: string };

const isPhysical = (l: Location) => (PHYSICAL_LOCATION_KINDS as readonly string[]).includes(l.kind);
const balanceKey = (productId: string, locationId: string, lot: string) => `${productId}|${locationId}|${lot}`;

/**
 * Posts one document's moves in the caller's transaction: the ledger rows, the balances they change
 * (rows drawn from are locked FOR UPDATE first, in one order, so two postings never take the same unit
 * and never deadlock), and where each serial now is. A key that was posted before returns that posting.
 *
 * @example
 * await postStockMoves(tx, actor, { idempotencyKey: 'po-1-r1', documentType: 'purchase_receipt',
 *   documentRef: 'IO-2026-000001', moves: [{ productId, quantity: 1, serialNumber: 'ZAP123',
 *   fromLocationId: supplier, toLocationId: warehouse }] });
 */
export async function postStockMoves(tx: Tx, actor: Actor, input: PostingInput): Promise<PostingResult> {
  if (!input.moves.length) throw e.wrongDocument('Een boeking heeft ten minste één beweging', 'moves');
  const requestHash = hashRequest(input);
  const [posting] = await tx
    .insert(stockPostings)
    .values({
      idempotencyKey: input.idempotencyKey,
      requestHash,
      documentType: input.documentType,
      documentRef: input.documentRef,
      visitId: input.visitId ?? null,
      postedBy: actor.userId,
    })
    .onConflictDoNothing({ target: stockPostings.idempotencyKey })
    .returning({ id: stockPostings.id });
  if (!posting) {
    const [earlier] = await tx
      .select({ id: stockPostings.id, requestHash: stockPostings.requestHash })
      .from(stockPostings)
      .where(eq(stockPostings.idempotencyKey, input.idempotencyKey));
    if (!earlier || earlier.requestHash !== requestHash) throw e.idempotencyKeyReused();
    return { postingId: earlier.id, replayed: true, warnings: [] };
  }

  if (input.visitId && !(await stockVisit(tx, input.visitId))) throw notFound('Bezoek');
  const lines = await resolveLines(tx, input);
  checkDocumentRules(input, lines);
  await moveSerials(tx, input, lines);
  const warnings = await applyBalances(tx, input, lines);

  await tx.insert(stockMoves).values(
    lines.map((l) => ({
      postingId: posting.id,
      productId: l.productId,
      quantity: l.quantity,
      serialNumber: l.serialNumber || null,
      batchCode: l.batchCode || null,
      fromLocationId: l.fromLocationId,
      toLocationId: l.toLocationId,
    })),
  );
  await recordAudit(tx, actor, {
    action: `stock.${input.documentType}`,
    subjectType: 'stock_posting',
    subjectId: posting.id,
    after: { documentRef: input.documentRef, moves: input.moves.length, warnings },
  });
  return { postingId: posting.id, replayed: false, warnings };
}

function hashRequest(input: PostingInput): string {
  const canonical = {
    documentType: input.documentType,
    documentRef: input.documentRef,
    visitId: input.visitId ?? null,
    moves: input.moves.map((m) => [
      m.productId,
      m.quantity,
      m.serialNumber || null,
      m.batchCode || null,
      m.fromLocationId,
      m.toLocationId,
    ]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function resolveLines(tx: Tx, input: PostingInput): Promise<Line[]> {
  const locationIds = [...new Set(input.moves.flatMap((m) => [m.fromLocationId, m.toLocationId]))];
  const locations = new Map(
    (
      await tx
        .select({
          id: stockLocations.id,
          code: stockLocations.code,
          kind: stockLocations.kind,
          allowNegative: stockLocations.allowNegative,
        })
        .from(stockLocations)
        .where(inArray(stockLocations.id, locationIds))
    ).map((l) => [l.id, l]),
  );
  const products = await stockProducts(
    tx,
    input.moves.map((m) => m.productId),
  );
  const serialsSeen = new Set<string>();
  return input.moves.map((m, i) => {
    const field = `moves.${i}`;
    if (!Number.isInteger(m.quantity) || m.quantity <= 0)
      throw e.wrongDocument('Een hoeveelheid is een geheel getal groter dan 0', `${field}.quantity`);
    const product = products.get(m.productId);
    if (!product) throw e.unknownProduct(`${field}.productId`);
    const from = locations.get(m.fromLocationId);
    if (!from) throw e.unknownLocation(`${field}.fromLocationId`);
    const to = locations.get(m.toLocationId);
    if (!to) throw e.unknownLocation(`${field}.toLocationId`);
    if (from.id === to.id) throw e.wrongDocument('Van- en naar-locatie zijn dezelfde', `${field}.toLocationId`);
    const serial = m.serialNumber?.trim() || null;
    const batch = m.batchCode?.trim() || null;
    if (product.tracking === 'serial') {
      if (!serial) throw e.serialRequired(`${field}.serialNumber`);
      if (m.quantity !== 1) throw e.serialIsOneUnit(`${field}.quantity`);
      const key = `${m.productId}|${serial}`;
      if (serialsSeen.has(key)) throw e.serialTwiceInPosting(serial, `${field}.serialNumber`);
      serialsSeen.add(key);
    } else if (serial) throw e.serialNotExpected(`${field}.serialNumber`);
    if (product.tracking === 'batch' && !batch) throw e.batchRequired(`${field}.batchCode`);
    const lot = product.tracking === 'serial' ? serial! : product.tracking === 'batch' ? batch! : '';
    return {
      ...m,
      serialNumber: serial,
      batchCode: product.tracking === 'batch' ? batch : null,
      lot,
      product,
      from,
      to,
      field,
    };
  });
}

/** Which kinds of location a document may move between; the rest of the tree is free for transfers. */
function checkDocumentRules(input: PostingInput, lines: Line[]) {
  const sources: LocationKind[] = ['supplier', 'partner'];
  for (const l of lines) {
    const receipt = sources.includes(l.from.kind);
    if (input.documentType === 'purchase_receipt' && !receipt)
      throw e.wrongDocument('Een ontvangst komt van een leverancier of partner', `${l.field}.fromLocationId`);
    if (receipt && input.documentType !== 'purchase_receipt')
      throw e.wrongDocument('Van een leverancier of partner komt alleen een ontvangst', 'documentType');
    if ((input.documentType === 'installation') !== (l.to.kind === 'customer'))
      throw e.wrongDocument(
        'Naar de klantlocatie gaat alleen een installatie, en een installatie alleen daarheen',
        `${l.field}.toLocationId`,
      );
    if (input.documentType === 'installation' && !input.visitId)
      throw e.wrongDocument('Een installatie hoort bij een bezoek', 'visitId');
    if (input.documentType === 'return' && !['customer', 'van', 'staging'].includes(l.from.kind))
      throw e.wrongDocument('Een retour komt van een klant, een bus of staging', `${l.field}.fromLocationId`);
    if (input.documentType === 'scrap' && l.to.kind !== 'scrap')
      throw e.wrongDocument('Afkeur gaat naar de afkeurlocatie', `${l.field}.toLocationId`);
    if (input.documentType === 'count_adjustment' && l.from.kind !== 'loss' && l.to.kind !== 'loss')
      throw e.wrongDocument('Een telcorrectie boekt van of naar voorraadverschillen', `${l.field}.toLocationId`);
  }
}

/** A serial moves only from where it is; a receipt creates it; an installation registers its warranty. */
async function moveSerials(tx: Tx, input: PostingInput, lines: Line[]) {
  const serialLines = lines.filter((l) => l.product.tracking === 'serial');
  if (!serialLines.length) return;
  const current = await rawRows<{
    product_id: string;
    serial_number: string;
    location_id: string;
    kind: string;
    code: string;
  }>(
    tx,
    sql`select s.product_id, s.serial_number, s.location_id, l.kind, l.code from ${stockSerials} s
        join ${stockLocations} l on l.id = s.location_id
        where (s.product_id, s.serial_number) in (${sql.join(
          serialLines.map((l) => sql`(${l.productId}::uuid, ${l.serialNumber})`),
          sql`, `,
        )})
        order by s.product_id, s.serial_number
        for update of s`,
  );
  const found = new Map(current.map((r) => [`${r.product_id}|${r.serial_number}`, r]));
  const installedOn = todayInAmsterdam();
  for (const l of serialLines) {
    const serial = l.serialNumber!;
    const now = found.get(`${l.productId}|${serial}`);
    if (input.documentType === 'purchase_receipt') {
      if (now) throw e.serialAlreadyReceived(serial);
      await tx
        .insert(stockSerials)
        .values({ productId: l.productId, serialNumber: serial, locationId: l.toLocationId });
      continue;
    }
    if (!now)
      throw input.documentType === 'return' && l.from.kind === 'customer'
        ? e.serialNotInstalled(serial)
        : e.serialUnknown(serial);
    if (now.location_id !== l.fromLocationId) {
      if (input.documentType === 'installation' && now.kind === 'customer') throw e.serialAlreadyInstalled(serial);
      if (input.documentType === 'return' && l.from.kind === 'customer') throw e.serialNotInstalled(serial);
      throw e.serialNotAtLocation(serial, now.code);
    }
    const installation =
      input.documentType === 'installation'
        ? {
            visitId: input.visitId ?? null,
            installedOn,
            warrantyUntil: addMonths(installedOn, l.product.warrantyMonths),
            warrantyRegistration: 'local',
          }
        : {};
    await tx
      .update(stockSerials)
      .set({ locationId: l.toLocationId, ...installation })
      .where(and(eq(stockSerials.productId, l.productId), eq(stockSerials.serialNumber, serial)));
  }
}

/** A calendar day some months later (the 31st becomes the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return addDaysToDate(target.toISOString().slice(0, 10), 0);
}

type BalanceRow = { product_id: string; location_id: string; lot: string; on_hand: number; reserved: number };

/**
 * Draws every line from its source and adds it to its destination. Physical locations may not go below
 * what is reserved there, except a pick for the visit holding the reservation (which consumes it) and
 * counted or batch stock on a van whose flag allows it (a warning). Virtual locations go negative freely:
 * a supplier's balance is minus what it delivered.
 */
async function applyBalances(tx: Tx, input: PostingInput, lines: Line[]): Promise<string[]> {
  const consumable =
    input.documentType === 'pick' && input.visitId
      ? await tx
          .select()
          .from(stockReservations)
          .where(
            and(
              eq(stockReservations.visitId, input.visitId),
              eq(stockReservations.status, 'active'),
              inArray(
                stockReservations.productId,
                lines.map((l) => l.productId),
              ),
            ),
          )
      : [];
  const keys = new Map<string, { productId: string; locationId: string; lot: string }>();
  const touch = (productId: string, locationId: string, lot: string) =>
    keys.set(balanceKey(productId, locationId, lot), { productId, locationId, lot });
  for (const l of lines) {
    touch(l.productId, l.fromLocationId, l.lot);
    touch(l.productId, l.toLocationId, l.lot);
  }
  for (const r of consumable) touch(r.productId, r.locationId, r.lot);
  const sorted = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
  await tx.insert(stockBalances).values(sorted).onConflictDoNothing();
  const locked = await rawRows<BalanceRow>(
    tx,
    sql`select product_id, location_id, lot, on_hand, reserved from ${stockBalances}
        where (product_id, location_id, lot) in (${sql.join(
          sorted.map((k) => sql`(${k.productId}::uuid, ${k.locationId}::uuid, ${k.lot})`),
          sql`, `,
        )})
        order by product_id, location_id, lot
        for update`,
  );
  const rows = new Map(locked.map((r) => [balanceKey(r.product_id, r.location_id, r.lot), { ...r }]));
  const row = (p: string, loc: string, lot: string) => rows.get(balanceKey(p, loc, lot))!;

  // A pick for a visit first frees what was reserved for it at that place, up to what it picks.
  const consumed: string[] = [];
  for (const l of lines) {
    let toFree = l.quantity;
    for (const r of consumable) {
      if (toFree === 0) break;
      if (r.status !== 'active' || r.productId !== l.productId || r.locationId !== l.fromLocationId) continue;
      if (r.quantity > toFree) continue;
      row(r.productId, r.locationId, r.lot).reserved -= r.quantity;
      toFree -= r.quantity;
      r.status = 'consumed';
      consumed.push(r.id);
    }
  }

  const warnings: string[] = [];
  for (const l of lines) {
    const from = row(l.productId, l.fromLocationId, l.lot);
    from.on_hand -= l.quantity;
    row(l.productId, l.toLocationId, l.lot).on_hand += l.quantity;
    if (!isPhysical(l.from) || from.on_hand >= from.reserved) continue;
    if (l.from.allowNegative && l.product.tracking !== 'serial' && from.reserved === 0) {
      warnings.push(`${l.product.sku} op ${l.from.code} staat negatief (${from.on_hand})`);
      continue;
    }
    throw e.insufficientStock(l.product.name, l.from.code, from.on_hand + l.quantity - from.reserved);
  }
  for (const r of rows.values())
    await tx
      .update(stockBalances)
      .set({ onHand: r.on_hand, reserved: r.reserved })
      .where(
        and(
          eq(stockBalances.productId, r.product_id),
          eq(stockBalances.locationId, r.location_id),
          eq(stockBalances.lot, r.lot),
        ),
      );
  if (consumed.length)
    await tx
      .update(stockReservations)
      .set({ status: 'consumed', closedAt: new Date() })
      .where(inArray(stockReservations.id, consumed));
  return warnings;
}
