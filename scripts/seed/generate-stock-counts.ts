import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { DemoLedger } from './generate-stock.ts';
import { addDays, pad } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/**
 * A weekly cycle count over the last twelve weeks, each place in turn (the warehouse, its bins, the vans),
 * expected from the ledger as it stood at that moment. About one counted line in a hundred is off by
 * one: a bulk part found over on a shelf, or short on a van (a van may go below zero); serials are never
 * off, since a lost serial would break the hops that follow it. Each variance is a count adjustment in
 * the ledger, so balances and the rebuild still agree. One count of a bin is left open, started today.
 */
export function generateStockCounts(
  rng: Rng,
  ledger: DemoLedger,
  opts: {
    locations: (Insert<typeof s.stockLocations> & { id: string })[];
    settings: Insert<typeof s.stockProductSettings>[];
    now: Date;
    id: () => string;
  },
) {
  const places = opts.locations.filter((l) => ['warehouse', 'bin', 'van'].includes(l.kind));
  const loss = opts.locations.find((l) => l.kind === 'loss')!.id;
  const trackingOf = new Map(opts.settings.map((x) => [x.productId, x.tracking]));
  const counts: Insert<typeof s.stockCounts>[] = [];
  const countLines: Insert<typeof s.stockCountLines>[] = [];
  const perYear = new Map<string, number>();
  const numberAt = (at: Date) => {
    const year = String(at.getUTCFullYear());
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    return `TEL-${year}-${pad(perYear.get(year)!, 6)}`;
  };
  // What lay at each place as time goes on: the ledger's moves in time order, walked once, with the
  // count adjustments added as they are posted.
  const moves = ledger.rows().moves;
  let next = 0;
  const onHand = new Map<string, Map<string, { productId: string; lot: string; quantity: number }>>();
  const add = (locationId: string, productId: string, lot: string, quantity: number) => {
    const place = onHand.get(locationId) ?? new Map();
    const row = place.get(`${productId}|${lot}`) ?? { productId, lot, quantity: 0 };
    row.quantity += quantity;
    place.set(`${productId}|${lot}`, row);
    onHand.set(locationId, place);
  };
  const linesAt = (locationId: string, at: Date) => {
    for (; next < moves.length && (moves[next]!.postedAt as Date) <= at; next++) {
      const m = moves[next]!;
      const lot = m.serialNumber ?? m.batchCode ?? '';
      add(m.fromLocationId, m.productId, lot, -m.quantity);
      add(m.toLocationId, m.productId, lot, m.quantity);
    }
    return [...(onHand.get(locationId)?.values() ?? [])].filter((r) => r.quantity !== 0).map((r) => ({ ...r }));
  };

  for (let week = 12; week >= 1; week--) {
    const place = places[(12 - week) % places.length]!;
    const at = addDays(opts.now, -7 * week);
    const number = numberAt(at);
    const countId = opts.id();
    const moves: Parameters<DemoLedger['post']>[3] = [];
    for (const line of linesAt(place.id, at)) {
      const tracking = trackingOf.get(line.productId);
      const off = tracking !== 'serial' && rng.chance(0.01) ? (place.kind === 'van' ? -1 : 1) : 0;
      const counted = Math.max(0, line.quantity + off);
      const variance = counted - line.quantity;
      countLines.push({
        countId,
        productId: line.productId,
        lot: line.lot,
        expected: line.quantity,
        counted,
        variance,
      });
      if (!variance) continue;
      add(place.id, line.productId, line.lot, variance);
      add(loss, line.productId, line.lot, -variance);
      const lot = tracking === 'batch' ? { batchCode: line.lot } : {};
      moves.push({
        productId: line.productId,
        quantity: Math.abs(variance),
        ...lot,
        from: variance < 0 ? place.id : loss,
        to: variance < 0 ? loss : place.id,
      });
    }
    const postingId = moves.length ? ledger.post('count_adjustment', number, addDays(at, 0.1), moves) : null;
    counts.push({
      id: countId,
      number,
      locationId: place.id,
      status: 'posted',
      startedAt: at,
      postedAt: addDays(at, 0.1),
      postingId,
    });
  }

  const bin = places.find((l) => l.kind === 'bin') ?? places[0]!;
  const openId = opts.id();
  const startedAt = addDays(opts.now, -0.1);
  counts.push({ id: openId, number: numberAt(startedAt), locationId: bin.id, status: 'open', startedAt });
  for (const line of linesAt(bin.id, startedAt))
    countLines.push({ countId: openId, productId: line.productId, lot: line.lot, expected: line.quantity });
  return { counts, countLines };
}
