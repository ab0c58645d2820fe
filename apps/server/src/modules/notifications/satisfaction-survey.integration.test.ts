import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { completeOrderVisits } from '../../test/complete-order-visits.ts';
import * as s from '../../platform/db/schema.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';

let t: TestApp;
let subscriber: QueuedSubscriber;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://platform.example.nl' });
  subscriber = t.built.workers.subscribers.find(
    (x) => x.queue === 'event.notifications.satisfaction-survey',
  ) as QueuedSubscriber;
});
afterAll(() => t?.close());

async function relayTwice() {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  for (const row of [...rows, ...rows])
    if ((subscriber.eventTypes as string[]).includes(row.type)) await subscriber.handle(relayedEvent(row) as never);
}
const survey = (method: 'GET' | 'POST', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/surveys/${path}`, ...(payload ? { payload } : {}) });

describe('the satisfaction survey', () => {
  it('asks once after the installation, with a link only the customer has', async () => {
    const { o1, v1 } = t.fixtures;
    await completeOrderVisits(t, o1.id);
    await relayTwice();
    const mails = await t.database.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.messageType, 'satisfaction_survey'));
    expect(mails).toHaveLength(1);
    token = /https:\/\/platform\.example\.nl\/survey\/([\w-]{43})/.exec(mails[0]!.bodyText)![1]!;
    const [row] = await t.database.db.select().from(s.satisfactionSurveys);
    expect(row).toMatchObject({ visitId: v1.id, score: null, answeredAt: null });
    expect(row!.tokenHash).not.toContain(token);
  });

  it('lets the customer answer from the link once, with a score from 1 to 10', async () => {
    const opened = await survey('GET', token);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      visitNumber: t.fixtures.v1.number,
      visitType: 'installation',
      brandName: 'ChargeCars',
      customerName: 'Anna de Vries',
      answered: false,
      score: null,
    });
    expect((await survey('POST', token, { score: 11 })).statusCode).toBe(400);
    expect((await survey('POST', token, { score: 0 })).statusCode).toBe(400);
    const answered = await survey('POST', token, { score: 8, remark: '  Netjes gewerkt, kabel strak weggewerkt.  ' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      answered: true,
      score: 8,
      remark: 'Netjes gewerkt, kabel strak weggewerkt.',
    });
    const again = await survey('POST', token, { score: 2 });
    expect(again.statusCode).toBe(409);
    expect((await survey('GET', token)).json()).toMatchObject({ score: 8 });
    expect((await survey('GET', 'x'.repeat(43))).statusCode).toBe(404);
    expect((await survey('POST', 'x'.repeat(43), { score: 5 })).statusCode).toBe(404);
  });

  it('shows ops the scores per visit, order and team, with averages', async () => {
    const { o1, v1, team1 } = t.fixtures;
    const ops = await t.as('ops@chargecars.nl');
    const overview = (await ops.get('/api/satisfaction')).json();
    expect(overview).toMatchObject({ asked: 1, answered: 1, average: 8, total: 1 });
    expect(overview.teams).toEqual([{ teamId: team1.id, teamName: expect.any(String), answered: 1, average: 8 }]);
    expect(overview.items[0]).toMatchObject({
      visitId: v1.id,
      orderId: o1.id,
      orderNumber: o1.number,
      teamId: team1.id,
      score: 8,
      remark: 'Netjes gewerkt, kabel strak weggewerkt.',
    });
    expect((await ops.get('/api/satisfaction?answered=false')).json()).toMatchObject({ total: 0, items: [] });
    expect((await ops.get(`/api/satisfaction?teamId=${t.fixtures.team2.id}`)).json()).toMatchObject({
      asked: 0,
      teams: [],
    });
    const customer = await t.as('partner-a@alfa.example.nl');
    expect((await customer.get('/api/satisfaction')).statusCode).toBe(403);
  });
});
