import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';
import { latestDroppedMailFor } from '../apps/server/src/platform/mail-drop.ts';

// Each role logs in through the real login page of the real platform (demo data, built web app)
// and uses its own portal's page on that data.
const session = usePortalSession();
const { newPage, logIn } = session;

describe('operations', () => {
  it('searches all customers, opens one and adds a note', async () => {
    const page = await newPage();
    await logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    await page.getByRole('link', { name: 'Klanten' }).first().click();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const firstName = (await rows.nth(1).getByRole('link').first().textContent())!.trim();
    const surname = firstName.split(' ').at(-1)!;
    await page.getByLabel('Zoek op naam, postcode of e-mail').fill(surname);
    await expect
      .poll(async () => (await page.getByRole('row').nth(1).textContent()) ?? '', { timeout: 20_000 })
      .toContain(surname);
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/ops\/customers\/[0-9a-f-]{36}/);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Gegevens' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByLabel('Nieuwe notitie').fill('Belt morgen terug over de laadpaal (e2e)');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect
      .poll(() => page.getByText('Belt morgen terug over de laadpaal (e2e)').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });
});

describe('operations, orders', () => {
  it('moves an order to its next stage from the order page', async () => {
    const page = await newPage();
    await logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    // An order that is new now (other suites on this platform move orders on): asked of the API, opened by hand.
    const ops = await session.apiAs('operations');
    const fresh = (await ops('/api/orders?stage=new&pageSize=1')) as { items: { id: string; stage: string }[] };
    expect(fresh.items[0]?.stage).toBe('new');
    await page.goto(`${session.platform.url}/ops/orders/${fresh.items[0]!.id}`);
    // The stages that follow from facts (a visit planned, done ...) need those facts; on hold needs a reason.
    await page.getByRole('combobox', { name: 'Naar fase' }).selectOption({ label: 'On hold' });
    await page.getByLabel('Reden').fill('Wacht op de netbeheerder (e2e)');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await expect.poll(() => page.getByText(/Order staat nu op/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});

describe('operations, partners', () => {
  it('finds a partner and manages its API keys and webhooks for it', async () => {
    const page = await newPage();
    await logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    await page.getByRole('link', { name: 'Partners' }).first().click();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await rows.nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/ops\/partners\/[0-9a-f-]{36}/);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Nieuwe sleutel' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByLabel('Naam').first().fill('sleutel door ops');
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    await expect.poll(() => page.getByTestId('api-key-secret').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});

describe('admin', () => {
  it('takes a backup of the embedded database on demand (or is told PostgreSQL backs itself up)', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    await page.waitForURL(/\/ops/);
    await page.getByRole('link', { name: 'Beheer' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Back-ups van de database' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    if (process.env.DATABASE_URL) {
      await expect
        .poll(() => page.getByText('Deze installatie gebruikt PostgreSQL', { exact: false }).count(), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      return;
    }
    await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await expect
      .poll(() => page.getByText(/chargecars-\d{8}T\d{6}Z\.tar\.gz/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  });
});

describe('technician', () => {
  it("sees the team's visits of the coming days, from the phone's own store", async () => {
    const page = await newPage();
    await logIn(page, 'technician');
    await page.waitForURL(/\/technician/);
    // The seed plans visits from today on, Monday to Saturday; the app holds the coming 7 days.
    await expect.poll(() => page.locator('article').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const text = (await page.locator('article').first().textContent()) ?? '';
    expect(text).toMatch(/Ochtend|Middag/);
  });
});

describe('partner', () => {
  it('sees only its own orders and opens one', async () => {
    const page = await newPage();
    await logIn(page, 'partner');
    await page.waitForURL(/\/partner/);
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await rows.nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/partner\/orders\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText('Orderregels').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});

describe('customer', () => {
  it('asks for a login link, opens it from the mail, and sees their order', async () => {
    const page = await newPage();
    // A customer with an order whom no other suite logs in as: a mail address gets at most 3 login links in
    // 15 minutes (a fourth request sends nothing), and the menu walk, the quote pages and billing log the demo
    // customer in by link too, so after them this test would open an old, used link.
    const asOps = await session.apiAs('operations');
    const demoCustomer = session.platform.login('customer').email;
    const { items: orders } = (await asOps('/api/orders?pageSize=20')) as { items: { id: string }[] };
    let email = '';
    for (const order of orders.slice(5)) {
      const { customerId } = (await asOps(`/api/orders/${order.id}`)) as { customerId: string };
      const customer = (await asOps(`/api/customers/${customerId}`)) as { email: string | null };
      if (customer.email && customer.email !== demoCustomer) {
        email = customer.email;
        break;
      }
    }
    expect(email).not.toBe('');
    await page.goto(`${session.platform.url}/login`);
    await page.getByRole('tab', { name: /Klant/ }).click();
    await page.getByLabel('E-mailadres').last().fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await expect.poll(() => page.getByText('Aanvraag ontvangen.').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Ops see the mail in the message log, with the link redacted; the link itself reaches only the customer.
    const ops = await newPage();
    await logIn(ops, 'operations');
    await ops.waitForURL(/\/ops/);
    await ops.goto(`${session.platform.url}/ops/communication`);
    await expect.poll(() => ops.getByText(email).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const response = await ops.request.get(`${session.platform.url}/api/outbox/emails?pageSize=10`);
    const stored = ((await response.json()) as { items: { to: string; bodyText: string }[] }).items.find(
      (m) => m.to === email,
    )!;
    expect(stored.bodyText).toContain('token=[verborgen]');
    const mail = (await latestDroppedMailFor(session.platform.mailDropDir, email))!;
    const link = /https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail)![0];

    await page.goto(link);
    await page.waitForURL(/\/customer/, { timeout: 20_000 });
    await expect.poll(() => page.getByText(/ORD-\d{4}-\d+/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});
