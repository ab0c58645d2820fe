import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { latestDroppedMailFor } from '../apps/server/src/platform/mail-drop.ts';
import { usePortalSession } from './portal-session.ts';

// Issue 16: a user who switched to English still read Dutch: amounts and dates in Dutch notation,
// catalogue names, technical details and checklist steps, "Systeem" in a history. Each key page is
// opened in Dutch, switched to English with the language button, and must show the English words the
// data holds and none of the Dutch texts that used to leak through.
const session = usePortalSession();

/** What used to stay Dutch on an English page: money and dates in Dutch notation, catalogue and platform words. */
const DUTCH_LEFTOVERS = [
  /€ \d/, // "€ 1.234,56": Dutch money (English is "€1,234.56")
  /\d{2}-\d{2}-\d{4}/, // "02-03-2026": a Dutch date
  /\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|juni|juli|augustus|oktober)\b/i,
  /\blaadpaal|Installatiekabel|Meerprijs|Aardlekschakelaar|Groepenkast/,
  /\bart\. |min arbeid\b|Partnerovereenkomst|\bbtw\b|\bSysteem\b/,
];

type Line = { description: string; descriptionEn: string | null; specificationEn?: string | null; billTo: string };

async function switchToEnglish(page: Page) {
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.waitForFunction("document.documentElement.lang === 'en'");
}

/** The page's main text once `shown` is on it, checked against the Dutch leftovers. */
async function englishMain(page: Page, shown: string) {
  const main = page.locator('main').first();
  await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain(shown);
  const text = await main.innerText();
  for (const leftover of DUTCH_LEFTOVERS) expect(text, `${leftover} on ${page.url()}`).not.toMatch(leftover);
  return text;
}

describe('key pages in English', () => {
  it('operations: an order page names its lines in English, with English money and history', async () => {
    const ops = await session.apiAs('operations');
    const { items } = (await ops('/api/orders?pageSize=30')) as { items: { id: string }[] };
    const orders = await Promise.all(
      items.map(async ({ id }) => ({ id, ...((await ops(`/api/orders/${id}`)) as { lines: Line[] }) })),
    );
    const order = orders.find((o) => o.lines.some((l) => l.descriptionEn))!;
    const line = order.lines.find((l) => l.descriptionEn)!;

    const page = await session.loggedIn('operations');
    await page.waitForURL(/\/ops/);
    await page.goto(`${session.platform.url}/ops/orders/${order.id}`);
    await expect.poll(() => page.getByText('Orderregels').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await switchToEnglish(page);
    const text = await englishMain(page, 'Order lines');
    expect(text).toContain(line.descriptionEn);
    expect(text).not.toContain(line.description);
    // The switch then reads "Nederlands", longer than "English": the header must still fit a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'))
      .toBeLessThanOrEqual(1);
    await page.context().close();
  });

  it("partner: a quote page shows the lines' English names, technical details and agreement rules", async () => {
    const partner = await session.apiAs('partner');
    const { items } = (await partner('/api/quotes?pageSize=20')) as { items: { id: string }[] };
    const ownLine = (l: Line) => l.billTo === 'partner' && l.descriptionEn && l.specificationEn;
    let quote: { id: string; lines: Line[] } | undefined;
    for (const { id } of items) {
      quote = (await partner(`/api/quotes/${id}`)) as { id: string; lines: Line[] };
      if (quote.lines.some(ownLine)) break;
    }
    const own = quote!.lines.find(ownLine)!;

    const page = await session.loggedIn('partner');
    await page.waitForURL(/\/partner/);
    await page.goto(`${session.platform.url}/partner/quotes/${quote!.id}`);
    await expect.poll(() => page.getByText('Regels en wie ze betaalt').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await switchToEnglish(page);
    const text = await englishMain(page, 'Lines and who pays them');
    expect(text).toContain(own.descriptionEn);
    expect(text).toContain(own.specificationEn);
    expect(text).toMatch(/min labour/);
    expect(text).toMatch(/Partner agreement: /);
    await page.context().close();
  });

  it('customer: a quote page reads in English, from a login link', async () => {
    // A customer of a quote that was sent, from the end of the list: no other suite logs them in (at most
    // 3 login links per address in 15 minutes).
    const ops = await session.apiAs('operations');
    const { items } = (await ops('/api/quotes?pageSize=50')) as { items: { id: string; status: string }[] };
    const demoCustomer = session.platform.login('customer').email;
    let found: { quote: { id: string; lines: Line[] }; email: string } | null = null;
    for (const { id } of items.filter((q) => q.status !== 'draft').reverse()) {
      const quote = (await ops(`/api/quotes/${id}`)) as { id: string; customerId: string; lines: Line[] };
      const { email } = (await ops(`/api/customers/${quote.customerId}`)) as { email: string | null };
      if (email && email !== demoCustomer && quote.lines.some((l) => l.descriptionEn)) {
        found = { quote, email };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { quote, email } = found!;
    const line = quote.lines.find((l) => l.descriptionEn)!;
    await fetch(`${session.platform.url}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    let mail: string | null = null;
    await expect
      .poll(async () => (mail = await latestDroppedMailFor(session.platform.mailDropDir, email)), { timeout: 20_000 })
      .toBeTruthy();
    const page = await session.newPage();
    await page.goto(/https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail!)![0]);
    await page.waitForURL(/\/customer/, { timeout: 20_000 });
    await page.goto(`${session.platform.url}/customer/quotes/${quote.id}`);
    await expect.poll(() => page.getByText('Regels en wie ze betaalt').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await switchToEnglish(page);
    const text = await englishMain(page, 'Lines and who pays them');
    expect(text).toContain(line.descriptionEn);
    expect(text).not.toContain(line.description);
    await page.context().close();
  });

  it("technician: a visit's checklist and materials read in English after the switch on the profile", async () => {
    const page = await session.loggedIn('technician');
    await page.waitForURL(/\/technician/);
    await expect.poll(() => page.locator('article').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Profiel' }).click();
    await switchToEnglish(page);
    await page.getByRole('link', { name: 'Planning' }).click();
    await page.locator('a[href^="/technician/visits/"]').first().click();
    await expect.poll(() => page.getByText('Back to planning').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The order's materials fold open under their English heading.
    if ((await page.getByText('Materials').count()) > 0) await page.getByText('Materials').click();
    const text = await englishMain(page, 'Checklist');
    // Every visit type's checklist has a step with a photo, and one of these words in it.
    expect(text).toMatch(/Photo of the|Earth electrode resistance|RCD trip time/);
    expect(text).not.toMatch(/Foto van de|Spanningsloos|Aardverspreidingsweerstand|Uitschakeltijd|Handtekening/);
    await page.context().close();
  });
});
