import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import * as s from '../../platform/db/schema.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';

/** A loopback OSRM table service: 23 minutes from the team's base (Nijkerk, lon 5.47561), 10 from anywhere else. */
const seen: URL[] = [];
const osrm = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  seen.push(url);
  const coords = url.pathname.split('/').at(-1)!.split(';');
  const seconds = coords[0]!.startsWith('5.475610,') ? 23 * 60 : 10 * 60;
  const grid = coords.map((_, i) => coords.map((__, j) => (i === j ? 0 : seconds)));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code: 'Ok', durations: grid, distances: grid.map((r) => r.map((x) => x * 14)) }));
});

let t: TestApp;
let subscriber: QueuedSubscriber;
let tech1: Awaited<ReturnType<TestApp['as']>>;
let device: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => osrm.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ OSRM_URL: `http://127.0.0.1:${(osrm.address() as { port: number }).port}` });
  subscriber = t.built.workers.subscribers.find(
    (x) => x.queue === 'event.notifications.technician-on-the-way',
  ) as QueuedSubscriber;
  tech1 = await t.as('tech1@chargecars.nl');
  device = (await tech1.post('/api/mobile/devices', { label: 'Pixel 8' })).json().deviceId;
});
afterAll(async () => {
  await t?.close();
  await new Promise((r) => osrm.close(r));
});

/** Hands the events since the last call to the subscriber twice, as a relay that redelivers would. */
let lastEventId = 0;
async function relayTwice() {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId);
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of [...fresh, ...fresh])
    if ((subscriber.eventTypes as string[]).includes(row.type)) await subscriber.handle(relayedEvent(row) as never);
}
async function command(visitId: string, kind: 'on_the_way' | 'arrive', actedAt: Date) {
  const res = await tech1.post('/api/mobile/commands', {
    deviceId: device,
    commands: [
      {
        id: randomUUID(),
        deviceId: device,
        visitId,
        actedAt: actedAt.toISOString(),
        baseVersion: '0',
        payload: { kind },
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().answers[0] as { result: string };
}
const onTheWayMessages = () =>
  t.database.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.messageType, 'technician_on_the_way'));
/** The arrival as the customer reads it: departure plus travel, rounded up to five minutes, Amsterdam time. */
const expected = (departure: Date, minutes: number) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(
    new Date(Math.ceil((departure.getTime() + minutes * 60_000) / 300_000) * 300_000),
  );

describe('technician on the way', () => {
  it("texts the customer once when the team sets out, with the arrival from the team's base", async () => {
    const { v1 } = t.fixtures;
    const departure = new Date();
    expect(await command(v1.id, 'on_the_way', departure)).toMatchObject({ result: 'applied' });
    await relayTwice();
    expect(await command(v1.id, 'on_the_way', new Date(departure.getTime() + 60_000))).toMatchObject({
      result: 'applied',
    });
    await relayTwice();

    const messages = await onTheWayMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'sms',
      to: '+31612345678',
      customerId: t.fixtures.c1.id,
      dedupeKey: `technician_on_the_way:${v1.id}`,
    });
    expect(messages[0]!.bodyText).toBe(
      `ChargeCars: onze monteur is onderweg naar Kerkstraat 1, 3861 AB Nijkerk. Verwachte aankomst: rond ${expected(departure, 23)} uur.`,
    );
    // From the team's base (lon,lat first in OSRM) to the customer's address.
    expect(seen.at(-1)!.pathname).toContain('5.475610,52.226660;');
    const execution = (
      await t.database.db.select().from(s.visitExecutions).where(eq(s.visitExecutions.visitId, v1.id))
    )[0]!;
    expect(execution.onTheWayAt).toEqual(departure);
  });

  it('estimates from the last stop the team reached, by e-mail in English for a customer who takes only e-mail', async () => {
    const { v1, v2, c2, o2, team1 } = t.fixtures;
    await command(v1.id, 'arrive', new Date());
    const [next] = await t.database.db
      .insert(s.visits)
      .values({
        number: 'BZ-000099',
        orderId: o2.id,
        entityId: 'laderthuis',
        customerId: c2.id,
        addressId: v2.addressId,
        type: 'installation',
        status: 'scheduled',
        teamId: team1.id,
        scheduledDate: todayInAmsterdam(),
        block: 'afternoon',
        durationMinutes: 120,
      })
      .returning();
    await t.database.db.insert(s.messagePreferences).values({ customerId: c2.id, channels: ['email'], language: 'en' });
    const departure = new Date();
    await command(next!.id, 'on_the_way', departure);
    await relayTwice();

    const [message] = (await onTheWayMessages()).filter((m) => m.customerId === c2.id);
    expect(message).toMatchObject({
      channel: 'email',
      to: 'bram@example.nl',
      language: 'en',
      subject: 'Our technician is on the way (BZ-000099)',
    });
    expect(message!.bodyText).toContain(`Expected arrival: around ${expected(departure, 10)}.`);
    // From the last stop (the first visit's address), not from the base.
    expect(seen.at(-1)!.pathname).toMatch(/\/5\.475600,52\.226700;/);
  });

  it('refuses to set out for a visit the team already reached', async () => {
    expect(await command(t.fixtures.v1.id, 'on_the_way', new Date())).toMatchObject({ result: 'conflict' });
  });
});
