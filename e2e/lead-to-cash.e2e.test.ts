import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// The whole chain as the people do it, in the browser: a partner's system sends a lead through the
// Partner API; ops qualify it and make and send its quote by name; the customer and the partner each
// sign their part from their mail; the order gets its visit; a planner plans it; the technician starts
// and finishes it on a phone; ops issue the invoices and book the payments; the order closes. The test
// counts the hand actions (clicks and typed fields) of ops (the technician works through the API here), signing and planning
// apart, and prints them with the time the walk took (goal of issue 11: under 10).
const session = usePortalSession();

type Order = { id: string; number: string; stage: string; visits: { id: string; number: string; status: string }[] };
type Invoice = { id: string; number: string; status: string; totalCents: number };

/** Counts what a person does on a page: each click and each field they fill. */
function handActions(page: Page, tally: { n: number; steps: string[] }) {
  return {
    click: async (what: string, locator: ReturnType<Page['locator']>) => {
      tally.n++;
      tally.steps.push(what);
      await locator.click();
    },
    fill: async (what: string, locator: ReturnType<Page['locator']>, value: string) => {
      tally.n++;
      tally.steps.push(what);
      await locator.fill(value);
    },
    page,
  };
}

describe('from lead to cash', () => {
  it('a partner lead becomes a signed quote, a planned and finished visit, paid invoices and a closed order', async () => {
    const started = performance.now();
    const tally = { n: 0, steps: [] as string[] };
    const { url } = session.platform;
    const ops = await session.apiAs('operations');

    // The partner's system sends the lead (no person involved).
    const partner = await session.apiAs('partner');
    const { partnerId } = ((await partner('/api/auth/me')) as { user: { partnerId: string } }).user;
    const { secret } = (await partner(`/api/partners/${partnerId}/api-keys`, {
      name: 'lead-to-cash',
      scopes: ['leads:write'],
    })) as { secret: string };
    const stamp = Date.now().toString().slice(-6);
    const email = `lead-to-cash-${stamp}@example.nl`;
    const sent = await fetch(`${url}/api/v1/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'idempotency-key': stamp },
      body: JSON.stringify({
        email,
        name: `Walk ${stamp}`,
        phone: '0612345678',
        address: { postcode: '3861 AB', houseNumber: 7, street: 'Stationsweg', city: 'Nijkerk' },
      }),
    });
    expect(sent.status).toBe(201);
    const { id: leadId } = (await sent.json()) as { id: string };
    // The pipeline gives it its customer and score.
    await expect
      .poll(async () => ((await ops(`/api/leads/${leadId}`)) as { customerId: string | null }).customerId, {
        timeout: 30_000,
      })
      .toBeTruthy();

    // Ops: from the lead inbox to a sent quote.
    const opsPage = await session.loggedIn('operations');
    await opsPage.waitForURL(/\/ops/);
    const o = handActions(opsPage, tally);
    await o.click('menu Leads', opsPage.getByRole('navigation').getByRole('link', { name: 'Leads', exact: true }));
    // The newest lead is on top of the inbox; search only when it is not.
    const row = opsPage.getByRole('row', { name: new RegExp(`Walk ${stamp}`) });
    await opsPage.getByRole('table', { name: 'Leads' }).getByRole('row').nth(1).waitFor();
    if ((await row.count()) === 0) await o.fill('search the lead', opsPage.getByLabel('Zoeken'), `Walk ${stamp}`);
    await o.click('open the lead', row.getByRole('link').first());
    // A lead the pipeline could not qualify on its own (no intake yet) waits for a person.
    const pipelineStatus = ((await ops(`/api/leads/${leadId}`)) as { status: string }).status;
    if (pipelineStatus !== 'qualified') {
      await o.click('Kwalificeren', opsPage.getByRole('button', { name: 'Kwalificeren' }));
      await expect.poll(() => opsPage.getByText('Gekwalificeerd').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await o.click('Offerte maken', opsPage.getByRole('link', { name: 'Offerte maken' }));
    await opsPage.waitForURL(/\/ops\/quotes\/new/);
    await expect
      .poll(() => opsPage.getByRole('combobox', { name: 'Klant' }).inputValue(), { timeout: 20_000 })
      .toContain(`Walk ${stamp}`);
    await o.click('Offerte maken (submit)', opsPage.getByRole('button', { name: 'Offerte maken' }));
    await opsPage.waitForURL(/\/ops\/quotes\/[0-9a-f-]{36}$/);
    const quoteId = opsPage.url().split('/').pop()!;
    await o.click('Versturen ter ondertekening', opsPage.getByRole('button', { name: 'Versturen ter ondertekening' }));
    await expect.poll(() => opsPage.getByText(/Verstuurd · v1/).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Customer and partner each sign their part from their mail (signing is not counted).
    const mails = (await ops('/api/outbox/emails?pageSize=20')) as { items: { bodyText: string; to: string }[] };
    const links = [
      ...new Set(mails.items.map((m) => /\/sign\/[\w-]+/.exec(m.bodyText)?.[0]).filter((x): x is string => !!x)),
    ].slice(0, 2);
    expect(links.length).toBeGreaterThan(0);
    const signer = await session.browser.newPage();
    for (const link of links) {
      await signer.goto(`${url}${link}`);
      await signer.getByLabel('Uw volledige naam').fill('Walk Ondertekenaar');
      const accept = signer.getByRole('checkbox');
      if ((await accept.count()) > 0) await accept.first().check();
      await signer.getByRole('button', { name: 'Akkoord en ondertekenen' }).click();
      await signer.getByText('Dank u wel. Uw handtekening is vastgelegd.').waitFor();
    }
    await signer.close();
    const quote = (await ops(`/api/quotes/${quoteId}`)) as { status: string; orderId: string | null };
    expect(quote.status).toBe('signed');
    const lead = (await ops(`/api/leads/${leadId}`)) as { status: string };
    expect(lead.status).toBe('converted');

    // The order has its visit from the quote; a planner plans it on the technician's team (not counted).
    let order = (await ops(`/api/orders/${quote.orderId}`)) as Order;
    expect(order.visits.length).toBeGreaterThan(0);
    const me = (await (await session.apiAs('technician'))('/api/auth/me')) as { teamName: string };
    const planner = await session.loggedIn('planner');
    await planner.waitForURL(/\/ops/);
    await planner.goto(`${url}/ops/orders/${order.id}`);
    for (const visit of order.visits) {
      const form = planner
        .getByRole('listitem')
        .filter({ hasText: visit.number })
        .getByRole('form', { name: 'Bezoek inplannen' });
      await form.waitFor();
      await form.getByRole('combobox', { name: 'Team' }).selectOption({ label: me.teamName });
      await form.getByRole('button', { name: 'Inplannen' }).click();
      // Today may be the team's day off or full: the check refuses with its reason, and the planner plans
      // it anyway with a reason of their own (audited), as the visit-planning test does.
      const override = form.getByRole('button', { name: 'Toch inplannen' });
      await expect
        .poll(async () => (await form.getByText('Ingepland').count()) + (await override.count()), { timeout: 20_000 })
        .toBeGreaterThan(0);
      if (await override.count()) {
        await form.getByLabel('Reden').fill('Klant wil zo snel mogelijk');
        await override.click();
      }
      await expect.poll(() => form.getByText('Ingepland').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await planner.close();
    order = (await ops(`/api/orders/${order.id}`)) as Order;
    expect(order.stage).toBe('scheduled');

    // The technician starts and finishes each visit. The offline app's whole visit (checklist,
    // photos, serial, signature) is walked by e2e/technician-app.e2e.test.ts; here the technician's
    // own API does it, so this walk stays about the chain from lead to cash.
    const techApi = await session.apiAs('technician');
    for (const visit of order.visits) {
      await techApi(`/api/visits/${visit.id}/start`, {});
      await techApi(`/api/visits/${visit.id}/complete`, {});
    }
    order = (await ops(`/api/orders/${order.id}`)) as Order;
    expect(['completed', 'invoiced']).toContain(order.stage);

    // The invoices: ChargeCars issues them itself when the last visit is done (its entity setting);
    // another entity's order waits for ops to press "Facturen maken".
    await opsPage.goto(`${url}/ops/orders/${order.id}`);
    const invoicedAlone = await expect
      .poll(async () => ((await ops(`/api/orders/${order.id}`)) as Order).stage, { timeout: 10_000 })
      .toBe('invoiced')
      .then(() => true)
      .catch(() => false);
    if (!invoicedAlone) await o.click('Facturen maken', opsPage.getByRole('button', { name: 'Facturen maken' }));
    await expect
      .poll(async () => ((await ops(`/api/orders/${order.id}`)) as Order).stage, { timeout: 20_000 })
      .toBe('invoiced');
    const invoices = (await ops(`/api/invoices?orderId=${order.id}&pageSize=10`)) as { items: Invoice[] };
    expect(invoices.items.length).toBeGreaterThan(0);
    for (const invoice of invoices.items) {
      await opsPage.goto(`${url}/ops/orders/${order.id}`);
      await o.click(`open invoice ${invoice.number}`, opsPage.getByRole('link', { name: invoice.number }).first());
      // The amount stands ready: what is still open.
      await expect
        .poll(() => opsPage.getByLabel('Bedrag (€)').inputValue(), { timeout: 20_000 })
        .toBe((invoice.totalCents / 100).toFixed(2).replace('.', ','));
      await o.click('Betaling boeken', opsPage.getByRole('button', { name: 'Betaling boeken' }));
      await expect.poll(() => opsPage.getByText(/Betaling geboekt/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await expect
      .poll(async () => ((await ops(`/api/orders/${order.id}`)) as Order).stage, { timeout: 20_000 })
      .toBe('closed');

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `lead to cash: ${tally.n} hand actions besides signing and planning (${tally.steps.join(', ')}); ${seconds} s`,
    );
  }, 240_000);
});
