import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// Warehouse staff move a charger to a team's van by scanning its serial (a keyboard-wedge scanner types
// the code and presses Enter), receive it there when it arrives, and decline a van's request with a reason.
const session = usePortalSession();
const { loggedIn, apiAs } = session;

type Location = { id: string; code: string; name: string; kind: string; parentId: string | null };
type StockRow = { productId: string; sku: string; tracking: string };
type SerialUnit = { location: { code: string } };
type VanRequest = { id: string; number: string; status: string; declineReason: string | null };

describe('transfers and van requests in the ops portal', () => {
  it('scans a serial onto a transfer to a van through transit and receives it there', async () => {
    const api = await apiAs('warehouse');
    const locations = (await api('/api/inventory/locations')) as Location[];
    const supplier = locations.find((l) => l.kind === 'supplier' && l.parentId)!;
    const van = locations.find((l) => l.kind === 'van')!;
    const charger = ((await api('/api/inventory/stock')) as StockRow[]).find((r) => r.tracking === 'serial')!;
    // A charger of a known serial at the warehouse, received as the warehouse would.
    const serial = `OVB${Date.now().toString(36).toUpperCase()}`;
    const po = (await api('/api/inventory/purchase-orders', {
      entityId: 'chargecars',
      supplierLocationId: supplier.id,
      lines: [{ productId: charger.productId, quantity: 1 }],
    })) as { id: string };
    // Sending answers 204 without a body, which the helper cannot read as JSON.
    await api(`/api/inventory/purchase-orders/${po.id}/send`, {}).catch(() => null);
    await api(`/api/inventory/purchase-orders/${po.id}/receipts`, {
      idempotencyKey: `stock-flow-${serial}`,
      lines: [{ productId: charger.productId, quantity: 1, serialNumbers: [serial] }],
    });

    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Verplaatsingen' }).first().click();
    await page.getByRole('combobox', { name: /^Van/ }).selectOption({ label: 'MAG-NKK · Magazijn Nijkerk' });
    await page.getByRole('combobox', { name: /^Naar/ }).selectOption({ label: `${van.code} · ${van.name}` });
    await expect.poll(() => page.getByText('Gaat via Onderweg (transit)', { exact: false }).count()).toBe(1);
    const scan = page.getByLabel('Scan serienummer');
    await scan.pressSequentially(serial);
    await scan.press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: serial }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Verplaatsing boeken' }).click();
    await expect
      .poll(() => page.getByText(/Verplaatsing OVB-\d{4}-\d{6} is onderweg\./).count(), { timeout: 20_000 })
      .toBe(1);
    expect(((await api(`/api/inventory/serials?serial=${serial}`)) as SerialUnit[])[0]!.location.code).toBe('ONDERWEG');

    const number = (await page.getByText(/Verplaatsing OVB-\d{4}-\d{6} is onderweg\./).textContent())!.match(
      /OVB-\d{4}-\d{6}/,
    )![0];
    await page.getByRole('button', { name: `Ontvangen ${number}` }).click();
    await expect
      .poll(async () => ((await api(`/api/inventory/serials?serial=${serial}`)) as SerialUnit[])[0]!.location.code, {
        timeout: 20_000,
      })
      .toBe(van.code);
    await expect.poll(() => page.getByRole('button', { name: `Ontvangen ${number}` }).count()).toBe(0);
  });

  it('fulfils a van request with a transfer filled in from it, batches from the oldest free lot', async () => {
    const api = await apiAs('warehouse');
    const open = ((await api('/api/inventory/van-requests?status=open')) as VanRequest[]).at(-1)!;
    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Aanvullen bus' }).first().click();
    await page.getByRole('link', { name: `Verplaatsing maken voor ${open.number}` }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Verplaatsing voor aanvulverzoek ${open.number}` }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByText('Nog niets op deze verplaatsing', { exact: false }).count(), { timeout: 20_000 })
      .toBe(0);
    await page.getByRole('button', { name: 'Verplaatsing boeken' }).click();
    // Booked, back at the requests: this one is dealt with, delivered by the transfer.
    await page.waitForURL(/\/ops\/inventory\/van-requests$/);
    const after = (
      (await api('/api/inventory/van-requests')) as (VanRequest & { transfer: { number: string } | null })[]
    ).find((r) => r.id === open.id)!;
    expect(after.status).toBe('fulfilled');
    await expect
      .poll(() => page.getByRole('cell', { name: `Geleverd met ${after.transfer!.number}` }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
  });

  it('declines an open van request with a reason the team reads', async () => {
    const api = await apiAs('warehouse');
    const open = ((await api('/api/inventory/van-requests?status=open')) as VanRequest[])[0]!;
    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Aanvullen bus' }).first().click();
    const card = page.locator('section', { has: page.getByRole('heading', { name: new RegExp(`^${open.number}`) }) });
    await card.getByRole('button', { name: 'Afwijzen' }).click();
    await card.getByLabel('Reden (leest het team)').fill('Komt morgen mee in de kit');
    await card.getByRole('button', { name: 'Verzoek afwijzen' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: 'Afgewezen: Komt morgen mee in de kit' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const after = ((await api('/api/inventory/van-requests')) as VanRequest[]).find((r) => r.id === open.id)!;
    expect(after).toMatchObject({ status: 'declined', declineReason: 'Komt morgen mee in de kit' });
  });
});
