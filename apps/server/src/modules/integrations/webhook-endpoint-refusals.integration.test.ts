import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { webhookEndpoints } from './integrations.schema.ts';

// Subscribing only: nothing is delivered here, so the address needs no receiver behind it.
const HOOK_URL = 'http://127.0.0.1:9/hooks';

let t: TestApp;
let portal: Awaited<ReturnType<TestApp['as']>>;
const partnerA = () => t.fixtures.partnerA.id;

async function subscribe(eventTypes = ['lead.received', 'lead.qualified']) {
  const res = await portal.post(`/api/partners/${partnerA()}/webhook-endpoints`, { url: HOOK_URL, eventTypes });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secret: string };
}

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1' });
  portal = await t.as('partner-a@alfa.example.nl');
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.database.db.delete(webhookEndpoints);
});

describe('webhook endpoints refuse what they must', () => {
  it('refuses private and loopback addresses that ops did not allow', async () => {
    for (const url of [
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/x',
      'http://192.168.1.1/',
    ]) {
      const res = await portal.post(`/api/partners/${partnerA()}/webhook-endpoints`, {
        url,
        eventTypes: ['lead.received'],
      });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors[0].field).toBe('body.url');
    }
  });
  it("answers 404 for another partner's endpoints and 400 for unknown event types", async () => {
    const endpoint = await subscribe();
    const bravo = await t.as('partner-b@bravo.example.nl');
    expect((await bravo.get(`/api/partners/${partnerA()}/webhook-endpoints`)).statusCode).toBe(404);
    expect((await bravo.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/test`)).statusCode).toBe(
      404,
    );
    expect(
      (await bravo.get(`/api/partners/${t.fixtures.partnerB.id}/webhook-endpoints/${endpoint.id}/deliveries`))
        .statusCode,
    ).toBe(404);
    const bad = await portal.post(`/api/partners/${partnerA()}/webhook-endpoints`, {
      url: HOOK_URL,
      eventTypes: ['everything'],
    });
    expect(bad.statusCode).toBe(400);
    const rows = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.partnerId, partnerA()));
    expect(rows).toHaveLength(1);
  });
  it('answers an empty change with the endpoint as it is, not a server error', async () => {
    const endpoint = await subscribe();
    const res = await portal.patch(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: endpoint.id,
      url: HOOK_URL,
      enabled: true,
      eventTypes: ['lead.received', 'lead.qualified'],
    });
  });
});
