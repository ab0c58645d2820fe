import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { pdfText } from '../../test/pdf-text.ts';

// The official UBL 2.1 schemas the repository keeps (apps/server/src/modules/billing/ubl-schema/SOURCES.md).
const ORDER_XSD = fileURLToPath(new URL('../billing/ubl-schema/maindoc/UBL-Order-2.1.xsd', import.meta.url));

function xmllint(xml: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ubl-order-')), 'order.xml');
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--noout', '--schema', ORDER_XSD, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;
type Suggestion = {
  sku: string;
  locationCode: string;
  source: string;
  free: number;
  onOrder: number;
  suggested: number;
};

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
  await t.database.db
    .update(s.stockLocations)
    .set({ contactEmail: 'orders@zaptec.example.nl' })
    .where(eq(s.stockLocations.id, fx.locations.supplier.id));
});
afterAll(() => t?.close());

describe('replenishment', () => {
  it('suggests ordering up to the maximum once free stock plus what is on order reaches the minimum', async () => {
    const put = (body: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/inventory/replenishment-rules',
        headers: { cookie: `cc_session=${warehouse.cookie}`, 'x-csrf-token': warehouse.csrf },
        payload: body,
      });
    const L = fx.locations;
    expect((await put({ productId: fx.products.charger.id, locationId: L.van1.id, min: 1, max: 2 })).statusCode).toBe(
      200,
    );
    expect((await put({ productId: fx.products.charger.id, locationId: L.van1.id, min: 3, max: 3 })).statusCode).toBe(
      400,
    );
    expect(
      (await put({ productId: fx.products.charger.id, locationId: L.supplier.id, min: 1, max: 2 })).statusCode,
    ).toBe(422);
    // The cable has a reorder point of 20 and a quantity of 100 at the warehouse (fixtures), and no stock.
    const due = (await warehouse.get('/api/inventory/reorder-suggestions?due=true')).json() as Suggestion[];
    expect(due).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'CC-IK-5X6', locationCode: 'MAG-NKK', source: 'reorder_point', suggested: 120 }),
        expect.objectContaining({ sku: 'ZAP-GO2-22', locationCode: L.van1.code, source: 'rule', suggested: 2 }),
      ]),
    );
    // Ordered: on order counts, so it is no longer due.
    await warehouse.post('/api/inventory/purchase-orders', {
      entityId: 'chargecars',
      supplierLocationId: L.supplier.id,
      lines: [{ productId: fx.products.cable.id, quantity: 120 }],
    });
    const after = (await warehouse.get('/api/inventory/reorder-suggestions')).json() as Suggestion[];
    expect(after.find((x) => x.sku === 'CC-IK-5X6')).toMatchObject({ onOrder: 120, suggested: 0 });
  });

  it('sends a purchase order as an e-mail with its PDF and a schema-valid UBL 2.1 Order', async () => {
    const po = (
      await warehouse.post('/api/inventory/purchase-orders', {
        entityId: 'chargecars',
        supplierLocationId: fx.locations.supplier.id,
        expectedOn: '2026-12-15',
        lines: [
          { productId: fx.products.charger.id, quantity: 4, unitCostCents: 62000 },
          { productId: fx.products.cable.id, quantity: 50, unitCostCents: 450 },
        ],
      })
    ).json() as { id: string; number: string };
    const ubl = await warehouse.get(`/api/inventory/purchase-orders/${po.id}/ubl`);
    expect(ubl.headers['content-type']).toContain('application/xml');
    xmllint(ubl.body);
    expect(ubl.body).toContain(`<cbc:ID>${po.number}</cbc:ID>`);
    expect(ubl.body).toContain('<cbc:PayableAmount currencyID="EUR">2705.00</cbc:PayableAmount>');

    expect((await warehouse.post(`/api/inventory/purchase-orders/${po.id}/send`)).statusCode).toBe(204);
    const [mail] = await t.database.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.subject, `Inkooporder ${po.number} van ChargeCars`));
    expect(mail?.to).toBe('orders@zaptec.example.nl');
    const [pdf, xml] = mail!.attachments!;
    expect(pdf!.filename).toBe(`${po.number}.pdf`);
    expect(Buffer.from(pdf!.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(xml!.contentType).toBe('application/xml');
    xmllint(Buffer.from(xml!.contentBase64, 'base64').toString('utf8'));
    const sentPdf = await warehouse.get(`/api/inventory/purchase-orders/${po.id}/pdf`);
    expect(sentPdf.headers['content-type']).toBe('application/pdf');
    // Downloaded by staff in the language they chose (issue 16).
    expect(pdfText(sentPdf.rawPayload).join(' ')).toContain(`Inkooporder ${po.number}`);
    const english = pdfText((await warehouse.get(`/api/inventory/purchase-orders/${po.id}/pdf?lang=en`)).rawPayload);
    expect(english.join(' ')).toContain(`Purchase order ${po.number}`);
    expect(english.join(' ')).toMatch(/Total excl\. VAT \W{1,3}2,705\.00 /);
    expect(english.join(' ')).not.toContain('Totaal excl. btw');
    expect((await warehouse.get(`/api/inventory/purchase-orders/${crypto.randomUUID()}/ubl`)).statusCode).toBe(404);
  });

  it("mails a purchase order, and its PDF, in the language of the supplier's order desk", async () => {
    await t.database.db
      .update(s.stockLocations)
      .set({ contactLanguage: 'en' })
      .where(eq(s.stockLocations.id, fx.locations.supplier.id));
    const po = (
      await warehouse.post('/api/inventory/purchase-orders', {
        entityId: 'chargecars',
        supplierLocationId: fx.locations.supplier.id,
        expectedOn: '2026-12-18',
        lines: [{ productId: fx.products.cable.id, quantity: 20, unitCostCents: 450 }],
      })
    ).json() as { id: string; number: string };
    expect((await warehouse.post(`/api/inventory/purchase-orders/${po.id}/send`)).statusCode).toBe(204);
    const [mail] = await t.database.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.subject, `Purchase order ${po.number} from ChargeCars`));
    expect(mail).toMatchObject({ to: 'orders@zaptec.example.nl', language: 'en' });
    expect(mail!.bodyText).toContain('Delivery wanted: by 2026-12-18.');
    const pdf = pdfText(Buffer.from(mail!.attachments![0]!.contentBase64, 'base64')).join(' ');
    expect(pdf).toContain(`Purchase order ${po.number}`);
    await t.database.db
      .update(s.stockLocations)
      .set({ contactLanguage: 'nl' })
      .where(eq(s.stockLocations.id, fx.locations.supplier.id));
  });
});
