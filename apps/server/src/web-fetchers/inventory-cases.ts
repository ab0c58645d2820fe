import { type Cases, as, call, logIn, loginOf, made, ok, row, sessionOf } from './harness.ts';

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
  'GET /api/inventory/counts': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/counts'),
    await call(as.operations!, 'GET', '/api/inventory/counts?from=2026-01-01&to=2026-12-31'),
  ],
  'POST /api/inventory/counts': async () => {
    // A van with stock and no open count: the demo leaves one open at a bin.
    const { id } = await row<{ id: string }>(
      "select l.id from stock_locations l where l.kind = 'van' and not exists (select 1 from stock_counts c where c.location_id = l.id and c.status = 'open') and exists (select 1 from stock_balances b where b.location_id = l.id and b.on_hand > 0) order by l.code limit 1",
    );
    const started = await call(as.warehouse!, 'POST', '/api/inventory/counts', { locationId: id });
    made.stockCount = (ok(started) as { id: string }).id;
    return [started];
  },
  'GET /api/inventory/counts/:id': async () => [
    await call(as.warehouse!, 'GET', `/api/inventory/counts/${made.stockCount}`),
  ],
  'PUT /api/inventory/counts/:id': async () => {
    const count = ok(await call(as.warehouse!, 'GET', `/api/inventory/counts/${made.stockCount}`)) as {
      lines: { id: string; tracking: string; lot: string; expected: number }[];
    };
    // Everything found as booked (a van may be negative: counted 0), every serial scanned.
    return [
      await call(as.warehouse!, 'PUT', `/api/inventory/counts/${made.stockCount}`, {
        scannedSerials: count.lines.filter((l) => l.tracking === 'serial').map((l) => l.lot),
        lines: count.lines
          .filter((l) => l.tracking !== 'serial')
          .map((l) => ({ lineId: l.id, counted: Math.max(0, l.expected) })),
      }),
    ];
  },
  'POST /api/inventory/counts/:id/post': async () => [
    await call(as.warehouse!, 'POST', `/api/inventory/counts/${made.stockCount}/post`),
  ],
  'POST /api/inventory/purchase-orders/:id/despatch-advice': async () => {
    const po = ok(await call(as.warehouse!, 'GET', `/api/inventory/purchase-orders/${made.purchaseOrder}`)) as {
      number: string;
      lines: { sku: string; tracking: string }[];
    };
    const line = po.lines[0]!;
    const instance =
      line.tracking === 'serial'
        ? '<cac:ItemInstance><cbc:SerialID>WEB-FETCH-DA-1</cbc:SerialID></cac:ItemInstance>'
        : line.tracking === 'batch'
          ? '<cac:ItemInstance><cac:LotIdentification><cbc:LotNumberID>B2</cbc:LotNumberID></cac:LotIdentification></cac:ItemInstance>'
          : '';
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<DespatchAdvice xmlns="urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:ID>PB-WEB-1</cbc:ID><cbc:IssueDate>2026-11-28</cbc:IssueDate>
<cac:OrderReference><cbc:ID>${po.number}</cbc:ID></cac:OrderReference>
<cac:DespatchSupplierParty><cac:Party><cac:PartyName><cbc:Name>Leverancier</cbc:Name></cac:PartyName></cac:Party></cac:DespatchSupplierParty>
<cac:DeliveryCustomerParty><cac:Party><cac:PartyName><cbc:Name>ChargeCars</cbc:Name></cac:PartyName></cac:Party></cac:DeliveryCustomerParty>
<cac:DespatchLine><cbc:ID>1</cbc:ID><cbc:DeliveredQuantity unitCode="C62">1</cbc:DeliveredQuantity>
<cac:OrderLineReference><cbc:LineID>1</cbc:LineID></cac:OrderLineReference>
<cac:Item><cac:BuyersItemIdentification><cbc:ID>${line.sku}</cbc:ID></cac:BuyersItemIdentification>${instance}</cac:Item></cac:DespatchLine>
</DespatchAdvice>`;
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/purchase-orders/${made.purchaseOrder}/despatch-advice`, {
        xml,
      }),
    ];
  },
  'GET /api/inventory/tools': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/tools'),
    await call(as.operations!, 'GET', '/api/inventory/tools?due=true'),
  ],
  'POST /api/inventory/tools': async () => {
    const made = await call(as.warehouse!, 'POST', '/api/inventory/tools', {
      type: 'Installatietester',
      serialNumber: 'WEB-FETCH-TOOL-1',
      inspectionIntervalMonths: 12,
      inspectionDueOn: '2026-12-31',
    });
    return [made];
  },
  'GET /api/inventory/tools/:id': async () => {
    const { id } = await row<{ id: string }>('select id from tools where team_id is not null order by code limit 1');
    return [await call(as.warehouse!, 'GET', `/api/inventory/tools/${id}`)];
  },
  'POST /api/inventory/tools/:id/events': async () => {
    const { id } = await row<{ id: string }>("select id from tools where serial_number = 'WEB-FETCH-TOOL-1'");
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/tools/${id}/events`, {
        kind: 'inspection',
        happenedOn: '2026-01-15',
        result: 'passed',
      }),
    ];
  },
  'GET /api/inventory/demand-forecast': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/demand-forecast'),
    await call(as.operations!, 'GET', '/api/inventory/demand-forecast?weeks=12'),
  ],
  'GET /api/inventory/stock-out-warnings': async () => {
    const { from, to } = await row<{ from: string; to: string }>(
      'select current_date::text "from", (current_date + 41)::text "to"',
    );
    return [
      await call(as.warehouse!, 'GET', `/api/inventory/stock-out-warnings?from=${from}&to=${to}`),
      await call(as.admin!, 'GET', `/api/inventory/stock-out-warnings?from=${from}&to=${to}`),
    ];
  },
  'GET /api/inventory/tool-readiness': async () => [await call(as.warehouse!, 'GET', '/api/inventory/tool-readiness')],
  'PUT /api/inventory/tool-requirements': async () => [
    await call(as.warehouse!, 'PUT', '/api/inventory/tool-requirements', {
      installationType: 'survey',
      toolType: 'Installatietester',
      quantity: 1,
    }),
  ],
  'GET /api/inventory/wholesale-availability': async () => {
    // A contractor of a B2B brand (bands of its price list), and a partner of another brand (nothing).
    const b2b = await row<{ email: string }>(
      "select u.email from users u join partners p on p.id = u.partner_id where u.role = 'partner' and p.status = 'active' and exists (select 1 from partner_agreements a where a.partner_id = p.id and a.entity_id in ('zaptecshop', 'ratioshop') and a.valid_from <= current_date and (a.valid_to is null or a.valid_to >= current_date)) and exists (select 1 from partner_prices pp where pp.partner_id = p.id) order by u.email limit 1",
    );
    return [
      await call(
        sessionOf(await logIn(b2b.email, loginOf('partner').password!)),
        'GET',
        '/api/inventory/wholesale-availability',
      ),
      await call(as.partner!, 'GET', '/api/inventory/wholesale-availability'),
    ];
  },
};
