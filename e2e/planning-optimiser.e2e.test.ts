import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// A planner optimises next week from the menu "Optimaliseren" and accepts the proposal; then marks a
// team absent on a day it has visits and accepts the repair, which takes those visits off that day.
const session = usePortalSession({ ownPlatform: true });
const { loggedIn, apiAs } = session;

type Visit = { id: string; teamId: string | null; date: string | null; status: string };
type Team = { id: string; code: string; name: string };

describe('the optimiser in the ops portal', () => {
  it('optimises a week and accepts the proposal', async () => {
    const page = await loggedIn('planner');
    await page.getByRole('link', { name: 'Optimaliseren' }).first().click();
    await page.waitForURL(/\/ops\/planning\/optimise$/);
    await page.getByRole('button', { name: 'Optimaliseer' }).click();
    await page.waitForURL(/\/ops\/planning\/proposals\//);
    // The search runs in the background; the page shows its progress and then the difference.
    await expect
      .poll(() => page.getByText('Klaar', { exact: true }).count(), { timeout: 90_000, interval: 1_000 })
      .toBe(1);
    // The page polls the proposal: the difference follows the status within a poll or two.
    await expect.poll(() => page.getByRole('heading', { name: 'Per team' }).count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.getByText('Geen weersverwachting beschikbaar', { exact: false }).count(), { timeout: 20_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Alles accepteren' }).click();
    await expect
      .poll(() => page.getByText('bezoeken ingepland of verplaatst', { exact: false }).count(), { timeout: 30_000 })
      .toBe(1);
    const id = page.url().split('/').at(-1)!;
    const api = await apiAs('planner');
    expect(((await api(`/api/planning/proposals/${id}`)) as { status: string }).status).toBe('applied');
  });

  it('marks a team absent on a day and accepts the repair', async () => {
    const api = await apiAs('planner');
    const teams = (await api('/api/teams')) as Team[];
    // The first team-day from tomorrow on that has a visit planned.
    // Not a visit the customer confirmed: a repair never moves those, so it would have no customers to list.
    type Card = { status: string; confirmed: boolean };
    type Day = { date: string; blocks: { morning: { visits: Card[] }; afternoon: { visits: Card[] } } };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const board = (await api(`/api/teams/schedule?view=week&date=${nextWeek}`)) as {
      teams: { id: string; days: Day[] }[];
    };
    let found: { team: Team; date: string } | null = null;
    for (const row of board.teams)
      for (const day of row.days) {
        const movable = [...day.blocks.morning.visits, ...day.blocks.afternoon.visits].some(
          (v) => v.status === 'scheduled' && !v.confirmed,
        );
        if (!found && day.date >= tomorrow && movable)
          found = { team: teams.find((t) => t.id === row.id)!, date: day.date };
      }
    expect(found).not.toBeNull();
    const { team, date } = found!;

    const page = await loggedIn('planner');
    await page.getByRole('link', { name: 'Optimaliseren' }).first().click();
    await page.waitForURL(/\/ops\/planning\/optimise$/);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: `${team.code} ${team.name}` });
    await page.getByLabel('Datum', { exact: true }).fill(date);
    await page.getByRole('button', { name: 'Afwezig melden en herplannen' }).click();
    await page.waitForURL(/\/ops\/planning\/proposals\//);
    // Ready according to the server (a "Klaar" on the page may still be the previous page's list of proposals),
    // then the page, which polls the proposal, lists the customers.
    const proposalId = new URL(page.url()).pathname.split('/').pop();
    await expect
      .poll(async () => ((await api(`/api/planning/proposals/${proposalId}`)) as { status: string }).status, {
        timeout: 90_000,
        interval: 1_000,
      })
      .toBe('ready');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Betrokken klanten' }).count(), { timeout: 20_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Alles accepteren' }).click();
    await expect
      .poll(() => page.getByText('bezoeken ingepland of verplaatst', { exact: false }).count(), { timeout: 30_000 })
      .toBe(1);
    const { items } = (await api(`/api/visits?date=${date}&teamId=${team.id}`)) as { items: Visit[] };
    expect(items.filter((v) => v.status === 'scheduled')).toEqual([]);
  });
});
