import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// Warehouse staff receive a purchase order's chargers by scanning their serials, then look one serial
// up and see its first hop: the receipt against that order, into the warehouse at Nijkerk.
const session = usePortalSession();
const { loggedIn, apiAs } = session;

type Location = { id: string; code: string; kind: string; parentId: string | null };
type StockRow = { productId: string; sku: string; tracking: string };

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
    const field = page.getByLabel('Serienummer');
    await field.pressSequentially(serials[0]!);
    await field.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Route van dit serienummer' }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: `Ontvangst ${po.number}` }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'MAG-NKK', exact: true }).count()).toBe(1);
  });
});
