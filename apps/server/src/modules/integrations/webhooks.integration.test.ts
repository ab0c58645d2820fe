import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { apiClient, completeLead, createApiKey, runLeadPipeline } from '../../test/partner-api.ts';
import { startWebhookReceiver } from '../../test/webhook-receiver.ts';
import { webhookRelay } from '../../test/webhook-relay.ts';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { webhookDeliveries, webhookEndpoints, webhookMessages } from './integrations.schema.ts';
import { signWebhook } from './webhook-signing.ts';
import { fanOutEvents } from './fan-out-event.ts';
import { createDispatcher } from './dispatch-deliveries.ts';
import { createSsrfGuard } from './ssrf-guard.ts';
import { purgeDeliveryLog } from './purge-delivery-log.ts';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let portal: Awaited<ReturnType<TestApp['as']>>;
let relay: ReturnType<typeof webhookRelay>;
const partnerA = () => t.fixtures.partnerA.id;
/** A relayed lead.received event of partner A, as the relay hands it to fan-out. */
const leadReceived = (partnerReference: string) => ({
  eventId: randomUUID(),
  type: 'lead.received' as const,
  subjectId: randomUUID(),
  audience: { partnerId: partnerA() },
  occurredAt: new Date().toISOString(),
  data: {
    leadId: randomUUID(),
    number: 'LD-2026-000001',
    partnerReference,
    status: 'received' as const,
    score: null,
    rejectedReason: null,
  },
});

async function subscribe(eventTypes = ['lead.received', 'lead.qualified']) {
  const res = await portal.post(`/api/partners/${partnerA()}/webhook-endpoints`, { url: receiver.url, eventTypes });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secret: string };
}

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1' });
  receiver = await startWebhookReceiver();
  relay = webhookRelay(t);
  portal = await t.as('partner-a@alfa.example.nl');
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.answerWith(200);
  await t.database.db.delete(webhookEndpoints);
  await relay.skipEarlierEvents();
});

describe('webhook deliveries', () => {
  it("delivers a partner's lead events signed per Standard Webhooks, and logs each attempt", async () => {
    const endpoint = await subscribe();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', partnerA(), ['leads:write']);
    const lead = (await apiClient(t, key.secret).post('/api/v1/leads', completeLead())).json();
    await runLeadPipeline(t);
    await relay.relayAndDispatch();
    expect(receiver.received.map((r) => JSON.parse(r.body).type).sort()).toEqual(['lead.qualified', 'lead.received']);
    for (const r of receiver.received) {
      const id = String(r.headers['webhook-id']);
      const ts = Number(r.headers['webhook-timestamp']);
      expect(r.headers['webhook-signature']).toBe(signWebhook(endpoint.secret, id, ts, r.body));
      expect(JSON.parse(r.body).data.leadId).toBe(lead.id);
    }
    const log = (await portal.get(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/deliveries`)).json();
    expect(log.items).toHaveLength(2);
    expect(log.items[0].state).toBe('delivered');
    expect(log.items[0].attemptLog[0]).toMatchObject({ responseStatus: 200, responseBodyExcerpt: 'ok' });
  });

  it("tells the order's partner when its visit is scheduled", async () => {
    const endpoint = await subscribe(['visit.scheduled']);
    const { v1, o1, team1 } = t.fixtures;
    const ops = await t.as('ops@chargecars.nl');
    expect(
      (
        await ops.post(`/api/visits/${v1.id}/schedule`, {
          date: t.fixtures.today,
          teamId: team1.id,
          block: 'afternoon',
        })
      ).statusCode,
    ).toBe(200);
    await relay.relayAndDispatch();
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toMatchObject({
      type: 'visit.scheduled',
      data: {
        visitId: v1.id,
        number: v1.number,
        orderId: o1.id,
        orderNumber: o1.number,
        date: t.fixtures.today,
        block: 'afternoon',
        teamId: team1.id,
      },
    });
    const r = receiver.received[0]!;
    expect(r.headers['webhook-signature']).toBe(
      signWebhook(endpoint.secret, String(r.headers['webhook-id']), Number(r.headers['webhook-timestamp']), r.body),
    );
  });

  it('records every attempt of a large fan-out, sent many at a time', async () => {
    const endpoint = await subscribe(['lead.received']);
    // More than one recording chunk, sent by the in-memory handoff (as fan-out does) and by claiming.
    const messages = Array.from({ length: 180 }, (_, i) => ({
      id: `msg_bulk_${i}`,
      partnerId: partnerA(),
      eventType: 'lead.received',
      payload: { type: 'lead.received', timestamp: new Date().toISOString(), data: { n: i } },
    }));
    await t.database.db.insert(webhookMessages).values(messages);
    await t.database.db.insert(webhookDeliveries).values(
      messages.map((m) => ({
        messageId: m.id,
        endpointId: endpoint.id,
        partnerId: partnerA(),
        eventType: m.eventType,
        eventCommittedAt: new Date(),
      })),
    );
    expect(await t.built.services.integrations.dispatch()).toBe(180);
    expect(receiver.received).toHaveLength(180);
    const states = await t.database.db
      .select({ state: webhookDeliveries.state, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(states).toHaveLength(180);
    expect(states.every((d) => d.state === 'delivered' && d.attempts === 1)).toBe(true);
    const log = (await t.database.db.execute(
      sql`select count(*)::int as n from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.endpoint_id = ${endpoint.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(log.rows[0]!.n).toBe(180);
  });

  it('hands off the deliveries that fit claimed, leaves the rest due, and a relayed-again batch adds none', async () => {
    const endpoints = [await subscribe(['lead.received']), await subscribe(['lead.received'])];
    const events = [1, 2].map((n) => ({
      eventId: randomUUID(),
      type: 'lead.received' as const,
      subjectId: randomUUID(),
      audience: { partnerId: partnerA() },
      occurredAt: new Date().toISOString(),
      data: {
        leadId: randomUUID(),
        number: `LD-2026-00000${n}`,
        partnerReference: 'één',
        status: 'received' as const,
        score: null,
        rejectedReason: null,
      },
    }));
    const first = await fanOutEvents(t.database.db, events, 3);
    expect(first.claimed).toHaveLength(3);
    expect(first.due).toBe(1);
    expect(first.claimed.map((o) => o.delivery.messageId)).toEqual([
      `msg_${events[0]!.eventId}`,
      `msg_${events[0]!.eventId}`,
      `msg_${events[1]!.eventId}`,
    ]);
    expect(await fanOutEvents(t.database.db, events, 3)).toEqual({ claimed: [], due: 0 });
    // The dispatcher sends what it was handed, then claims the one left due: four deliveries, each once.
    const dispatcher = createDispatcher(t.database.db, createSsrfGuard(new Set(['127.0.0.1'])));
    dispatcher.handOff(first.claimed);
    expect(await dispatcher.dispatch()).toBe(4);
    expect(receiver.received.map((r) => String(r.headers['webhook-id'])).sort()).toEqual(
      [...events, ...events].map((e) => `msg_${e.eventId}`).sort(),
    );
    // A handed-off delivery sends the bytes a replay (read from the table) sends.
    const [stored] = await t.database.db
      .select()
      .from(webhookMessages)
      .where(eq(webhookMessages.id, first.claimed[0]!.delivery.messageId));
    const sent = receiver.received.find((r) => r.headers['webhook-id'] === first.claimed[0]!.delivery.messageId)!;
    expect(sent.body).toBe(JSON.stringify(stored!.payload));
    const rows = await t.database.db
      .select({ endpointId: webhookDeliveries.endpointId, state: webhookDeliveries.state })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.partnerId, partnerA()));
    expect(
      rows
        .filter((r) => r.state === 'delivered')
        .map((r) => r.endpointId)
        .sort(),
    ).toEqual([endpoints[0]!.id, endpoints[0]!.id, endpoints[1]!.id, endpoints[1]!.id].sort());
  });

  it('stores a message once for all its endpoints, and an endpoint added before a second relay gets the same bytes', async () => {
    const first = await subscribe(['lead.received']);
    const events = [leadReceived('Zoë')];
    const dispatcher = createDispatcher(t.database.db, createSsrfGuard(new Set(['127.0.0.1'])));
    dispatcher.handOff((await fanOutEvents(t.database.db, events, 10)).claimed);
    await dispatcher.dispatch();
    const second = await subscribe(['lead.received']);
    const again = await fanOutEvents(t.database.db, events, 10);
    expect(again.claimed.map((o) => o.delivery.endpointId)).toEqual([second.id]);
    dispatcher.handOff(again.claimed);
    await dispatcher.dispatch();
    const messages = await t.database.db
      .select()
      .from(webhookMessages)
      .where(eq(webhookMessages.id, `msg_${events[0]!.eventId}`));
    expect(messages).toHaveLength(1);
    const bodies = receiver.received.map((r) => ({ body: r.body }));
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.body).toBe(bodies[1]!.body);
    expect(bodies[0]!.body).toBe(JSON.stringify(messages[0]!.payload));
    expect(first.id).not.toBe(second.id);
  });

  it('does not start a handed-off delivery whose claim is about to run out: it is claimed again from the table', async () => {
    await subscribe(['lead.received']);
    const events = [leadReceived('één')];
    const { claimed } = await fanOutEvents(t.database.db, events, 10);
    // As if it had waited in memory behind slow endpoints until its claim almost ended.
    const stale = claimed.map((o) => ({
      ...o,
      delivery: { ...o.delivery, nextAttemptAt: new Date(Date.now() + 1_000) },
    }));
    const dispatcher = createDispatcher(t.database.db, createSsrfGuard(new Set(['127.0.0.1'])));
    dispatcher.handOff(stale);
    expect(await dispatcher.dispatch()).toBe(0);
    expect(receiver.received).toHaveLength(0);
    // Once the claim has ended it is due again, and sent once.
    await t.database.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(Date.now() - 1_000) })
      .where(eq(webhookDeliveries.id, claimed[0]!.delivery.id));
    expect(await dispatcher.dispatch()).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('purges finished deliveries, their attempts and their messages after 30 days, and keeps what is still pending', async () => {
    const endpoint = await subscribe(['lead.received']);
    const old = new Date(Date.now() - 31 * 86_400_000);
    const ids = [`msg_purge_${randomUUID()}`, `msg_purge_${randomUUID()}`];
    await t.database.db.insert(webhookMessages).values(
      ids.map((id) => ({
        id,
        partnerId: partnerA(),
        eventType: 'lead.received',
        payload: { type: 'lead.received' },
        createdAt: old,
      })),
    );
    await t.database.db.insert(webhookDeliveries).values([
      {
        messageId: ids[0]!,
        endpointId: endpoint.id,
        partnerId: partnerA(),
        eventType: 'lead.received',
        eventCommittedAt: old,
        createdAt: old,
        state: 'delivered',
      },
      {
        messageId: ids[1]!,
        endpointId: endpoint.id,
        partnerId: partnerA(),
        eventType: 'lead.received',
        eventCommittedAt: old,
        createdAt: old,
        state: 'pending',
      },
    ]);
    await purgeDeliveryLog(t.database.db);
    const left = await t.database.db
      .select({ id: webhookMessages.id })
      .from(webhookMessages)
      .where(inArray(webhookMessages.id, ids));
    expect(left.map((m) => m.id)).toEqual([ids[1]]);
    const deliveries = await t.database.db
      .select({ state: webhookDeliveries.state })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(deliveries).toEqual([{ state: 'pending' }]);
  });

  it("does not deliver another partner's events", async () => {
    await subscribe();
    const key = await createApiKey(t, 'partner-b@bravo.example.nl', t.fixtures.partnerB.id, ['leads:write']);
    await apiClient(t, key.secret).post('/api/v1/leads', completeLead());
    await relay.relayAndDispatch();
    expect(receiver.received).toHaveLength(0);
  });

  it('retries a failure later with backoff, and a 410 disables the endpoint', async () => {
    const endpoint = await subscribe(['lead.received']);
    receiver.answerWith(500);
    await t.built.services.leads.receive(
      {
        ...t.fixtures.users['ops@chargecars.nl']!,
        userId: t.fixtures.users['ops@chargecars.nl']!.id,
        role: 'operations',
        partnerId: null,
        teamId: null,
        customerId: null,
      },
      { lead: completeLead(), source: 'ops', partnerId: partnerA() },
    );
    await relay.relayAndDispatch();
    const [failed] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await t.database.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.id, failed!.id));
    receiver.answerWith(410);
    await t.built.services.integrations.dispatch();
    const [gone] = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(gone).toMatchObject({ enabled: false });
    const [after] = await t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, failed!.id));
    expect(after!.state).toBe('failed');
  });

  it('disables an endpoint failing for 5 days and tells the partner', async () => {
    const endpoint = await subscribe(['lead.received']);
    await t.database.db
      .update(webhookEndpoints)
      .set({ failingSince: new Date(Date.now() - 6 * 86_400_000) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    receiver.answerWith(503);
    expect((await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/test`)).statusCode).toBe(
      202,
    );
    await t.built.services.integrations.dispatch();
    const [row] = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('5 dagen') });
    const mails = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, t.fixtures.partnerA.email));
    expect(mails.some((m) => m.subject.includes('uitgeschakeld'))).toBe(true);
    const reenabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}`,
      headers: { cookie: `cc_session=${portal.cookie}`, 'x-csrf-token': portal.csrf },
      payload: { enabled: true },
    });
    expect(reenabled.json()).toMatchObject({ enabled: true, failingSince: null });
  });

  it("tells the partner of a disabled endpoint at its contact for e-mail, in the contact's language", async () => {
    await portal.put(`/api/partners/${partnerA()}/mail-settings`, {
      email: 'tech@alfa.example.nl',
      language: 'en',
      leadQualified: false,
      orderCreated: false,
    });
    const endpoint = await subscribe(['lead.received']);
    await t.database.db
      .update(webhookEndpoints)
      .set({ failingSince: new Date(Date.now() - 6 * 86_400_000) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    receiver.answerWith(503);
    await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/test`);
    await t.built.services.integrations.dispatch();
    const [mail] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'tech@alfa.example.nl'));
    expect(mail).toMatchObject({ language: 'en', subject: `Webhook endpoint disabled: ${receiver.url}` });
    expect(mail!.bodyText).toContain('Reason: The endpoint has been failing for 5 days.');
    const [row] = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.disabledReason).toBe('Het endpoint faalt al 5 dagen');
    await portal.put(`/api/partners/${partnerA()}/mail-settings`, {
      email: t.fixtures.partnerA.email,
      language: 'nl',
      leadQualified: false,
      orderCreated: false,
    });
  });

  it('replays one delivery, or everything since a time, with the original message id', async () => {
    const endpoint = await subscribe(['lead.received']);
    await t.built.services.leads.receive(
      {
        userId: t.fixtures.users['ops@chargecars.nl']!.id,
        role: 'operations',
        name: 'Ops',
        partnerId: null,
        teamId: null,
        customerId: null,
      },
      { lead: completeLead(), source: 'ops', partnerId: partnerA() },
    );
    await relay.relayAndDispatch();
    const first = receiver.received[0]!;
    const [delivery] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(
      (await portal.post(`/api/partners/${partnerA()}/webhook-deliveries/${delivery!.id}/replay`)).statusCode,
    ).toBe(202);
    await t.built.services.integrations.dispatch();
    expect(receiver.received[1]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
    const since = await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/replay`, {
      since: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(since.json()).toEqual({ replayed: 1 });
    await t.built.services.integrations.dispatch();
    expect(receiver.received).toHaveLength(3);
  });

  it('sends a test event, and both signatures while a secret rotates', async () => {
    const endpoint = await subscribe(['lead.received']);
    const rotated = (
      await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/rotate-secret`)
    ).json();
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect((await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/test`)).statusCode).toBe(
      202,
    );
    await t.built.services.integrations.dispatch();
    const r = receiver.received[0]!;
    expect(JSON.parse(r.body).type).toBe('webhook.test');
    const ts = Number(r.headers['webhook-timestamp']);
    const id = String(r.headers['webhook-id']);
    expect(String(r.headers['webhook-signature']).split(' ')).toEqual([
      signWebhook(rotated.secret, id, ts, r.body),
      signWebhook(endpoint.secret, id, ts, r.body),
    ]);
  });
});

describe('Standard Webhooks conformance', () => {
  it("a receiver using the specification's own library accepts a real delivery, with either secret while it rotates", async () => {
    const endpoint = await subscribe(['lead.received']);
    const rotated = (
      await portal.post(`/api/partners/${partnerA()}/webhook-endpoints/${endpoint.id}/rotate-secret`)
    ).json();
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', partnerA(), ['leads:write']);
    const lead = (await apiClient(t, key.secret).post('/api/v1/leads', completeLead())).json();
    await relay.relayAndDispatch();
    const r = receiver.received.find((x) => JSON.parse(x.body).type === 'lead.received')!;
    const headers = {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    };
    for (const secret of [rotated.secret, endpoint.secret]) {
      expect(new Webhook(secret).verify(r.body, headers)).toMatchObject({
        type: 'lead.received',
        data: { leadId: lead.id },
      });
    }
    expect(() => new Webhook(endpoint.secret).verify(r.body.replace(lead.id, 'ander'), headers)).toThrow(
      WebhookVerificationError,
    );
  });
});
