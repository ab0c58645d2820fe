import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// Warehouse staff open a team's picking list for a planned installation, pick its kit into staging,
// scan the serials and count the parts at the quality check, and load it onto the van.
// On a platform of its own: the suites before it plan, start and finish the demo's visits, and the visit
// it picks must be as the demo made it (on the shared platform it found one it could not pick after them).
const session = usePortalSession({ ownPlatform: true });
const { loggedIn, apiAs } = session;

type Visit = { id: string; number: string; type: string; status: string; date: string; teamId: string };
type Location = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  teamId: string | null;
};
type Check = { lines: { productId: string; needed: number; held: number }[] };
type Ledger = { product: { tracking: string } };
type Kit = { items: { productId: string; serialNumber: string | null; quantity: number }[] };

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
};

describe('picking and the kit check', () => {
  it('builds a picking list for a team-day, picks a kit and checks it onto the van', async () => {
    const planner = await apiAs('planner');
    const warehouse = await apiAs('warehouse');
    // A planned installation in the coming weeks whose order takes materials.
    let visit: Visit | undefined;
    let check: Check | undefined;
    for (let offset = 1; offset <= 30 && !visit; offset++) {
      const { items } = (await planner(`/api/visits?date=${day(offset)}`)) as { items: Visit[] };
      for (const v of items.filter((x) => x.type === 'installation' && x.status === 'scheduled')) {
        const c = (await planner(`/api/inventory/material-availability?visitId=${v.id}&date=${v.date}`)) as Check;
        if (c.lines.length) {
          visit = v;
          check = c;
          break;
        }
      }
    }
    expect(visit, 'a planned installation with materials in the demo data').toBeDefined();
    const locations = (await warehouse('/api/inventory/locations')) as Location[];
    const supplier = locations.find((l) => l.kind === 'supplier' && l.parentId)!;
    const magazijn = locations.find((l) => l.code === 'MAG-NKK')!;
    const van = locations.find((l) => l.kind === 'van' && l.teamId === visit!.teamId)!;
    // Our own stock for what the visit still lacks, so the test needs no particular demo stock level.
    const run = Date.now().toString(36).toUpperCase();
    const moves: object[] = [];
    let unit = 0;
    for (const line of check!.lines) {
      const missing = line.needed - line.held;
      if (missing <= 0) continue;
      const { product } = (await warehouse(`/api/inventory/products/${line.productId}`)) as Ledger;
      const base = { productId: line.productId, fromLocationId: supplier.id, toLocationId: magazijn.id };
      if (product.tracking === 'serial')
        for (let i = 0; i < missing; i++) moves.push({ ...base, quantity: 1, serialNumber: `PK${run}${unit++}` });
      else
        moves.push({ ...base, quantity: missing, ...(product.tracking === 'batch' ? { batchCode: `B${run}` } : {}) });
    }
    if (moves.length)
      await warehouse('/api/inventory/postings', {
        idempotencyKey: `e2e-picking-${run}`,
        documentType: 'purchase_receipt',
        documentRef: `PAKBON-${run}`,
        moves,
      });
    const reserved = (await planner(`/api/inventory/visits/${visit!.id}/reservations`, {
      lines: check!.lines.map((l) => ({ productId: l.productId, quantity: l.needed })),
    })) as unknown[];
    expect(Array.isArray(reserved), JSON.stringify(reserved)).toBe(true);

    const page = await loggedIn('warehouse');
    await page.waitForURL(/\/ops\/inventory$/);
    await page.getByRole('link', { name: 'Picklijsten' }).first().click();
    await page.waitForURL(/\/ops\/inventory\/picking$/);
    await page.getByRole('combobox', { name: /^Team \(bus\)/ }).selectOption({ label: van.name });
    await page.getByLabel('Dag', { exact: true }).fill(visit!.date);
    await expect.poll(() => page.getByRole('heading', { name: /^Picklijst / }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Magazijn → STAGING-', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: `Picken ${visit!.number}` }).click();
    await page.getByRole('button', { name: `Kit controleren ${visit!.number}` }).click({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: `Kitcontrole ${visit!.number}` }).count(), { timeout: 20_000 })
      .toBe(1);

    const kit = (await warehouse(`/api/inventory/visits/${visit!.id}/kit`)) as Kit;
    const scan = page.getByLabel('Scan serienummer');
    // A keyboard-wedge scanner types each code and presses Enter; a wrong code is refused on the spot.
    await scan.pressSequentially('NIET-IN-DEZE-KIT');
    await scan.press('Enter');
    await expect.poll(() => page.getByText('NIET-IN-DEZE-KIT hoort niet bij deze kit').count()).toBe(1);
    for (const item of kit.items.filter((i) => i.serialNumber)) {
      await scan.pressSequentially(item.serialNumber!);
      await scan.press('Enter');
    }
    const counted = new Map<string, number>();
    for (const item of kit.items.filter((i) => !i.serialNumber))
      counted.set(item.productId, (counted.get(item.productId) ?? 0) + item.quantity);
    const countFields = page.getByLabel(/^Geteld /);
    expect(await countFields.count()).toBe(counted.size);
    for (let i = 0; i < counted.size; i++) {
      const field = countFields.nth(i);
      const label = (await field.getAttribute('id'))!;
      const text = await page.locator(`label[for="${label}"]`).innerText();
      await field.fill(/gepickt: (\d+)/.exec(text)![1]!);
    }
    await page.getByRole('button', { name: 'Goedkeuren en laden' }).click();
    await expect
      .poll(() => page.getByText(`Kit ${visit!.number} is goedgekeurd en geladen in ${van.code}.`).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const after = (await warehouse(`/api/inventory/picking-list?teamId=${visit!.teamId}&date=${visit!.date}`)) as {
      visits: { number: string; status: string }[];
    };
    expect(after.visits.find((v) => v.number === visit!.number)!.status).toBe('loaded');
  });
});
