import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import * as s from '../../platform/db/schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';

type Client = Awaited<ReturnType<TestApp['as']>>;
type Inbox = {
  items: { id: string; type: string; title: string; body: string; link: string; readAt: string | null }[];
  unreadCount: number;
};

let t: TestApp;
let planner: Client;
let partnerA: Client;
let partnerB: Client;
let anna: Client;
let ops: Client;
let subscriber: QueuedSubscriber;
let socketUrl: string;
const monday = (() => {
  const today = todayInAmsterdam();
  return addDaysToDate(today, 15 - (((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1));
})();

/** Hands every event not yet handed to the bell's subscriber, as the relay would; `again` hands them twice. */
let lastEventId = 0;
async function relay(again = false) {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId && (subscriber.eventTypes as string[]).includes(r.type));
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of again ? [...fresh, ...fresh] : fresh) await subscriber.handle(relayedEvent(row) as never);
}
const inboxOf = async (c: Client) => {
  const res = await c.get('/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Inbox;
};

async function planFirstVisit() {
  const [visit] = await t.database.db.select().from(s.visits).where(eq(s.visits.id, t.fixtures.v1.id));
  const res = await planner.put(`/api/visits/${visit!.id}`, {
    lockVersion: visit!.lockVersion,
    slot: { teamId: t.fixtures.team1.id, date: monday, block: 'morning' },
    overrideReason: 'Test: de klant is al gebeld',
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A WebSocket of the updates as a signed-in browser opens it, with what arrives on it. */
async function listen(c: Client) {
  const messages: { type: string; id?: string }[] = [];
  const ws = new WebSocket(socketUrl, { headers: { cookie: `cc_session=${c.cookie}` } });
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (m) => {
      const msg = JSON.parse(String(m));
      messages.push(msg);
      if (msg.type === 'subscribed') resolve();
    });
    ws.on('error', reject);
  });
  return { ws, messages };
}
const waitFor = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  socketUrl = `ws://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/subscribe/updates`;
  planner = await t.as('planner@chargecars.nl');
  partnerA = await t.as('partner-a@alfa.example.nl');
  partnerB = await t.as('partner-b@bravo.example.nl');
  ops = await t.as('ops@chargecars.nl');
  anna = await requestLinkAndLogin(t, 'anna@example.nl');
  subscriber = t.built.workers.subscribers.find((x) => x.queue === 'event.notifications.in-app') as QueuedSubscriber;
  lastEventId = (await t.database.db.select().from(s.outboxEvents)).reduce((m, r) => Math.max(m, r.id), 0);
});
afterAll(() => t?.close());

describe('the notification bell', () => {
  it("tells the order's partner and customer that a visit is planned, each in their own portal, once", async () => {
    await planFirstVisit();
    await relay(true);
    const partner = await inboxOf(partnerA);
    expect(partner.unreadCount).toBe(1);
    expect(partner.items[0]).toMatchObject({
      type: 'visit.scheduled',
      title: expect.stringMatching(/^Order .* ingepland$/),
      link: `/partner/orders/${t.fixtures.o1.id}`,
      readAt: null,
    });
    const customer = await inboxOf(anna);
    expect(customer.items.map((n) => [n.title, n.link])).toEqual([['Uw bezoek is ingepland', '/customer']]);
    // The other partner and staff who did not need to know hear nothing.
    expect((await inboxOf(partnerB)).items).toEqual([]);
    expect((await inboxOf(ops)).items).toEqual([]);
  });

  it("writes each notification in its recipient's language", async () => {
    await t.database.db
      .update(s.users)
      .set({ locale: 'en' })
      .where(eq(s.users.id, t.fixtures.users['partner-a@alfa.example.nl']!.id));
    await t.database.db.transaction((tx) =>
      emitEvent(tx, {
        type: 'lead.qualified',
        subjectType: 'lead',
        subjectId: '00000000-0000-4000-8000-000000000001',
        data: {
          leadId: '00000000-0000-4000-8000-000000000001',
          number: 'L-TAAL',
          partnerReference: 'REF-9',
          status: 'qualified',
          score: 80,
          rejectedReason: null,
        },
        audience: { partnerId: t.fixtures.partnerA.id },
      }),
    );
    await relay();
    const [latest] = (await inboxOf(partnerA)).items;
    expect(latest).toMatchObject({
      title: 'Lead L-TAAL qualified',
      body: 'Your lead (REF-9) was accepted; a quote follows.',
      link: '/partner/leads/00000000-0000-4000-8000-000000000001',
    });
  });

  it('lets nobody read or mark the notifications of another', async () => {
    const [own] = (await inboxOf(partnerA)).items;
    const refused = await partnerB.post(`/api/notifications/${own!.id}/read`);
    expect(refused.statusCode).toBe(404);
    const fromCustomer = await anna.post(`/api/notifications/${own!.id}/read`);
    expect(fromCustomer.statusCode).toBe(404);
    expect((await inboxOf(partnerA)).items.find((n) => n.id === own!.id)?.readAt).toBeNull();
    await partnerB.post('/api/notifications/read-all');
    expect((await inboxOf(partnerA)).unreadCount).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('marks one read, then all, and counts what is unread', async () => {
    const before = await inboxOf(partnerA);
    expect(before.unreadCount).toBe(2);
    const one = await partnerA.post(`/api/notifications/${before.items[0]!.id}/read`);
    expect(one.json()).toEqual({ marked: 1, unreadCount: 1 });
    expect((await partnerA.post(`/api/notifications/${before.items[0]!.id}/read`)).json()).toEqual({
      marked: 0,
      unreadCount: 1,
    });
    expect((await partnerA.post('/api/notifications/read-all')).json()).toEqual({ marked: 1, unreadCount: 0 });
    const after = await inboxOf(partnerA);
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    // The customer's own stays unread.
    expect((await inboxOf(anna)).unreadCount).toBe(1);
  });

  it('pushes a new notification live to its own user only', async () => {
    const a = await listen(partnerA);
    const b = await listen(partnerB);
    const o = await listen(ops);
    await t.database.db.transaction((tx) =>
      emitEvent(tx, {
        type: 'lead.sla_breached',
        subjectType: 'lead',
        subjectId: '00000000-0000-4000-8000-000000000002',
        data: {
          leadId: '00000000-0000-4000-8000-000000000002',
          number: 'L-SLA',
          reason: 'sla_expired',
          slaDueAt: new Date().toISOString(),
        },
        audience: { staffOnly: true },
      }),
    );
    await relay();
    const [made] = (await inboxOf(ops)).items;
    expect(made).toMatchObject({
      title: 'Lead L-SLA vraagt aandacht',
      link: '/ops/leads/00000000-0000-4000-8000-000000000002',
    });
    expect(await waitFor(() => o.messages.some((m) => m.type === 'notification.created' && m.id === made!.id))).toBe(
      true,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect([...a.messages, ...b.messages].some((m) => m.type === 'notification.created')).toBe(false);
    for (const x of [a, b, o]) x.ws.close();
  });
});
