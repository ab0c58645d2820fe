import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// A planner plans a visit in the operations portal on the technician's team, today; the technician's
// app receives it on its next sync (working it offline is e2e/technician-app.e2e.test.ts).
const session = usePortalSession();
const { newPage, logIn, apiAs } = session;

type OrderDetail = { id: string; visits: { id: string; number: string; status: string }[] };

/** An order in the demo data with a visit still to be planned. */
async function orderWithVisitToPlan(api: (path: string) => Promise<unknown>) {
  for (let page = 1; page <= 5; page++) {
    const list = (await api(`/api/orders?stage=new&pageSize=50&page=${page}`)) as { items: { id: string }[] };
    for (const item of list.items) {
      const order = (await api(`/api/orders/${item.id}`)) as OrderDetail;
      const visit = order.visits.find((v) => v.status === 'to_schedule');
      if (visit) return { order, visit };
    }
  }
  throw new Error('no order with a visit to plan in the demo data');
}

describe('planning a visit and completing it', () => {
  it("ops plan it today on the technician's team; the technician's app shows it", async () => {
    const { order, visit } = await orderWithVisitToPlan(await apiAs('operations'));
    const { user: me } = (await (await apiAs('technician'))('/api/auth/me')) as { user: { teamName: string } };

    const ops = await newPage();
    await logIn(ops, 'operations');
    await ops.waitForURL(/\/ops/);
    await ops.goto(`${session.platform.url}/ops/orders/${order.id}`);
    const form = ops
      .getByRole('listitem')
      .filter({ hasText: visit.number })
      .getByRole('form', { name: 'Bezoek inplannen' });
    await form.waitFor();
    // By its exact label: "Team Noord" is also the start of "Team Noord-Holland" (a team per region).
    await form.getByRole('combobox', { name: 'Team' }).selectOption({ label: me.teamName });
    await form.getByRole('button', { name: 'Inplannen' }).click();
    // Today may be the team's day off, or the customer outside its region: the check refuses with its
    // reason, and the planner plans it anyway with a reason of their own (audited).
    const override = form.getByRole('button', { name: 'Toch inplannen' });
    await expect
      .poll(async () => (await form.getByText('Ingepland').count()) + (await override.count()), { timeout: 20_000 })
      .toBeGreaterThan(0);
    if (await override.count()) {
      await form.getByLabel('Reden').fill('Technicus is vandaag in de buurt');
      await override.click();
    }
    await expect.poll(() => form.getByText('Ingepland').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const tech = await newPage();
    await logIn(tech, 'technician');
    await tech.waitForURL(/\/technician/);
    const card = tech.locator('article', { hasText: visit.number });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
  }, 120_000);
});
