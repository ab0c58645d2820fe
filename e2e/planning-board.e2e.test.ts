import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { usePortalSession } from './portal-session.ts';

// The planning board on the demo data: a planner opens it from the menu, drags a visit from the queue
// to a cell the board marks feasible (planned, the added travel shown) and one to a cell it marks
// infeasible (refused with its reason), and adds a team's absence.
const session = usePortalSession();

/** Drags a card with the mouse, waits until the cells show their verdict, and drops it on the first cell matching `verdict`. */
async function dragTo(page: Page, card: Locator, verdict: string) {
  const from = (await card.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 20, { steps: 5 });
  const cell = page.locator(verdict).first();
  await cell.waitFor({ timeout: 20_000 });
  await cell.scrollIntoViewIfNeeded();
  const to = (await cell.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

describe('the planning board', () => {
  it('plans a dragged visit where it fits, refuses one where it does not, and adds an absence', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await session.logIn(page, 'planner');
    await page.waitForURL(/\/ops/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Planning' }).click();
    await page.waitForURL(/\/ops\/planning$/);
    // Next week: this one may be nearly over (on a Sunday no team works).
    const range = page.getByTestId('range');
    await expect.poll(() => range.textContent(), { timeout: 20_000 }).toMatch(/\d/);
    const thisWeek = await range.textContent();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect.poll(() => range.textContent(), { timeout: 20_000 }).not.toBe(thisWeek);
    const queue = page.getByTestId('queue');
    const cards = queue.locator('[data-testid^="card-"]');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(1);

    await dragTo(page, cards.first(), '[data-verdict="ok"]');
    await expect.poll(() => page.getByText(/ingepland: \+[\d.]+ km/).count(), { timeout: 20_000 }).toBe(1);

    await dragTo(page, cards.first(), '[data-verdict="no"], [data-verdict="override"]');
    const refusal = page.getByTestId('refusal').or(page.getByText(/^Niet ingepland: /));
    await expect
      .poll(async () => (await refusal.first().textContent())?.trim().length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(5);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Afwezigheid' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Van').fill('2099-06-01');
    await dialog.getByLabel('Tot en met').fill('2099-06-03');
    await dialog.getByLabel('Reden').selectOption({ label: 'Training' });
    await dialog.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
    await expect
      .poll(() => dialog.getByTestId('absences').getByText('2099-06-01 – 2099-06-03').count(), { timeout: 20_000 })
      .toBe(1);
    await page.keyboard.press('Escape');

    // The queue narrowed to visits waiting for materials: each card names what it lacks; the other way, none does.
    const missing = queue.getByTestId('missing-materials');
    for (const [choice, marked] of [
      ['Wacht op materiaal', true],
      ['Materiaal aanwezig', false],
    ] as const) {
      const answered = page.waitForResponse(
        (r) => r.url().includes('/api/teams/schedule') && r.url().includes('materials='),
      );
      await page.getByLabel('Materiaal', { exact: true }).selectOption({ label: choice });
      await answered;
      await expect
        .poll(async () => (marked ? (await missing.count()) === (await cards.count()) : (await missing.count()) === 0))
        .toBe(true);
      if (marked && (await cards.count()) > 0)
        await expect.poll(() => missing.first().textContent()).toMatch(/^Ontbreekt: \S/);
    }
  }, 120_000);
});
