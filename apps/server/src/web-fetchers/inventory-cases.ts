import { type Cases, as, call, made, ok, row } from './harness.ts';

/** Inventory: stock, serials, purchase orders, picking and replenishment: each endpoint called as the web calls it. */
export const inventoryCases: Cases = {
  'GET /api/inventory/locations': async () => [await call(as.warehouse!, 'GET', '/api/inventory/locations')],
  'GET /api/inventory/stock': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/stock'),
    await call(as.operations!, 'GET', '/api/inventory/stock?belowReorderPoint=true'),
  ],
  'GET /api/inventory/products/:id': async () => {
    const { id } = await row<{ id: string }>(
      "select p.id from products p where p.category_code = 'charging_station' and exists (select 1 from stock_moves m where m.product_id = p.id) limit 1",
    );
    return [await call(as.warehouse!, 'GET', `/api/inventory/products/${id}`)];
  },
  'GET /api/inventory/serials': async () => {
    const { serial } = await row<{ serial: string }>(
      'select serial_number serial from stock_serials where visit_id is not null limit 1',
    );
    return [await call(as.warehouse!, 'GET', `/api/inventory/serials?serial=${encodeURIComponent(serial)}`)];
  },
  'GET /api/inventory/purchase-orders': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/purchase-orders'),
  ],
  'GET /api/inventory/purchase-orders/:id': async () => {
    const { id } = await row<{ id: string }>("select id from purchase_orders where status = 'draft' limit 1");
    made.purchaseOrder = id;
    return [await call(as.warehouse!, 'GET', `/api/inventory/purchase-orders/${id}`)];
  },
  'POST /api/inventory/purchase-orders/:id/send': async () => [
    await call(as.warehouse!, 'POST', `/api/inventory/purchase-orders/${made.purchaseOrder}/send`),
  ],
  'POST /api/inventory/purchase-orders/:id/receipts': async () => {
    const po = ok(await call(as.warehouse!, 'GET', `/api/inventory/purchase-orders/${made.purchaseOrder}`)) as {
      lines: { productId: string; tracking: string }[];
    };
    const line = po.lines[0]!;
    const serial = line.tracking === 'serial' ? { serialNumbers: ['WEB-FETCH-0001'] } : {};
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/purchase-orders/${made.purchaseOrder}/receipts`, {
        idempotencyKey: 'web-fetchers-receipt-1',
        lines: [
          {
            productId: line.productId,
            quantity: 1,
            ...serial,
            ...(line.tracking === 'batch' ? { batchCode: 'B1' } : {}),
          },
        ],
      }),
    ];
  },
  'GET /api/inventory/picking-list': async () => {
    const v = await row<{ id: string; team_id: string; date: string }>(
      "select id, team_id, scheduled_date::text date from visits where status = 'scheduled' and type <> 'survey' order by scheduled_date desc, number limit 1",
    );
    made.pickVisit = v.id;
    return [await call(as.warehouse!, 'GET', `/api/inventory/picking-list?teamId=${v.team_id}&date=${v.date}`)];
  },
  'POST /api/inventory/visits/:id/pick': async () => {
    // Something counted and free at the warehouse, reserved for the visit so there is something to pick.
    const free = await row<{ product_id: string }>(
      "select b.product_id from stock_balances b join stock_locations l on l.id = b.location_id where l.code = 'MAG-NKK' and b.lot = '' and b.on_hand - b.reserved > 0 order by b.product_id limit 1",
    );
    ok(
      await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/reservations`, {
        lines: [{ productId: free.product_id, quantity: 1 }],
      }),
    );
    return [await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/pick`)];
  },
  'GET /api/inventory/visits/:id/kit': async () => [
    await call(as.warehouse!, 'GET', `/api/inventory/visits/${made.pickVisit}/kit`),
  ],
  'POST /api/inventory/visits/:id/kit-check': async () => {
    const kit = ok(await call(as.warehouse!, 'GET', `/api/inventory/visits/${made.pickVisit}/kit`)) as {
      items: { productId: string; serialNumber: string | null; quantity: number }[];
    };
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/kit-check`, {
        idempotencyKey: 'web-fetchers-kit-1',
        scannedSerials: kit.items.flatMap((i) => (i.serialNumber ? [i.serialNumber] : [])),
        counted: kit.items
          .filter((i) => !i.serialNumber)
          .map((i) => ({ productId: i.productId, quantity: i.quantity })),
      }),
    ];
  },
  'GET /api/inventory/reorder-suggestions': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/reorder-suggestions?due=true'),
    await call(as.operations!, 'GET', '/api/inventory/reorder-suggestions'),
  ],
  'POST /api/inventory/purchase-orders': async () => {
    const s = (
      ok(await call(as.warehouse!, 'GET', '/api/inventory/reorder-suggestions')) as {
        productId: string;
        locationId: string;
        locationKind: string;
        supplierLocationId: string | null;
      }[]
    ).find((x) => x.supplierLocationId && ['warehouse', 'bin'].includes(x.locationKind))!;
    return [
      await call(as.warehouse!, 'POST', '/api/inventory/purchase-orders', {
        entityId: 'chargecars',
        supplierLocationId: s.supplierLocationId,
        destinationLocationId: s.locationId,
        lines: [{ productId: s.productId, quantity: 5 }],
      }),
    ];
  },
};
