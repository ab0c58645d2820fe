import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latestDroppedMailFor } from '../apps/server/src/platform/mail-drop.ts';
import { usePortalSession } from './portal-session.ts';

const session = usePortalSession();
const WIDTHS = [390, 1366] as const;

/** Elements that reach past the card (section) they sit in, and whether the page scrolls sideways. */
async function overflow(page: Page) {
  // Runs in the page: the browser's globals, which this file's Node types do not declare.
  return page.evaluate(() => {
    const { document, window } = globalThis as unknown as {
      document: { querySelectorAll: (s: string) => Iterable<Box>; documentElement: { scrollWidth: number } };
      window: { innerWidth: number };
    };
    type Box = {
      getBoundingClientRect: () => { left: number; right: number; width: number };
      querySelectorAll: (s: string) => Iterable<Box & { tagName: string; textContent: string | null }>;
    };
    const out: string[] = [];
    for (const card of document.querySelectorAll('main section')) {
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1))
          out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      out.push(`page ${document.documentElement.scrollWidth}px wide`);
    return out;
  });
}

async function atBothWidths(page: Page, check: (width: number) => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await check(width);
  }
}

describe('the customer sees their quote as a customer', () => {
  it('fits its cards on a phone and a laptop, without payer, rule or the partner part, and a signed quote shows its signature', async () => {
    const page = await session.newPage();
    const { email } = session.platform.login('customer');
    await fetch(`${session.platform.url}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const mail = (await latestDroppedMailFor(session.platform.mailDropDir, email))!;
    await page.goto(/https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail)![0]);
    await page.waitForURL(/\/customer/, { timeout: 20_000 });
    await page.goto(`${session.platform.url}/customer/quotes`);
    // The demo customer has an order, so a signed quote: it must show the customer's signature.
    await page
      .getByRole('row')
      .filter({ hasText: 'Getekend' })
      .getByRole('link', { name: /OFF-\d{4}-\d+/ })
      .first()
      .click();
    const table = page.getByRole('table', { name: 'Regels en wie ze betaalt' });
    await table.waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Partnerdeel');
    expect(await table.getByRole('columnheader', { name: /Regel|Betaler/ }).count()).toBe(0);
    expect(text).not.toContain('Geen handtekeningen vastgelegd.');
    const signatures = page.locator('section', { hasText: 'Handtekeningen' });
    expect(await signatures.getByText(/Klant · v\d+ · Getekend/).count()).toBe(1);
    await atBothWidths(page, async (width) => {
      expect(await overflow(page), `at ${width}px`).toEqual([]);
    });
  });
});

describe("the partner sees the customer's lines without their prices", () => {
  it('reads "door klant betaald" instead of € 0,00, and no customer part', async () => {
    const api = await session.apiAs('partner');
    const list = (await api('/api/quotes?pageSize=50')) as { items: { id: string }[] };
    let quoteId: string | null = null;
    for (const { id } of list.items) {
      const q = (await api(`/api/quotes/${id}`)) as { lines: { billTo: string }[] };
      if (q.lines.some((l) => l.billTo === 'customer') && q.lines.some((l) => l.billTo === 'partner')) {
        quoteId = id;
        break;
      }
    }
    expect(quoteId, 'a demo quote of the partner with lines of both sides').toBeTruthy();
    const page = await session.loggedIn('partner');
    await page.waitForURL(/\/partner/);
    await page.goto(`${session.platform.url}/partner/quotes/${quoteId}`);
    const table = page.getByRole('table', { name: 'Regels en wie ze betaalt' });
    await table.waitFor();
    expect(await table.getByText('door klant betaald').count()).toBeGreaterThan(0);
    expect(await table.innerText()).not.toContain('€ 0,00');
    expect(await page.locator('main').innerText()).not.toContain('Klantdeel');
    await atBothWidths(page, async (width) => {
      expect(await overflow(page), `at ${width}px`).toEqual([]);
    });
  });
});

describe('ops go from a lead to its quote by name', () => {
  it('the inbox keeps its cells apart; a qualified lead offers no qualifying but a quote, prefilled, linked both ways', async () => {
    const api = await session.apiAs('operations');
    const leads = (await api('/api/leads?status=qualified&pageSize=50')) as { items: { id: string }[] };
    type Lead = { id: string; number: string; customerId: string | null; name: string };
    let lead: Lead | undefined;
    for (const { id } of leads.items) {
      const l = (await api(`/api/leads/${id}`)) as Lead;
      if (l.customerId) {
        lead = l;
        break;
      }
    }
    expect(lead, 'a qualified demo lead of a known customer').toBeTruthy();
    const customer = (await api(`/api/customers/${lead!.customerId}`)) as { name: string };

    const page = await session.loggedIn('operations');
    await page.waitForURL(/\/ops/);
    await page.goto(`${session.platform.url}/ops/leads`);
    const inbox = page.getByRole('table', { name: 'Leads' });
    await inbox.getByRole('row').nth(1).waitFor();
    // Every header and cell has room on both sides, so "Gekwalificeerd" and "75" never run together.
    const tight = await inbox.evaluate(
      (t) =>
        [...t.querySelectorAll('th, td')].filter((c) => {
          // Runs in the page: the browser's global, which this file's Node types do not declare.
          const { getComputedStyle } = globalThis as unknown as {
            getComputedStyle: (e: unknown) => { paddingLeft: string; paddingRight: string };
          };
          const s = getComputedStyle(c);
          return Number.parseFloat(s.paddingLeft) < 4 || Number.parseFloat(s.paddingRight) < 4;
        }).length,
    );
    expect(tight).toBe(0);
    await atBothWidths(page, async (width) => {
      expect(await overflow(page), `at ${width}px`).toEqual([]);
    });
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.goto(`${session.platform.url}/ops/leads/${lead!.id}`);
    await page.getByRole('heading', { name: new RegExp(lead!.number) }).waitFor();
    expect(await page.getByRole('button', { name: 'Kwalificeren' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: customer.name }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Offerte maken' }).click();
    await page.waitForURL(/\/ops\/quotes\/new\?leadId=/);
    const picker = page.getByRole('combobox', { name: 'Klant' });
    await expect.poll(() => picker.inputValue(), { timeout: 20_000 }).toContain(customer.name);
    await page.getByRole('button', { name: 'Offerte maken' }).click();
    await page.waitForURL(/\/ops\/quotes\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: `Naar lead ${lead!.number}` }).click();
    await page.waitForURL(new RegExp(`/ops/leads/${lead!.id}`));
    await expect
      .poll(() => page.locator('section', { hasText: 'Offertes en orders' }).getByRole('link').count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
  });

  it('picks a customer by typing part of the name and choosing with the keyboard', async () => {
    const api = await session.apiAs('operations');
    const some = (await api('/api/customers?pageSize=1&sort=name')) as { items: { name: string }[] };
    const name = some.items[0]!.name;
    const page = await session.loggedIn('operations');
    await page.waitForURL(/\/ops/);
    await page.goto(`${session.platform.url}/ops/quotes/new`);
    const picker = page.getByRole('combobox', { name: 'Klant' });
    await picker.click();
    await picker.fill(name.slice(0, Math.min(6, name.length)));
    await page
      .getByRole('listbox', { name: 'Klant' })
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .waitFor();
    // Move to the option with this name and take it with Enter.
    const options = await page.getByRole('listbox', { name: 'Klant' }).getByRole('option').allInnerTexts();
    const index = options.findIndex((o) => o.startsWith(name));
    for (let i = 0; i < index; i++) await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toContain(name);
    expect(await page.getByRole('button', { name: 'Offerte maken' }).isEnabled()).toBe(true);
  });
});
