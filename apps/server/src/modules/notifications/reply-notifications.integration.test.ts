import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import * as s from '../../platform/db/schema.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';

const EMAIL_SECRET = 'inbound-email-secret-of-at-least-32-chars';

type Client = Awaited<ReturnType<TestApp['as']>>;
type Inbox = { items: { type: string; title: string; body: string; link: string }[]; unreadCount: number };

let t: TestApp;
let base: string;
let subscriber: QueuedSubscriber;
let lastEventId = 0;

beforeAll(async () => {
  t = await createTestApp({ INBOUND_EMAIL_SECRET: EMAIL_SECRET, INBOUND_EMAIL_ADDRESS: 'reply@in.chargecars.test' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  subscriber = t.built.workers.subscribers.find((x) => x.queue === 'event.notifications.in-app') as QueuedSubscriber;
  lastEventId = (await t.database.db.select().from(s.outboxEvents)).reduce((m, r) => Math.max(m, r.id), 0);
});
afterAll(() => t?.close());

/** Hands the bell's subscriber every event since the last call, as the relay would; `again` hands them twice. */
async function relay(again = false) {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId && (subscriber.eventTypes as string[]).includes(r.type));
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of again ? [...fresh, ...fresh] : fresh) await subscriber.handle(relayedEvent(row) as never);
}

function postEmail(form: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) body.append(k, v);
  return fetch(`${base}/api/messages/inbound/email`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`inbound:${EMAIL_SECRET}`).toString('base64')}` },
    body,
  });
}

const repliesIn = async (c: Client) => {
  const res = await c.get('/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Inbox).items.filter((n) => n.type === 'customer.replied');
};

describe('a reply rings the bell of operations', () => {
  it("links a customer's reply to their page and an unknown sender's to the log, once each, for staff only", async () => {
    const ops = await t.as('ops@chargecars.nl');
    const planner = await t.as('planner@chargecars.nl');
    const anna = await requestLinkAndLogin(t, 'anna@example.nl');
    const before = (await repliesIn(ops)).length;

    expect(
      await (
        await postEmail({
          from: 'Anna de Vries <anna@example.nl>',
          to: 'info@chargecars.nl',
          subject: 'Vraag over mijn afspraak',
          text: 'Kan de monteur ook na 13:00 komen?',
        })
      ).json(),
    ).toEqual({ stored: 1, matched: 1 });
    await postEmail({
      from: 'iemand@elders.example.org',
      to: 'info@chargecars.nl',
      subject: 'Vraag',
      text: 'Zonnepanelen?',
    });
    await relay(true);

    const replies = (await repliesIn(ops)).slice(0, (await repliesIn(ops)).length - before);
    expect(replies).toHaveLength(2);
    expect(replies).toContainEqual(
      expect.objectContaining({
        title: 'Antwoord per e-mail van Anna de Vries',
        body: 'Kan de monteur ook na 13:00 komen?',
        link: `/ops/customers/${t.fixtures.c1.id}`,
      }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({
        title: 'Antwoord per e-mail van iemand@elders.example.org',
        link: '/ops/communication?direction=inbound',
      }),
    );
    expect(await repliesIn(planner)).toEqual([]);
    expect(await repliesIn(anna)).toEqual([]);
  });
});
