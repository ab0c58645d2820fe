import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

const session = usePortalSession();

/** Ops through the API: a quote from a template for a customer a partner brought, sent for signing. */
async function sendQuoteFromTemplate() {
  const api = await session.apiAs('operations');
  const templates = (await api('/api/quote-templates')) as { id: string; entityId: string }[];
  // Customers a partner brought, taken from the demo quotes (the quote detail names both parties).
  const sent = (await api('/api/quotes?pageSize=100')) as { items: { id: string; partnerName: string | null }[] };
  for (const item of sent.items.filter((q) => q.partnerName)) {
    const source = (await api(`/api/quotes/${item.id}`)) as { customerId: string; partnerId: string; entityId: string };
    const template = templates.find((t) => t.entityId === source.entityId);
    if (!template) continue;
    const created = (await api('/api/quotes/from-template', {
      templateId: template.id,
      customerId: source.customerId,
      partnerId: source.partnerId,
      answers: { cableMeters: 16, meterCabinetUpgrade: true },
    })) as { id: string };
    const quote = (await api(`/api/quotes/${created.id}`)) as { lockVersion: number; lines: { billTo: string }[] };
    if (!quote.lines.some((l) => l.billTo === 'partner') || !quote.lines.some((l) => l.billTo === 'customer')) continue;
    await api(`/api/quotes/${created.id}/send`, { lockVersion: quote.lockVersion });
    const mails = (await api('/api/outbox/emails?pageSize=10')) as { items: { bodyText: string }[] };
    const links = mails.items
      .map((m) => /\/sign\/[\w-]+/.exec(m.bodyText)?.[0])
      .filter((x): x is string => !!x)
      .slice(0, 2);
    return { quoteId: created.id, links, api };
  }
  throw new Error('no customer with a partner that pays lines in the demo data');
}

describe('the quote builder in the operations portal', () => {
  it('makes a quote from a template for a customer, shows who pays each line and why, and sends it', async () => {
    const context = await session.browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    const { email, password } = session.platform.login('operations');
    await page.goto(`${session.platform.url}/login`);
    await page.getByLabel('E-mailadres').first().fill(email);
    await page.getByLabel('Wachtwoord').fill(password!);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/ops/);
    await page.getByRole('link', { name: 'Klanten' }).first().click();
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Nieuwe offerte' }).click();
    await page.waitForURL(/\/ops\/quotes\/new\?customerId=/);
    await page.getByLabel('Kabellengte (m)').fill('18');
    await page.getByRole('button', { name: 'Offerte maken' }).click();
    await page.waitForURL(/\/ops\/quotes\/[0-9a-f-]{36}$/);
    await page.getByRole('table', { name: 'Regels en wie ze betaalt' }).waitFor();
    await expect
      .poll(() => page.getByText(/Partnerovereenkomst|Geen partner|Boven de standaardinstallatie/).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Versturen ter ondertekening' }).click();
    await expect.poll(() => page.getByText(/Verstuurd · v1/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Facturen' }).first().click();
    await expect.poll(() => page.getByRole('row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await context.close();
  }, 120_000);
});

describe('signing a split quote in the browser', () => {
  it('each side opens its link, sees its part and signs; the second signature creates the order', async () => {
    const { quoteId, links, api } = await sendQuoteFromTemplate();
    expect(links).toHaveLength(2);
    const page = await session.browser.newPage();
    for (const link of links) {
      await page.goto(`${session.platform.url}${link}`);
      await page.getByLabel('Uw volledige naam').fill('Demo Ondertekenaar');
      await page.getByRole('button', { name: 'Akkoord en ondertekenen' }).click();
      await page.getByText('Dank u wel. Uw handtekening is vastgelegd.').waitFor();
    }
    const quote = (await api(`/api/quotes/${quoteId}`)) as { status: string; orderId: string | null };
    expect(quote.status).toBe('signed');
    expect(quote.orderId).toBeTruthy();
    await page.goto(`${session.platform.url}${links[0]}`);
    await page.getByText('Deze link is al gebruikt.').waitFor();
    await page.close();
  }, 120_000);
});
