import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { compareStockBalances } from './index.ts';

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;
let po: { id: string; number: string };

type Line = { id: string; sku: string; qty: number; serials?: string[]; lot?: string; lineId?: number };

/** A supplier's delivery note as UBL 2.1 DespatchAdvice, elements in the schema's order. */
function despatchAdvice(opts: { id: string; order: string; lines: Line[] }) {
  const line = (l: Line) => `
  <cac:DespatchLine>
    <cbc:ID>${l.id}</cbc:ID>
    <cbc:DeliveredQuantity unitCode="C62">${l.qty}</cbc:DeliveredQuantity>
    <cac:OrderLineReference><cbc:LineID>${l.lineId ?? 1}</cbc:LineID></cac:OrderLineReference>
    <cac:Item>
      <cbc:Name>Artikel ${l.sku}</cbc:Name>
      ${l.sku ? `<cac:BuyersItemIdentification><cbc:ID>${l.sku}</cbc:ID></cac:BuyersItemIdentification>` : ''}
      ${(l.serials ?? []).map((s) => `<cac:ItemInstance><cbc:SerialID>${s}</cbc:SerialID></cac:ItemInstance>`).join('')}
      ${l.lot ? `<cac:ItemInstance><cac:LotIdentification><cbc:LotNumberID>${l.lot}</cbc:LotNumberID></cac:LotIdentification></cac:ItemInstance>` : ''}
    </cac:Item>
  </cac:DespatchLine>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<DespatchAdvice xmlns="urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:ID>${opts.id}</cbc:ID>
  <cbc:IssueDate>2026-11-28</cbc:IssueDate>
  <cac:OrderReference><cbc:ID>${opts.order}</cbc:ID></cac:OrderReference>
  <cac:DespatchSupplierParty><cac:Party><cac:PartyName><cbc:Name>Zaptec</cbc:Name></cac:PartyName></cac:Party></cac:DespatchSupplierParty>
  <cac:DeliveryCustomerParty><cac:Party><cac:PartyName><cbc:Name>ChargeCars</cbc:Name></cac:PartyName></cac:Party></cac:DeliveryCustomerParty>
  ${opts.lines.map(line).join('')}
</DespatchAdvice>`;
}

const read = (xml: string, headers: Record<string, string> = {}) =>
  warehouse.post(`/api/inventory/purchase-orders/${po.id}/despatch-advice`, { xml }, headers);

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
  const { charger, cabinet, cable } = fx.products;
  const made = await warehouse.post('/api/inventory/purchase-orders', {
    entityId: 'chargecars',
    supplierLocationId: fx.locations.supplier.id,
    lines: [
      { productId: charger.id, quantity: 3 },
      { productId: cabinet.id, quantity: 5 },
      { productId: cable.id, quantity: 10 },
    ],
  });
  po = made.json();
  expect((await warehouse.post(`/api/inventory/purchase-orders/${po.id}/send`)).statusCode).toBe(204);
});
afterAll(() => t?.close());

describe("a supplier's despatch advice", () => {
  it('prefills the receipt with serials and batch codes, and booking it twice books once', async () => {
    const { charger, cabinet, cable } = fx.products;
    const xml = despatchAdvice({
      id: 'PB-7781',
      order: po.number,
      lines: [
        { id: '1', sku: charger.sku, qty: 2, serials: ['ZAP-DA-1', 'ZAP-DA-2'] },
        { id: '2', sku: cabinet.sku, qty: 5, lot: 'LOT-55' },
      ],
    });
    const res = await read(xml);
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({ despatchId: 'PB-7781', issueDate: '2026-11-28', warnings: [] });
    expect(receipt.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: charger.id, quantity: 2, serialNumbers: ['ZAP-DA-1', 'ZAP-DA-2'] }),
        expect.objectContaining({ productId: cabinet.id, quantity: 5, batchCode: 'LOT-55' }),
      ]),
    );
    expect(receipt.lines.find((l: { productId: string }) => l.productId === cable.id)).toBeUndefined();

    const book = () =>
      warehouse.post(`/api/inventory/purchase-orders/${po.id}/receipts`, {
        idempotencyKey: receipt.idempotencyKey,
        lines: receipt.lines.map(
          (l: { productId: string; quantity: number; serialNumbers: string[]; batchCode: string | null }) => ({
            productId: l.productId,
            quantity: l.quantity,
            ...(l.serialNumbers.length ? { serialNumbers: l.serialNumbers } : {}),
            ...(l.batchCode ? { batchCode: l.batchCode } : {}),
          }),
        ),
      });
    expect((await book()).statusCode).toBe(201);
    expect((await book()).statusCode).toBe(200);
    const after = (await warehouse.get(`/api/inventory/purchase-orders/${po.id}`)).json();
    expect(after.status).toBe('partly_received');
    expect(after.lines.find((l: { productId: string }) => l.productId === charger.id).quantityReceived).toBe(2);
    expect(await compareStockBalances(t.database.db)).toEqual([]);

    // The same note read again now names serials already received.
    const again = await read(xml);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('serial_already_received');
  });

  it('matches a line without an item number by its order line number and warns when serials are missing', async () => {
    const lineOfCable = ((await warehouse.get(`/api/inventory/purchase-orders/${po.id}/ubl`)).body.match(
      /<cac:LineItem><cbc:ID>(\d+)<\/cbc:ID>(?:(?!<\/cac:LineItem>).)*CC-IK-5X6/,
    ) ?? [])[1];
    expect(lineOfCable).toBeDefined();
    const res = await read(
      despatchAdvice({
        id: 'PB-7782',
        order: po.number,
        lines: [
          { id: '1', sku: '', qty: 4, lineId: Number(lineOfCable) },
          { id: '2', sku: fx.products.charger.sku, qty: 1 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ productId: fx.products.cable.id, quantity: 4 })]),
    );
    expect(res.json().warnings[0]).toContain('geen serienummers');
  });

  it('refuses a bad document with its reason', async () => {
    const { charger, cable } = fx.products;
    const refusal = async (xml: string, code = 'despatch_advice_refused') => {
      const res = await read(xml);
      expect(res.statusCode, res.body).toBe(code === 'serial_already_received' ? 409 : 422);
      expect(res.json().code).toBe(code);
      return res.json().detail as string;
    };
    expect(await refusal('<DespatchAdvice><oops></DespatchAdvice>')).toContain('Geen geldige UBL 2.1 DespatchAdvice');
    // An Order is not a delivery note.
    const order = (await warehouse.get(`/api/inventory/purchase-orders/${po.id}/ubl`)).body;
    expect(await refusal(order)).toContain('Geen geldige UBL 2.1 DespatchAdvice');
    // Schema-invalid: a despatch line without its order line reference.
    const noRef = despatchAdvice({ id: 'X1', order: po.number, lines: [{ id: '1', sku: cable.sku, qty: 1 }] }).replace(
      /<cac:OrderLineReference>.*?<\/cac:OrderLineReference>/,
      '',
    );
    expect(await refusal(noRef)).toContain('OrderLineReference');
    expect(
      await refusal(
        despatchAdvice({ id: 'X2', order: 'IO-1999-000001', lines: [{ id: '1', sku: cable.sku, qty: 1 }] }),
      ),
    ).toContain('hoort bij inkooporder IO-1999-000001');
    expect(
      await refusal(despatchAdvice({ id: 'X3', order: po.number, lines: [{ id: '7', sku: 'NIET-BESTELD', qty: 1 }] })),
    ).toContain('Pakbonregel 7 (NIET-BESTELD) staat niet op inkooporder');
    expect(
      await refusal(despatchAdvice({ id: 'X4', order: po.number, lines: [{ id: '1', sku: cable.sku, qty: 11 }] })),
    ).toContain('meer ontvangen dan besteld wordt geweigerd');
    expect(
      await refusal(despatchAdvice({ id: 'X5', order: po.number, lines: [{ id: '1', sku: cable.sku, qty: 1.5 }] })),
    ).toContain('heel getal');
    expect(
      await refusal(
        despatchAdvice({
          id: 'X6',
          order: po.number,
          lines: [{ id: '1', sku: charger.sku, qty: 1, serials: ['A', 'B'] }],
        }),
      ),
    ).toContain('1 stuks maar 2 serienummers');
    // An external entity is neither fetched nor expanded.
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${despatchAdvice({
      id: '&x;',
      order: po.number,
      lines: [{ id: '1', sku: cable.sku, qty: 1 }],
    }).replace(/^<\?xml[^>]*>/, '')}`;
    const res = await read(xxe);
    expect(res.body).not.toContain('root:');
    const en = await read('<nope/>', { 'accept-language': 'en' });
    expect(en.json().detail).toContain('Not a valid UBL 2.1 DespatchAdvice');
    const planner = await t.as('planner@chargecars.nl');
    expect(
      (await planner.post(`/api/inventory/purchase-orders/${po.id}/despatch-advice`, { xml: '<x/>' })).statusCode,
    ).toBe(403);
  });
});
