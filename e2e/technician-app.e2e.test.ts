import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// The technician logs in once on a phone, loses the network, reloads the app and works a whole visit
// offline: on the way, arrival, checklist with measurements, a photo, a charger's serial, the customer's signature,
// satisfaction and completion. Back online the queue drains; ops then see the result, the charger has
// moved from the van to the customer, and the installation report exists.
const session = usePortalSession();
const { apiAs } = session;

// A 1x1 PNG: the photo the camera "takes".
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
type Visit = { id: string; number: string; type: string; status: string; teamId: string | null; date: string };
type Location = { id: string; kind: string; teamId: string | null; parentId: string | null };
type StockRow = { productId: string; name: string; tracking: string };

const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** A planned installation of the technician's team in the coming days (the demo plans some every day). */
async function plannedInstallation(tech: (path: string) => Promise<unknown>) {
  for (let d = 0; d < 7; d++) {
    const list = (await tech(`/api/visits?date=${dayAfter(today(), d)}`)) as { items: Visit[] };
    const visit = list.items.find((v) => v.type === 'installation' && v.status === 'scheduled');
    if (visit) return visit;
  }
  throw new Error("no planned installation of the technician's team in the coming 7 days");
}

describe('the technician app offline', () => {
  it('works a visit without network and syncs it when the network returns', async () => {
    const tech = await apiAs('technician');
    const ops = await apiAs('operations');
    const warehouse = await apiAs('warehouse');
    const visit = await plannedInstallation(tech);
    // A charger with its serial in the team's van, received straight from the supplier.
    const locations = (await warehouse('/api/inventory/locations')) as Location[];
    const van = locations.find((l) => l.kind === 'van' && l.teamId === visit.teamId)!;
    const supplier = locations.find((l) => l.kind === 'supplier' && l.parentId)!;
    const charger = ((await warehouse('/api/inventory/stock')) as StockRow[]).find((r) => r.tracking === 'serial')!;
    const serial = `PWA${Date.now().toString(36).toUpperCase()}`;
    await warehouse('/api/inventory/postings', {
      idempotencyKey: `e2e-${serial}`,
      documentType: 'purchase_receipt',
      documentRef: `PAKBON-${serial}`,
      moves: [
        {
          productId: charger.productId,
          quantity: 1,
          serialNumber: serial,
          fromLocationId: supplier.id,
          toLocationId: van.id,
        },
      ],
    });

    const context = await session.browser.newContext({
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await session.logIn(page, 'technician');
    await page.waitForURL(/\/technician/);
    const card = page.locator(`a[href="/technician/visits/${visit.id}"]`);
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    // The day view has its heading, one <h1>, as every screen (issue 16).
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Planning']);
    // The service worker controls the page once it has precached the shell.
    await expect
      .poll(() => page.evaluate('Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)'), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toBe('Alles verstuurd');

    await context.setOffline(true);
    await page.reload();
    await card.click();
    // Setting out tells the customer when to expect the team (once the phone syncs).
    await page.getByRole('button', { name: 'Onderweg' }).click();
    await expect.poll(() => page.getByText(/^Onderweg sinds \d{2}:\d{2}/).count()).toBe(1);
    await page.getByRole('button', { name: 'Ik ben aangekomen' }).click();
    for (const step of ['Spanningsloos gemeten', 'Kabel getrokken en bevestigd', 'Proeflading geslaagd'])
      await page.getByRole('group', { name: step }).getByRole('button', { name: 'Ja' }).click();
    for (const [step, value] of [
      ['Aardverspreidingsweerstand', '42'],
      ['Uitschakeltijd aardlekschakelaar', '23'],
    ] as const) {
      const field = page.getByLabel(step, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    }
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Foto van de afgeronde installatie' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'installatie.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByText('1 foto(’s)').count(), { timeout: 20_000 }).toBe(1);

    await page.getByLabel('Product').selectOption({ label: charger.name });
    await page.getByLabel('Serienummer').fill(serial);
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    await expect.poll(() => page.getByText(serial).count()).toBeGreaterThan(0);

    await page.getByLabel('Naam ondertekenaar').fill('Klant Handtekening');
    const canvas = page.getByLabel('Handtekening klant');
    // Mouse coordinates are the viewport's: bring the pad into view before drawing on it.
    await canvas.scrollIntoViewIfNeeded();
    const pad = await canvas.boundingBox();
    await page.mouse.move(pad!.x + 20, pad!.y + 20);
    await page.mouse.down();
    await page.mouse.move(pad!.x + 120, pad!.y + 80, { steps: 8 });
    await page.mouse.move(pad!.x + 220, pad!.y + 30, { steps: 8 });
    await page.mouse.up();
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Handtekening klant' }) })
      .getByRole('button', { name: 'Opslaan' })
      .click();
    await expect.poll(() => page.getByText('Getekend door Klant Handtekening').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('group', { name: 'Tevredenheid klant (1–5)' }).getByRole('button', { name: '5' }).click();
    await page.getByRole('button', { name: 'Bezoek afronden' }).click();
    await expect.poll(() => page.getByText('Afgerond: Afgerond').count()).toBe(1);
    expect(await page.getByTestId('sync-status').textContent()).toMatch(/^Offline/);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 60_000 }).toBe('Alles verstuurd');

    const seen = (await ops(`/api/visits/${visit.id}/execution`)) as {
      visit: { orderId: string };
      execution: {
        onTheWayAt: string | null;
        arrivedAt: string | null;
        outcome: string;
        photos: unknown[];
        parts: { serialNumber: string }[];
        answers: Record<string, { value: unknown }>;
      };
      reportAvailable: boolean;
    };
    expect(seen.execution.outcome).toBe('completed');
    expect(Date.parse(seen.execution.onTheWayAt!)).toBeLessThanOrEqual(Date.parse(seen.execution.arrivedAt!));
    expect(seen.execution.photos).toHaveLength(1);
    expect(seen.execution.parts.map((p) => p.serialNumber)).toEqual([serial]);
    expect(seen.execution.answers.earth_resistance_ohm?.value).toBe(42);
    expect(seen.reportAvailable).toBe(true);
    const units = (await warehouse(`/api/inventory/serials?serial=${serial}`)) as { location: { kind: string } }[];
    expect(units[0]?.location.kind).toBe('customer');
    const planned = (await tech(`/api/visits?date=${visit.date}`)) as { items: Visit[] };
    expect(planned.items.find((v) => v.id === visit.id)?.status).toBe('completed');
    await context.close();

    // Ops open the visit's result from its order and see the photo, the serial and the signature.
    const desk = await session.loggedIn('operations');
    await desk.waitForURL(/\/ops/);
    await desk.goto(`${session.platform.url}/ops/orders/${seen.visit.orderId}`);
    await desk.getByRole('link', { name: `Uitvoering van bezoek ${visit.number} bekijken` }).click();
    await desk.getByRole('heading', { name: `Uitvoering bezoek ${visit.number}` }).waitFor();
    // An image counts as shown once the browser has decoded it (the server answered with real bytes).
    const loaded = (img: ReturnType<typeof desk.locator>) =>
      img.evaluate((el) => {
        const image = el as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      });
    const thumbnail = desk.getByRole('button', { name: 'Foto: Foto van de afgeronde installatie' });
    await expect.poll(() => loaded(thumbnail.locator('img'))).toBe(true);
    expect(await desk.getByText(serial, { exact: true }).count()).toBe(1);
    const signature = desk.getByRole('img', { name: 'Handtekening van Klant Handtekening' });
    await expect.poll(() => loaded(signature)).toBe(true);
    expect(await desk.getByRole('link', { name: 'Installatierapport (PDF)' }).getAttribute('href')).toBe(
      `/api/visits/${visit.id}/installation-report`,
    );
    await thumbnail.click();
    const large = desk.getByRole('dialog').getByRole('img', { name: 'Foto: Foto van de afgeronde installatie' });
    await expect.poll(() => loaded(large)).toBe(true);
    await desk.context().close();
  }, 300_000);
});
