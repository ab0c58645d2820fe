import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessibilityProblemsAtWidths } from './accessibility.ts';
import { usePortalSession } from './portal-session.ts';

// An admin opens "Communicatie" from the menu, sees that no provider is configured (the demo keeps
// messages stored), sends a test message and finds it in the log by channel and search; then on a customer
// the messages card, where ops set the customer to essential messages only. Ops find the replies (two from
// unknown senders) and the survey scores; a customer answers a survey by its link; a partner sets its mail.
const session = usePortalSession();
const { loggedIn, apiAs } = session;
const SHOTS = path.resolve(import.meta.dirname, '../data/screenshots/communication');

describe('Communicatie in the ops portal', () => {
  it('walks the message log, the provider test and a customer’s messages', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await loggedIn('admin');
    await page.getByRole('link', { name: 'Communicatie' }).first().click();
    await page.getByRole('heading', { name: 'Communicatie', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Niet ingesteld (berichten blijven opgeslagen)').count()).toBe(3);

    const to = `test-${Date.now().toString(36)}@chargecars.nl`;
    await page.getByLabel('Ontvanger', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Testbericht versturen' }).click();
    await expect.poll(() => page.getByText('Het testbericht staat in de wachtrij', { exact: false }).count()).toBe(1);
    await page.getByLabel('Kanaal', { exact: true }).selectOption({ label: 'E-mail' });
    await page.getByLabel('Zoek op ontvanger, afzender of onderwerp').fill(to);
    await expect.poll(() => page.getByRole('cell', { name: to }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('1 resultaat').count(), { timeout: 20_000 }).toBe(1);
    // Offline, the sender keeps the message stored for ops (or it still waits for the sender's next pass).
    await expect.poll(() => page.getByText(/Opgeslagen|In wachtrij/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `log-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);

    const api = await apiAs('operations');
    const customers = (await api('/api/customers?page=1&pageSize=1')) as { items: { id: string; name: string }[] };
    const customer = customers.items[0]!;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'Klanten' }).first().click();
    await page.getByRole('link', { name: customer.name }).first().click();
    await page.getByRole('heading', { name: 'Berichten' }).waitFor();
    await page.getByLabel('Alleen noodzakelijke berichten').check();
    await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
    await expect.poll(() => page.getByText('Voorkeuren opgeslagen.').count()).toBe(1);
    const saved = (await api(`/api/messages/customers/${customer.id}`)) as {
      preferences: { optOutNonEssential: boolean };
    };
    expect(saved.preferences.optOutNonEssential).toBe(true);
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('heading', { name: 'Berichten' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `customer-${width}.png`) });
    }
  });

  it('edits a brand’s template with a live preview: an unknown variable is refused, a good text saved and reset', async () => {
    const page = await loggedIn('operations');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'Berichtsjablonen' }).first().click();
    await page.getByRole('heading', { name: 'Berichtsjablonen', level: 1 }).waitFor();
    await page.getByLabel('Merk').selectOption({ label: 'LaderThuis.nl' });
    await page.getByRole('button', { name: 'Bewerken: Herinnering bezoek, E-mail' }).click();
    const body = page.getByLabel('Tekst', { exact: true });
    await expect.poll(() => body.inputValue()).toContain('Beste {{customerName}},');
    // The preview is the server's rendering on sample data, in the brand's colour.
    const preview = page.frameLocator('iframe[title="Voorbeeld van de e-mail"]');
    await expect.poll(() => preview.getByText('Beste Sanne de Vries,').count(), { timeout: 20_000 }).toBe(1);

    const text = await body.inputValue();
    await body.fill(`${text}\n\nUw kortingscode: {{kortingscode}}`);
    await expect
      .poll(() => page.getByText('Onbekende variabele: {{kortingscode}}', { exact: false }).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Onbekende variabele: {{kortingscode}}', { exact: false }).count()).toBe(2);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `template-refused-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);

    await page.setViewportSize({ width: 1366, height: 900 });
    await body.fill(`${text}\n\nParkeer uw auto alvast buiten de oprit.`);
    await expect
      .poll(() => preview.getByText('Parkeer uw auto alvast buiten de oprit.').count(), { timeout: 20_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen als nieuwe versie.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: /Eigen tekst, versie \d+/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'template-saved-1366.png'), fullPage: true });

    await page.getByRole('button', { name: 'Standaardtekst herstellen' }).click();
    await expect.poll(() => page.getByText('De standaardtekst geldt weer.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: /Eigen tekst/ }).count()).toBe(0);
  });

  it('shows replies with the unknown senders, and the survey scores per team', async () => {
    const page = await loggedIn('operations');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'Communicatie' }).first().click();
    await page.getByRole('heading', { name: 'Communicatie', level: 1 }).waitFor();
    await page.getByLabel('Richting').selectOption({ label: 'Ontvangen' });
    await expect.poll(() => page.getByText('Onbekende afzender').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByText('Ontvangen', { exact: true }).count()).toBeGreaterThan(2);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `replies-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'Tevredenheid' }).first().click();
    await page.getByRole('heading', { name: 'Tevredenheid', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Per team' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Nog niet beantwoord').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `satisfaction-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);
  });

  it('lets a customer answer the survey from the link in its mail', async () => {
    const api = await apiAs('operations');
    const mails = (await api('/api/messages?messageType=satisfaction_survey&pageSize=1')) as {
      items: { bodyText: string }[];
    };
    const token = /\/survey\/([\w-]+)/.exec(mails.items[0]!.bodyText)![1]!;
    const page = await session.newPage();
    await page.goto(`${session.platform.url}/survey/${token}`);
    await page.getByRole('heading', { name: 'Hoe tevreden bent u?', level: 1 }).waitFor();
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `survey-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);
    await page.getByText('8', { exact: true }).click();
    await page.getByLabel('Wat kan beter? (niet verplicht)').fill('Graag vooraf even bellen.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByText('Dank u wel voor uw antwoord! U gaf ons een 8.').count()).toBe(1);
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);
    const answered = (await api('/api/satisfaction?answered=true&pageSize=200')) as {
      items: { remark: string | null; score: number | null }[];
    };
    expect(answered.items).toContainEqual(expect.objectContaining({ score: 8, remark: 'Graag vooraf even bellen.' }));
  });

  it('lets a partner choose its contact for e-mail and the events it wants by mail', async () => {
    const page = await loggedIn('partner');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'E-mailmeldingen' }).first().click();
    await page.getByRole('heading', { name: 'E-mailmeldingen', level: 1 }).waitFor();
    await page.getByLabel('Taal van onze e-mail').selectOption({ label: 'English' });
    await page.getByLabel('Een lead van u is gekwalificeerd').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen.').count(), { timeout: 20_000 }).toBe(1);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `partner-mail-${width}.png`), fullPage: true });
    }
    expect(await accessibilityProblemsAtWidths(page)).toEqual([]);
    const partner = await apiAs('partner');
    const me = (await partner('/api/auth/me')) as { user: { partnerId: string } };
    expect(await partner(`/api/partners/${me.user.partnerId}/mail-settings`)).toMatchObject({
      language: 'en',
      leadQualified: true,
      orderCreated: false,
    });
  });
});
