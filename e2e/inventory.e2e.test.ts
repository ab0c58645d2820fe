import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// Warehouse staff receive a purchase order's chargers by scanning their serials, then look one serial
// up and see its first hop: the receipt against that order, into the warehouse at Nijkerk.
const session = usePortalSession();
const { loggedIn, apiAs } = session;

type Location = { id: string; code: string; kind: string; parentId: string | null };
type StockRow = { productId: string; sku: string; tracking: string };

/** A supplier's delivery note as UBL 2.1 DespatchAdvice: per line our SKU, the quantity and its serials or batch. */
function despatchAdvice(
  id: string,
  orderNumber: string,
  lines: { sku: string; quantity: number; serials?: string[]; batch?: string }[],
) {
  const instances = (l: (typeof lines)[number]) =>
    (l.serials ?? []).map((s) => `<cac:ItemInstance><cbc:SerialID>${s}</cbc:SerialID></cac:ItemInstance>`).join('') +
    (l.batch
      ? `<cac:ItemInstance><cac:LotIdentification><cbc:LotNumberID>${l.batch}</cbc:LotNumberID></cac:LotIdentification></cac:ItemInstance>`
      : '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<DespatchAdvice xmlns="urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:ID>${id}</cbc:ID><cbc:IssueDate>2026-11-30</cbc:IssueDate>
<cac:OrderReference><cbc:ID>${orderNumber}</cbc:ID></cac:OrderReference>
<cac:DespatchSupplierParty><cac:Party><cac:PartyName><cbc:Name>Leverancier</cbc:Name></cac:PartyName></cac:Party></cac:DespatchSupplierParty>
<cac:DeliveryCustomerParty><cac:Party><cac:PartyName><cbc:Name>ChargeCars</cbc:Name></cac:PartyName></cac:Party></cac:DeliveryCustomerParty>
${lines
  .map(
    (
      l,
      i,
    ) => `<cac:DespatchLine><cbc:ID>${i + 1}</cbc:ID><cbc:DeliveredQuantity unitCode="C62">${l.quantity}</cbc:DeliveredQuantity>
<cac:OrderLineReference><cbc:LineID>${i + 1}</cbc:LineID></cac:OrderLineReference>
<cac:Item><cac:BuyersItemIdentification><cbc:ID>${l.sku}</cbc:ID></cac:BuyersItemIdentification>${instances(l)}</cac:Item></cac:DespatchLine>`,
  )
  .join('\n')}
</DespatchAdvice>`;
}

describe('inventory in the ops portal', () => {
  it('receives a purchase order with serials and looks up a serial’s history', async () => {
    const api = await apiAs('warehouse');
    const locations = (await api('/api/inventory/locations')) as Location[];
    const supplier = locations.find((l) => l.kind === 'supplier' && l.parentId)!;
    const charger = ((await api('/api/inventory/stock')) as StockRow[]).find((r) => r.tracking === 'serial')!;
    const po = (await api('/api/inventory/purchase-orders', {
      entityId: 'chargecars',
      supplierLocationId: supplier.id,
      lines: [{ productId: charger.productId, quantity: 3 }],
    })) as { id: string; number: string };
    const run = Date.now().toString(36).toUpperCase();
    const serials = [`E2E${run}A`, `E2E${run}B`];

    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Inkooporders' }).first().click();
    await page.getByRole('link', { name: po.number }).click();
    await page.getByRole('button', { name: 'Markeer als verstuurd' }).click();
    const serialBox = page.getByLabel(`Serienummers ${charger.sku} (één per regel)`);
    // A keyboard-wedge scanner types each code and presses Enter.
    for (const serial of serials) {
      await serialBox.pressSequentially(serial);
      await serialBox.press('Enter');
    }
    await expect.poll(() => page.getByText('2 serienummers ingevoerd', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: 'Ontvangst boeken' }).click();
    await expect.poll(() => page.getByText('De ontvangst is geboekt.').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Deels ontvangen/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: serials[1]! }).count(), { timeout: 20_000 }).toBe(1);

    await page.getByRole('link', { name: 'Serienummer zoeken' }).first().click();
    // The lookup page loads on demand; until it has, the order page's "Serienummers …" box would match too.
    await page.waitForURL(/\/ops\/inventory\/serials/);
    const field = page.getByLabel('Serienummer', { exact: true });
    await field.pressSequentially(serials[0]!);
    await field.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Route van dit serienummer' }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: `Ontvangst ${po.number}` }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'MAG-NKK', exact: true }).count()).toBe(1);
  });

  it('reads a supplier’s despatch advice into the receipt and books it', async () => {
    const api = await apiAs('warehouse');
    const locations = (await api('/api/inventory/locations')) as Location[];
    const supplier = locations.find((l) => l.kind === 'supplier' && l.parentId)!;
    const stock = (await api('/api/inventory/stock')) as StockRow[];
    const charger = stock.find((r) => r.tracking === 'serial')!;
    const part = stock.find((r) => r.tracking === 'batch')!;
    const po = (await api('/api/inventory/purchase-orders', {
      entityId: 'chargecars',
      supplierLocationId: supplier.id,
      lines: [
        { productId: charger.productId, quantity: 2 },
        { productId: part.productId, quantity: 10 },
      ],
    })) as { id: string; number: string };
    const run = Date.now().toString(36).toUpperCase();
    const serials = [`PB${run}A`, `PB${run}B`];
    const batch = `LOT${run}`;
    const dir = await mkdtemp(path.join(tmpdir(), 'cc-despatch-'));
    const file = path.join(dir, `pakbon-${run}.xml`);
    await writeFile(
      file,
      despatchAdvice(`PB-${run}`, po.number, [
        { sku: charger.sku, quantity: 2, serials },
        { sku: part.sku, quantity: 10, batch },
      ]),
    );
    // A note announcing more chargers than were ordered: refused with the reason, nothing filled in.
    const tooMany = path.join(dir, `pakbon-${run}-te-veel.xml`);
    await writeFile(
      tooMany,
      despatchAdvice(`PB-${run}-X`, po.number, [{ sku: charger.sku, quantity: 3, serials: [...serials, `PB${run}C`] }]),
    );

    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Inkooporders' }).first().click();
    await page.getByRole('link', { name: po.number }).click();
    await page.getByRole('button', { name: 'Markeer als verstuurd' }).click();
    const upload = page.getByLabel('Pakbon van de leverancier inlezen (UBL DespatchAdvice)');
    await upload.setInputFiles(tooMany);
    await expect
      .poll(() => page.getByText('meer ontvangen dan besteld wordt geweigerd', { exact: false }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await upload.setInputFiles(file);
    await expect
      .poll(() => page.getByText(`Pakbon PB-${run} ingelezen`, { exact: false }).count(), { timeout: 20_000 })
      .toBe(1);
    // The note filled the form: both serials, the quantity and the batch code, ready to check and book.
    await expect
      .poll(() => page.getByLabel(`Serienummers ${charger.sku} (één per regel)`).inputValue())
      .toBe(serials.join('\n'));
    await expect.poll(() => page.getByLabel(`Aantal ${part.sku}`).inputValue()).toBe('10');
    await expect.poll(() => page.getByLabel(`Batchcode ${part.sku}`).inputValue()).toBe(batch);
    await page.getByRole('button', { name: 'Ontvangst boeken' }).click();
    await expect.poll(() => page.getByText('De ontvangst is geboekt.').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: serials[1]! }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: batch }).count()).toBe(1);
    const detail = (await api(`/api/inventory/purchase-orders/${po.id}`)) as { status: string };
    expect(detail.status).toBe('received');

    await rm(dir, { recursive: true, force: true });
  });
});
