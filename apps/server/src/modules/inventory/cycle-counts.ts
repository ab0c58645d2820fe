import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import {
  PHYSICAL_LOCATION_KINDS,
  stockBalances,
  stockCountLines,
  stockCounts,
  stockLocations,
  stockSerials,
} from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';
import { type MoveInput, postStockMoves } from './post-stock-moves.ts';

export type CountEntry = {
  lines?: { lineId: string; counted: number }[] | undefined;
  scannedSerials?: string[] | undefined;
};

/**
 * Starts a cycle count of one physical location (not its bins: each bin is counted on its own): a line
 * per product and lot with what the balances say lies there. Numbered TEL-<year>-<6 digits>.
 */
export async function startCycleCount(tx: Tx, actor: Actor, locationId: string) {
  const [location] = await tx
    .select({ id: stockLocations.id, kind: stockLocations.kind })
    .from(stockLocations)
    .where(eq(stockLocations.id, locationId));
  if (!location) throw e.unknownLocation('locationId');
  if (!(PHYSICAL_LOCATION_KINDS as readonly string[]).includes(location.kind)) throw e.notPhysical('locationId');
  // Under the numbering lock, so two starts of the same place one after the other see each other's count.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('stock-count-number'))`);
  const [open] = await tx
    .select({ number: stockCounts.number })
    .from(stockCounts)
    .where(and(eq(stockCounts.locationId, locationId), eq(stockCounts.status, 'open')));
  if (open) throw e.countAlreadyOpen(open.number);

  const prefix = `TEL-${new Date().getUTCFullYear()}-`;
  const [last] = await tx
    .select({ number: stockCounts.number })
    .from(stockCounts)
    .where(like(stockCounts.number, `${prefix}%`))
    .orderBy(desc(stockCounts.number))
    .limit(1);
  const number = `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(6, '0')}`;
  const [count] = await tx
    .insert(stockCounts)
    .values({ number, locationId, startedBy: actor.userId })
    .returning({ id: stockCounts.id, number: stockCounts.number });
  const expected = await tx
    .select({ productId: stockBalances.productId, lot: stockBalances.lot, onHand: stockBalances.onHand })
    .from(stockBalances)
    .where(and(eq(stockBalances.locationId, locationId), sql`${stockBalances.onHand} <> 0`))
    .orderBy(asc(stockBalances.productId), asc(stockBalances.lot));
  if (expected.length)
    await tx
      .insert(stockCountLines)
      .values(expected.map((b) => ({ countId: count!.id, productId: b.productId, lot: b.lot, expected: b.onHand })));
  await recordAudit(tx, actor, {
    action: 'stock_count.start',
    subjectType: 'stock_count',
    subjectId: count!.id,
    after: { number, locationId, lines: expected.length },
  });
  return count!;
}

async function lockCount(tx: Tx, countId: string) {
  const [count] = await rawRows<{
    id: string;
    number: string;
    location_id: string;
    status: string;
    posting_id: string | null;
  }>(tx, sql`select id, number, location_id, status, posting_id from ${stockCounts} where id = ${countId} for update`);
  if (!count) throw notFound('Telling', 'Count');
  return count;
}

/**
 * Records what was counted: quantities per line, and scanned serials (a scanner types the serial and
 * Enter, so the page sends each scan as it comes). A scanned serial that is expected here counts 1; one
 * booked as an inventory difference (lost at an earlier count) is found again here; one booked at another
 * place is refused with where it is, since a count only settles differences with the loss location.
 */
export async function recordCycleCount(tx: Tx, actor: Actor, countId: string, input: CountEntry) {
  const count = await lockCount(tx, countId);
  if (count.status !== 'open') throw e.countPosted(count.number);
  const lines = await tx.select().from(stockCountLines).where(eq(stockCountLines.countId, countId));
  const byId = new Map(lines.map((l) => [l.id, l]));
  for (const [i, entry] of (input.lines ?? []).entries()) {
    const line = byId.get(entry.lineId);
    if (!line) throw e.unknownCountLine(`lines.${i}.lineId`);
    if (!Number.isInteger(entry.counted) || entry.counted < 0)
      throw e.wrongDocument('Een geteld aantal is een geheel getal van 0 of meer', `lines.${i}.counted`);
    await tx.update(stockCountLines).set({ counted: entry.counted }).where(eq(stockCountLines.id, line.id));
  }
  const serials = [...new Set((input.scannedSerials ?? []).map((s) => s.trim()).filter(Boolean))];
  for (const serial of serials) await countSerial(tx, count, lines, serial);
  await recordAudit(tx, actor, {
    action: 'stock_count.record',
    subjectType: 'stock_count',
    subjectId: countId,
    after: { lines: input.lines?.length ?? 0, serials },
  });
}

async function countSerial(
  tx: Tx,
  count: { id: string; location_id: string },
  lines: (typeof stockCountLines.$inferSelect)[],
  serial: string,
) {
  const units = await rawRows<{ product_id: string; location_id: string; kind: string; code: string }>(
    tx,
    sql`select s.product_id, s.location_id, l.kind, l.code from ${stockSerials} s
        join ${stockLocations} l on l.id = s.location_id where s.serial_number = ${serial}
        order by (s.location_id = ${count.location_id}) desc, (l.kind = 'loss') desc`,
  );
  const unit = units[0];
  if (!unit) throw e.serialNeverReceived(serial);
  const line = lines.find((l) => l.productId === unit.product_id && l.lot === serial);
  if (line) {
    await tx.update(stockCountLines).set({ counted: 1 }).where(eq(stockCountLines.id, line.id));
    return;
  }
  // Received here after the count started (expected 0 then), or found again after an earlier count lost it.
  if (unit.location_id !== count.location_id && unit.kind !== 'loss') throw e.serialElsewhere(serial, unit.code);
  await tx
    .insert(stockCountLines)
    .values({ countId: count.id, productId: unit.product_id, lot: serial, expected: 0, counted: 1 })
    .onConflictDoUpdate({
      target: [stockCountLines.countId, stockCountLines.productId, stockCountLines.lot],
      set: { counted: 1 },
    });
}

/**
 * Posts the count: each line's variance is what was counted less what the balance says *now* (moves
 * made while counting are no difference), booked as one count adjustment to or from the inventory
 * difference location. A serial that was not scanned was not found. The posting's key is the count's,
 * and the count is locked first, so posting twice posts once.
 */
export async function postCycleCount(tx: Tx, actor: Actor, countId: string) {
  const count = await lockCount(tx, countId);
  if (count.status === 'posted') return { replayed: true, postingId: count.posting_id, warnings: [] as string[] };
  const lines = await tx
    .select()
    .from(stockCountLines)
    .where(eq(stockCountLines.countId, countId))
    .orderBy(asc(stockCountLines.productId), asc(stockCountLines.lot));
  const products = await stockProducts(
    tx,
    lines.map((l) => l.productId),
  );
  const serialised = (productId: string) => products.get(productId)?.tracking === 'serial';
  const missing = lines.flatMap((l, i) =>
    l.counted === null && !serialised(l.productId) ? [`lines.${i}.counted`] : [],
  );
  if (missing.length) throw e.countIncomplete(missing);

  const balances = lines.length
    ? await rawRows<{ product_id: string; lot: string; on_hand: number }>(
        tx,
        sql`select product_id, lot, on_hand from ${stockBalances}
            where location_id = ${count.location_id} and (product_id, lot) in (${sql.join(
              lines.map((l) => sql`(${l.productId}::uuid, ${l.lot})`),
              sql`, `,
            )})
            order by product_id, location_id, lot for update`,
      )
    : [];
  const onHand = new Map(balances.map((b) => [`${b.product_id}|${b.lot}`, b.on_hand]));
  const [loss] = await tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(eq(stockLocations.kind, 'loss'))
    .orderBy(asc(stockLocations.code))
    .limit(1);
  if (!loss) throw e.unknownLocation('locationId');

  const moves: MoveInput[] = [];
  const variances: { id: string; variance: number }[] = [];
  for (const l of lines) {
    const variance = (l.counted ?? 0) - (onHand.get(`${l.productId}|${l.lot}`) ?? 0);
    variances.push({ id: l.id, variance });
    if (!variance) continue;
    const tracking = products.get(l.productId)?.tracking;
    moves.push({
      productId: l.productId,
      quantity: Math.abs(variance),
      serialNumber: tracking === 'serial' ? l.lot : null,
      batchCode: tracking === 'batch' ? l.lot : null,
      fromLocationId: variance < 0 ? count.location_id : loss.id,
      toLocationId: variance < 0 ? loss.id : count.location_id,
    });
  }
  const posting = moves.length
    ? await postStockMoves(tx, actor, {
        idempotencyKey: `count:${count.id}`,
        documentType: 'count_adjustment',
        documentRef: count.number,
        moves,
      })
    : null;
  for (const v of variances)
    await tx
      .update(stockCountLines)
      .set({ variance: v.variance, counted: sql`coalesce(${stockCountLines.counted}, 0)` })
      .where(eq(stockCountLines.id, v.id));
  await tx
    .update(stockCounts)
    .set({ status: 'posted', postedAt: new Date(), postingId: posting?.postingId ?? null })
    .where(eq(stockCounts.id, count.id));
  await recordAudit(tx, actor, {
    action: 'stock_count.post',
    subjectType: 'stock_count',
    subjectId: count.id,
    after: { number: count.number, differences: moves.length },
  });
  return { replayed: false, postingId: posting?.postingId ?? null, warnings: posting?.warnings ?? [] };
}
