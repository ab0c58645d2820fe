import { type Cases, as, call, made, ok, row } from './harness.ts';

/** Counted stock free at the warehouse, for a request and the transfer that fulfils it. */
const freeAtWarehouse = () =>
  row<{ product_id: string }>(
    "select b.product_id from stock_balances b join stock_locations l on l.id = b.location_id where l.code = 'MAG-NKK' and b.lot = '' and b.on_hand - b.reserved > 5 order by b.product_id limit 1",
  );

/** Transfers and the vans' replenishment requests, as the warehouse pages and the technician's stock tab call them. */
export const transfersCases: Cases = {
  'GET /api/inventory/van-requests/products': async () => [
    await call(as.technician!, 'GET', '/api/inventory/van-requests/products'),
    await call(as.operations!, 'GET', '/api/inventory/van-requests/products'),
  ],
  'POST /api/inventory/van-requests': async () => {
    const { product_id } = await freeAtWarehouse();
    const asked = await call(as.technician!, 'POST', '/api/inventory/van-requests', {
      idempotencyKey: 'web-fetchers-van-request-1',
      note: 'Bijna op',
      lines: [{ productId: product_id, quantity: 2 }],
    });
    made.vanRequest = (ok(asked) as { id: string }).id;
    const forTeam = await call(as.operations!, 'POST', '/api/inventory/van-requests', {
      idempotencyKey: 'web-fetchers-van-request-2',
      teamId: as.technician!.teamId,
      lines: [{ productId: product_id, quantity: 1 }],
    });
    made.declinedVanRequest = (ok(forTeam) as { id: string }).id;
    return [asked, forTeam];
  },
  'GET /api/inventory/van-requests': async () => [
    await call(as.technician!, 'GET', '/api/inventory/van-requests'),
    await call(as.warehouse!, 'GET', '/api/inventory/van-requests?status=open'),
  ],
  'POST /api/inventory/transfers': async () => {
    const { product_id } = await freeAtWarehouse();
    const places = await row<{ warehouse: string; van: string }>(
      "select (select id from stock_locations where code = 'MAG-NKK') warehouse, (select id from stock_locations where kind = 'van' and team_id = $1 order by code limit 1) van",
      [as.technician!.teamId],
    );
    const sent = await call(as.warehouse!, 'POST', '/api/inventory/transfers', {
      idempotencyKey: 'web-fetchers-transfer-1',
      fromLocationId: places.warehouse,
      toLocationId: places.van,
      requestId: made.vanRequest,
      lines: [{ productId: product_id, quantity: 2 }],
    });
    made.transfer = (ok(sent) as { id: string }).id;
    return [sent];
  },
  'GET /api/inventory/lots': async () => {
    const { id } = await row<{ id: string }>("select id from stock_locations where code = 'MAG-NKK'");
    return [await call(as.warehouse!, 'GET', `/api/inventory/lots?locationId=${id}`)];
  },
  'GET /api/inventory/transfers': async () => [await call(as.warehouse!, 'GET', '/api/inventory/transfers')],
  'POST /api/inventory/transfers/:id/receive': async () => [
    await call(as.warehouse!, 'POST', `/api/inventory/transfers/${made.transfer}/receive`),
  ],
  'POST /api/inventory/van-requests/:id/decline': async () => [
    await call(as.warehouse!, 'POST', `/api/inventory/van-requests/${made.declinedVanRequest}/decline`, {
      reason: 'Staat al op de picklijst van morgen',
    }),
  ],
};
