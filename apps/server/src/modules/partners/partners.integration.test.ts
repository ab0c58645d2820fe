import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { apiClient, completeLead, createApiKey, runLeadPipeline } from '../../test/partner-api.ts';
import { partnerApiKeys } from './partners.schema.ts';
import { orders } from '../orders/orders.schema.ts';

let t: TestApp;
const a = () => t.fixtures.partnerA.id;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const order = {
  customer: { name: 'Zakelijke Klant', email: 'zakelijk@example.nl', phone: '0331234567' },
  installationAddress: { postcode: '3861 AB', houseNumber: 44, street: 'Kerkstraat', city: 'Nijkerk' },
  partnerReference: 'PO-1',
  lines: [
    { description: 'Zaptec Go 2', quantity: 1, unitPriceCents: 90_000, vatRate: 21, billTo: 'partner' },
    { description: 'Extra kabel', quantity: 5, unitPriceCents: 7_000, vatRate: 21, billTo: 'customer' },
  ],
};

describe('API keys in the partner portal', () => {
  it('shows the secret once, stores only a hash, and lists last use', async () => {
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', a(), ['leads:read']);
    const [row] = await t.database.db.select().from(partnerApiKeys).where(eq(partnerApiKeys.id, key.id));
    expect(row!.keyHash).not.toContain(key.secret);
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(13));
    await apiClient(t, key.secret).get('/api/v1/leads');
    const portal = await t.as('partner-a@alfa.example.nl');
    const listed = (await portal.get(`/api/partners/${a()}/api-keys`))
      .json()
      .items.find((k: { id: string }) => k.id === key.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(listed).not.toHaveProperty('secret');
  });

  it('rotates a key: both work during the overlap', async () => {
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', a(), ['leads:read']);
    const portal = await t.as('partner-a@alfa.example.nl');
    const rotated = (await portal.post(`/api/partners/${a()}/api-keys/${key.id}/rotate`)).json();
    expect(rotated.secret).not.toBe(key.secret);
    expect((await apiClient(t, rotated.secret).get('/api/v1/leads')).statusCode).toBe(200);
    expect((await apiClient(t, key.secret).get('/api/v1/leads')).statusCode).toBe(200);
  });

  it("keeps a partner out of another partner's keys; ops may manage any", async () => {
    const bravo = await t.as('partner-b@bravo.example.nl');
    expect((await bravo.get(`/api/partners/${a()}/api-keys`)).statusCode).toBe(404);
    expect((await bravo.post(`/api/partners/${a()}/api-keys`, { name: 'x', scopes: ['leads:read'] })).statusCode).toBe(
      404,
    );
    const ops = await t.as('ops@chargecars.nl');
    expect(
      (await ops.post(`/api/partners/${a()}/api-keys`, { name: 'door ops', scopes: ['leads:write'] })).statusCode,
    ).toBe(201);
    expect((await ops.post(`/api/partners/${a()}/api-keys`, { name: 'x', scopes: ['admin:all'] })).statusCode).toBe(
      400,
    );
    const tech = await t.as('tech1@chargecars.nl');
    expect((await tech.get(`/api/partners/${a()}/api-keys`)).statusCode).toBe(403);
  });
});

describe('partner orders and performance', () => {
  it("places a B2B order for a customer with an orders:write key, and refuses another partner's path", async () => {
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', a(), [
      'orders:write',
      'performance:read',
      'leads:write',
    ]);
    const api = apiClient(t, key.secret);
    const res = await api.post(`/api/partners/${a()}/orders`, order, { 'idempotency-key': 'po-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stage: 'new', totalCents: 125_000 });
    const replay = await api.post(`/api/partners/${a()}/orders`, order, { 'idempotency-key': 'po-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, res.json().id));
    expect(row).toMatchObject({ partnerId: a(), customerTotalCents: 35_000, partnerTotalCents: 90_000 });
    expect((await api.post(`/api/partners/${t.fixtures.partnerB.id}/orders`, order)).statusCode).toBe(404);
    expect((await api.post(`/api/partners/${a()}/orders`, { ...order, lines: [] })).statusCode).toBe(400);
    const readOnly = apiClient(t, (await createApiKey(t, 'partner-a@alfa.example.nl', a(), ['leads:read'])).secret);
    expect((await readOnly.post(`/api/partners/${a()}/orders`, order)).statusCode).toBe(403);
  });

  it("reports the partner's lead conversion and orders", async () => {
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', a(), ['performance:read', 'leads:write']);
    const api = apiClient(t, key.secret);
    await api.post('/api/v1/leads', completeLead());
    await runLeadPipeline(t);
    const perf = (await api.get(`/api/partners/${a()}/performance?days=30`)).json();
    expect(perf.leads.total).toBeGreaterThanOrEqual(1);
    expect(perf.leads.qualificationRate).toBeGreaterThan(0);
    expect(perf.orders.total).toBeGreaterThanOrEqual(1);
    expect((await api.get(`/api/partners/${t.fixtures.partnerB.id}/performance`)).statusCode).toBe(404);
    const portal = await t.as('partner-a@alfa.example.nl');
    expect((await portal.get(`/api/partners/${a()}/performance`)).statusCode).toBe(200);
  });
});
