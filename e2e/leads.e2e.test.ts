import { describe, expect, it } from 'vitest';
import { usePortalSession } from './portal-session.ts';

// The partner sets up its integration in the portal and sends a real lead with its own key from the
// API tester; operations then find that lead in the inbox with its timeline and score.
const session = usePortalSession();
const { loggedIn } = session;

describe('lead intake through the partner portal', () => {
  it('creates an API key, sends a lead with it from the API tester, and ops see the lead qualified', async () => {
    const partner = await loggedIn('partner');
    await partner.waitForURL(/\/partner/);
    await partner.getByRole('link', { name: 'API-sleutels' }).first().click();
    await partner.waitForURL(/\/partner\/api-keys$/);
    await partner.getByLabel('Naam', { exact: true }).fill('e2e-sleutel');
    await partner.getByRole('button', { name: 'Sleutel maken' }).click();
    const secretBox = partner.getByTestId('api-key-secret');
    await expect.poll(() => secretBox.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const secret = (await secretBox.textContent())!.trim();
    expect(secret).toMatch(/^ccak_/);

    await partner.getByRole('link', { name: 'API-tester' }).first().click();
    await partner.waitForURL(/\/partner\/api-tester$/);
    await partner.getByLabel('API-sleutel', { exact: true }).fill(secret);
    const body = JSON.stringify({
      email: 'e2e-lead@example.nl',
      name: 'E2E Klant',
      phone: '0612345099',
      address: { postcode: '3861 AB', houseNumber: 3, street: 'Kerkstraat', city: 'Nijkerk' },
      productInterest: 'Thuislader',
      partnerReference: 'E2E-1',
    });
    await partner.getByLabel('Body (JSON)').fill(body);
    await partner.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => partner.getByText('HTTP 201').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await partner.getByRole('link', { name: 'Onze leads' }).first().click();
    await expect.poll(() => partner.getByText('E2E Klant').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const ops = await loggedIn('operations');
    await ops.waitForURL(/\/ops/);
    await ops.getByRole('link', { name: 'Leads' }).first().click();
    // Ops pages load on demand: until the leads page is there, 'Zoeken' also matches the dashboard's 'Bezoeken vandaag'.
    await ops.waitForURL(/\/ops\/leads$/);
    await ops.getByLabel('Zoeken', { exact: true }).fill('e2e-lead');
    await expect.poll(() => ops.getByRole('link', { name: /LD-/ }).count(), { timeout: 20_000 }).toBe(1);
    await ops.getByRole('link', { name: /LD-/ }).first().click();
    await expect.poll(() => ops.getByText('Opbouw van de score').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => ops.getByText(/Automatisch gekwalificeerd/).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });
});
