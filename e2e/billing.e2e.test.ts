import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latestDroppedMailFor } from '../apps/server/src/platform/mail-drop.ts';
import { usePortalSession } from './portal-session.ts';

// Billing in the portals on the demo data: ops find an open invoice through the menu and the filters,
// open it, are refused a payment of more than is open (with the reason), book the rest and see it paid;
// a customer's invoices fit a 390 px phone.
const session = usePortalSession();

/** Elements whose box reaches past the viewport's sides, and how wide the page scrolls. */
async function overflowing(page: Page) {
  const { width, scrollWidth } = await page
    .locator('html')
    .evaluate((html) => ({ width: html.clientWidth, scrollWidth: html.scrollWidth }));
  const wide = await page.locator('body *').evaluateAll(
    (elements, viewport) =>
      elements
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        // Visible boxes only: the skip link waits off-screen as a 1 px sr-only box.
        .filter(({ r }) => r.width > 1 && r.height > 1 && (r.right > viewport + 0.5 || r.left < -0.5))
        .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`),
    width,
  );
  return { wide, scrollWidth, width };
}

describe('operations, billing', () => {
  it('opens the invoices from the menu, filters, opens an open invoice and books its payment', async () => {
    const page = await session.newPage();
    await session.logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Facturen' }).click();
    await page.waitForURL(/\/ops\/invoices$/);
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    // At 1366 px the list fits its card: no sideways scrolling to reach the total or the status.
    await page.setViewportSize({ width: 1366, height: 900 });
    const fit = await page
      .locator('main table')
      .first()
      .evaluate((table) => ({ table: table.scrollWidth, card: table.parentElement!.clientWidth }));
    expect(fit.table).toBeLessThanOrEqual(fit.card);

    // Filter: open (unpaid) customer invoices.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Openstaand' });
    await page.waitForURL(/status=issued/);
    await page.getByRole('combobox', { name: 'Betaler' }).selectOption({ label: 'Klant' });
    await page.waitForURL(/payer=customer/);
    await expect
      .poll(
        async () =>
          (await rows.allTextContents()).slice(1).every((r) => r.includes('Openstaand') && r.includes('(Klant)')),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    const number = (await rows.nth(1).getByRole('link').first().textContent())!.trim();
    await page.getByLabel('Zoek op factuurnummer, klant of partner').fill(number);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);

    await rows.nth(1).getByRole('link', { name: number }).click();
    await page.waitForURL(/\/ops\/invoices\/[0-9a-f-]{36}$/);
    const open = page.getByTestId('invoice-open');
    await expect.poll(() => open.count(), { timeout: 20_000 }).toBe(1);
    const openText = (await open.textContent())!.trim();
    const openCents = Number(openText.replace(/[^\d]/g, ''));
    expect(openCents).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Openstaand', { exact: true }).count()).toBeGreaterThan(0);

    // One cent too much: refused with the reason, nothing booked.
    const amount = page.getByLabel('Bedrag (€)');
    await amount.fill(((openCents + 1) / 100).toFixed(2).replace('.', ','));
    await page.getByRole('button', { name: 'Betaling boeken' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'hoger dan wat nog openstaat' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect((await open.textContent())!.trim()).toBe(openText);

    await amount.fill((openCents / 100).toFixed(2).replace('.', ','));
    await page.getByRole('button', { name: 'Betaling boeken' }).click();
    await expect.poll(() => page.getByText('Betaald', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await open.textContent())!.trim(), { timeout: 20_000 }).toBe('€ 0,00');
    // Paid in full: no payment form any more.
    expect(await page.getByRole('button', { name: 'Betaling boeken' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('operations, monthly partner invoice', () => {
  it("bundles a partner's completed month on an invoice and shows what it made", async () => {
    // A completed order with lines its partner pays, found through the API as ops would in the order list.
    const asOps = await session.apiAs('operations');
    const { items } = (await asOps('/api/orders?stage=completed&pageSize=100')) as {
      items: { id: string; partnerName: string | null }[];
    };
    let found: { partnerName: string; month: string } | undefined;
    for (const o of items.filter((i) => i.partnerName)) {
      const order = (await asOps(`/api/orders/${o.id}`)) as {
        lines: { billTo: string }[];
        milestones: { code: string; reachedAt: string | null }[];
      };
      const done = order.milestones.find((m) => m.code === 'installation_done')?.reachedAt;
      if (done && order.lines.some((l) => l.billTo === 'partner')) {
        const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(done));
        found = { partnerName: o.partnerName!, month: month.slice(0, 7) };
        break;
      }
    }
    expect(found, 'a completed demo order with partner lines').toBeDefined();

    const page = await session.newPage();
    await session.logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('link', { name: 'Maandfactuur partner' }).click();
    await page.waitForURL(/\/ops\/invoices\/monthly$/);
    await page.getByLabel('Zoek partner').fill(found!.partnerName);
    const picker = page.getByLabel('Partner', { exact: true });
    await expect
      .poll(() => picker.locator('option', { hasText: found!.partnerName }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await picker.selectOption({ label: found!.partnerName });
    await page.getByLabel('Maand', { exact: true }).fill(found!.month);
    await page.getByRole('button', { name: 'Maandfactuur maken' }).click();
    const made = page.locator('section', { has: page.getByRole('heading', { name: 'Gemaakte facturen' }) });
    await expect.poll(() => made.getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await made.getByRole('link').first().click();
    await page.waitForURL(/\/ops\/invoices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(found!.partnerName).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('customer, invoices on a phone', () => {
  it('shows a customer with invoices their list without anything wider than 390 px', async () => {
    // A customer who has invoices, found as ops would, logs in by the link mailed to them.
    const asOps = await session.apiAs('operations');
    const { items } = (await asOps('/api/invoices?payer=customer&kind=invoice&pageSize=1')) as {
      items: { customerId: string }[];
    };
    const { email } = (await asOps(`/api/customers/${items[0]!.customerId}`)) as { email: string };
    await fetch(`${session.platform.url}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const mail = (await latestDroppedMailFor(session.platform.mailDropDir, email))!;
    const context = await session.browser.newContext({
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(/https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail)![0]);
    await page.waitForURL(/\/customer/);
    await page.goto(`${session.platform.url}/customer/invoices`);
    const cards = page.getByRole('list', { name: 'Facturen' }).getByRole('listitem');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: 'PDF' }).count()).toBeGreaterThan(0);
    const { wide, scrollWidth, width } = await overflowing(page);
    expect(width).toBe(390);
    expect(wide).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    await context.close();
  });
});
