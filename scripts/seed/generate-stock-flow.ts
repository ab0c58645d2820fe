import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoLedger } from './generate-stock.ts';
import { addDays, pad } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Bulk = { productId: string; batch?: string };

/**
 * This week's stock flow between the warehouse and the vans: a top-up on its way to a van (in transit,
 * for the warehouse to receive), two vans' requests still open and one declined, so the transfers and
 * van replenishment pages show the work as it stands. The transfer's parts came in with it (`receive`),
 * so the warehouse keeps what it had for the planned visits.
 */
export function generateStockFlow(
  rng: Rng,
  ledger: DemoLedger,
  opts: {
    ref: Reference;
    bulk: Bulk[];
    warehouse: string;
    transit: string;
    vanOf: Map<string, string>;
    receive: (productId: string, quantity: number, at: Date, batch?: string) => void;
    now: Date;
    id: () => string;
  },
) {
  const { ref, bulk, now, id } = opts;
  const year = now.getUTCFullYear();
  const teams = ref.teams.slice(0, 3);
  const technician = (teamId: string) => ref.technicians.find((x) => x.teamId === teamId)!.name;
  const parts = bulk.slice(0, 3);

  const transfers: Insert<typeof s.stockTransfers>[] = [];
  const onTheWay = teams[0]!;
  const sentAt = addDays(now, -1);
  const moves = parts.slice(0, 2).map((p) => ({ ...p, quantity: rng.int(10, 25) }));
  for (const m of moves) opts.receive(m.productId, m.quantity, addDays(now, -3), m.batch);
  const number = `OVB-${year}-${pad(1, 6)}`;
  const sendPostingId = ledger.post(
    'transfer',
    number,
    sentAt,
    moves.map((m) => ({
      productId: m.productId,
      quantity: m.quantity,
      ...(m.batch ? { batchCode: m.batch } : {}),
      from: opts.warehouse,
      to: opts.transit,
    })),
  );
  transfers.push({
    id: id(),
    number,
    fromLocationId: opts.warehouse,
    toLocationId: opts.vanOf.get(onTheWay.id)!,
    viaTransit: true,
    status: 'in_transit',
    sendPostingId,
    createdAt: sentAt,
  });

  const requests: (Insert<typeof s.vanRequests> & { id: string })[] = [];
  const lines: Insert<typeof s.vanRequestLines>[] = [];
  teams.forEach((team, i) => {
    const requestedAt = addDays(now, -(3 - i));
    const declined = i === 2;
    const request = {
      id: id(),
      number: `AANV-${year}-${pad(i + 1, 6)}`,
      idempotencyKey: `demo-van-request-${i + 1}`,
      teamId: team.id,
      vanLocationId: opts.vanOf.get(team.id)!,
      status: declined ? ('declined' as const) : ('open' as const),
      note: i === 0 ? 'Kabel en aansluitmateriaal bijna op' : null,
      requestedByName: technician(team.id),
      requestedAt,
      decidedAt: declined ? addDays(requestedAt, 1) : null,
      declineReason: declined ? 'Zit morgen in de kit van het eerste bezoek' : null,
    };
    requests.push(request);
    for (const p of parts.slice(i % 2, (i % 2) + 2))
      lines.push({ requestId: request.id, productId: p.productId, quantity: rng.int(2, 6) * 5 });
  });
  return { transfers, requests, lines };
}
