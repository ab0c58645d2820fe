import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// Warehouse staff count a bin by scanning its serials and post the difference, and see which tools'
// inspections ran out and book one.
const session = usePortalSession();
const { loggedIn, apiAs } = session;

type StockRow = {
  productId: string;
  sku: string;
  tracking: string;
  locationId: string;
  locationCode: string;
  onHand: number;
};

describe('counts and tools in the ops portal', () => {
  it('counts a bin by scanning, posts the variance and shows the accuracy', async () => {
    const api = await apiAs('warehouse');
    const stock = (await api('/api/inventory/stock')) as StockRow[];
    // A bin without the demo's open count, holding serialised chargers.
    const counts = (await api('/api/inventory/counts')) as { counts: { status: string; location: { code: string } }[] };
    const open = new Set(counts.counts.filter((c) => c.status === 'open').map((c) => c.location.code));
    // At least two serials, whatever the suites before this one moved out of the warehouse.
    const serialUnits = new Map<string, number>();
    for (const r of stock)
      if (r.tracking === 'serial' && /^MAG-NKK-/.test(r.locationCode) && !open.has(r.locationCode))
        serialUnits.set(r.locationCode, (serialUnits.get(r.locationCode) ?? 0) + r.onHand);
    const bin = stock.find((r) => r.tracking === 'serial' && (serialUnits.get(r.locationCode) ?? 0) >= 2)!;
    const page = await loggedIn('warehouse');
    await page.getByRole('link', { name: 'Tellingen' }).first().click();
    await page.waitForURL(/\/ops\/inventory\/counts$/);
    // The stock page the warehouse lands on has a location filter too: wait for the counts page itself.
    await page.getByRole('button', { name: 'Start telling' }).waitFor();
    await page.getByRole('combobox', { name: /^Locatie/ }).selectOption(bin.locationId);
    await page.getByRole('button', { name: 'Start telling' }).click();
    await page.waitForURL(/\/ops\/inventory\/counts\/[0-9a-f-]+$/);
    const serialsOnPage = async () =>
      (await page.getByRole('cell').allInnerTexts()).filter((c) => /^[A-Za-z]+\d{8}$/.test(c));
    await expect.poll(async () => (await serialsOnPage()).length, { timeout: 20_000 }).toBeGreaterThan(1);
    const serials = await serialsOnPage();
    const field = page.getByLabel('Serienummer');
    // Every serial but the last is found: a scanner types it and presses Enter.
    for (const serial of serials.slice(0, -1)) {
      await field.pressSequentially(serial);
      await field.press('Enter');
      await expect.poll(() => page.getByText(`Geteld: ${serial}`).count(), { timeout: 20_000 }).toBe(1);
    }
    for (const input of await page.getByRole('spinbutton').all()) await input.fill('0');
    await page.getByRole('button', { name: 'Verschil boeken' }).click();
    await expect.poll(() => page.getByText('Het verschil is geboekt.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('-1', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Tellingen' }).first().click();
    await expect
      .poll(() => page.getByRole('figure', { name: 'Voorraadnauwkeurigheid (doel > 99%)' }).innerText(), {
        timeout: 20_000,
      })
      .toMatch(/\d+(,\d)?%/);
  });

  it('shows overdue tool inspections and books a passed one', async () => {
    const page = await loggedIn('warehouse');
    await page.getByRole('link', { name: 'Gereedschap' }).first().click();
    await page.waitForURL(/\/ops\/inventory\/tools$/);
    await page.getByLabel('Alleen keuring of kalibratie binnen 2 weken of verlopen').check();
    const overdue = page.getByText(/· verlopen$/).first();
    await expect.poll(() => page.getByText(/· verlopen$/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const row = page.getByRole('row').filter({ has: overdue });
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/ops\/inventory\/tools\/[0-9a-f-]+$/);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: 'Goedgekeurd' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await expect.poll(() => page.getByText(/· verlopen$/).count()).toBe(0);
  });
});
