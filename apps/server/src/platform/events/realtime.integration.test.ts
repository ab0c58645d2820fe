import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type BuiltApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { sessions } from '../auth/auth.schema.ts';
import { hashToken } from '../auth/tokens.ts';
import { SESSION_ENDED } from './realtime.ts';
import { emitEvent } from './outbox.ts';
import { randomUUID } from 'node:crypto';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  base = `ws://127.0.0.1:${addr.port}/api/subscribe/updates`;
});
afterAll(async () => {
  await t?.close();
});

/** Opens a subscription and collects what arrives, the HTTP status of a refusal, and the close code. */
async function subscribe(url: string, cookie?: string, origin?: string) {
  const messages: { type: string; subject?: { id: string } }[] = [];
  const headers = { ...(cookie ? { cookie: `cc_session=${cookie}` } : {}), ...(origin ? { origin } : {}) };
  const ws = new WebSocket(url, { headers });
  const state = { refusedWith: 0, closedWith: 0 };
  ws.on('close', (code) => {
    state.closedWith = code;
  });
  const opened = await new Promise<boolean>((resolve) => {
    ws.on('message', (m) => {
      const msg = JSON.parse(String(m));
      messages.push(msg);
      if (msg.type === 'subscribed') resolve(true);
    });
    ws.on('unexpected-response', (_req, res) => {
      state.refusedWith = res.statusCode ?? 0;
      resolve(false);
    });
    ws.on('error', () => resolve(false));
  });
  return { ws, opened, messages, state };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('WebSocket updates', () => {
  it('refuses an unauthenticated subscriber', async () => {
    const { opened } = await subscribe(base);
    expect(opened).toBe(false);
  });

  it('pushes an event to staff and not to a partner who may not see it', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const partner = await t.as('partner-a@alfa.example.nl');
    const staffSub = await subscribe(base, ops.cookie);
    const partnerSub = await subscribe(base, partner.cookie);
    expect(staffSub.opened && partnerSub.opened).toBe(true);
    await ops.post(`/api/customers/${t.fixtures.c1.id}/notes`, { body: 'realtime' });
    expect(await waitFor(() => staffSub.messages.some((m) => m.type === 'customer.note_added'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(partnerSub.messages.some((m) => m.type === 'customer.note_added')).toBe(false);
    staffSub.ws.close();
    partnerSub.ws.close();
  });

  it("sends an event's data to staff only: a partner and a customer hear that a quote changed, not its totals", async () => {
    const ops = await t.as('ops@chargecars.nl');
    const partner = await t.as('partner-a@alfa.example.nl');
    const subs = [await subscribe(base, ops.cookie), await subscribe(base, partner.cookie)];
    expect(subs.every((s) => s.opened)).toBe(true);
    const quoteId = randomUUID();
    await emitEvent(t.database.db, {
      type: 'quote.revised',
      subjectType: 'quote',
      subjectId: quoteId,
      data: { version: 2, customerTotalCents: 123_400, partnerTotalCents: 56_700, changeNote: null },
      audience: { partnerId: t.fixtures.partnerA.id, customerId: t.fixtures.c1.id },
    });
    const revised = (s: (typeof subs)[number]) =>
      s.messages.find((m) => m.type === 'quote.revised' && m.subject?.id === quoteId) as { data?: unknown } | undefined;
    expect(await waitFor(() => subs.every((s) => revised(s)))).toBe(true);
    expect(revised(subs[0]!)!.data).toMatchObject({ customerTotalCents: 123_400, partnerTotalCents: 56_700 });
    expect(revised(subs[1]!)!.data).toBeUndefined();
    for (const s of subs) s.ws.close();
  });

  it('accepts pages of the platform itself and refuses a foreign Origin with 403 before the upgrade', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const own = await subscribe(base, ops.cookie, new URL(t.config.PUBLIC_URL).origin);
    expect(own.opened).toBe(true);
    own.ws.close();
    const foreign = await subscribe(base, ops.cookie, 'https://evil.example');
    expect(foreign.opened).toBe(false);
    expect(foreign.state.refusedWith).toBe(403);
  });

  it('closes the socket when its session logs out', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const sub = await subscribe(base, ops.cookie);
    expect(sub.opened).toBe(true);
    expect((await ops.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await waitFor(() => sub.state.closedWith === SESSION_ENDED)).toBe(true);
  });

  it('pushes nothing more to a socket whose session went idle, and closes it', async () => {
    const planner = await t.as('planner@chargecars.nl');
    const sub = await subscribe(base, planner.cookie);
    expect(sub.opened).toBe(true);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.tokenHash, hashToken(planner.cookie)));
    const ops = await t.as('ops@chargecars.nl');
    await ops.post(`/api/customers/${t.fixtures.c1.id}/notes`, { body: 'na de sessie' });
    expect(await waitFor(() => sub.state.closedWith === SESSION_ENDED)).toBe(true);
    expect(sub.messages.some((m) => m.type === 'customer.note_added')).toBe(false);
  });

  // Two server processes on one PostgreSQL: an event committed through one reaches subscribers of the other.
  it.runIf(!!process.env.DATABASE_URL)('fans out across two instances through LISTEN/NOTIFY', async () => {
    let second: Database | null = null;
    let built: BuiltApp | null = null;
    try {
      second = await openDatabase({ url: t.database.url! });
      built = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: second, logger: false });
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (built.app.server.address() as { port: number }).port;
      const ops = await t.as('ops@chargecars.nl');
      const sub = await subscribe(`ws://127.0.0.1:${port}/api/subscribe/updates`, ops.cookie);
      expect(sub.opened).toBe(true);
      await ops.post(`/api/customers/${t.fixtures.c2.id}/notes`, { body: 'via instance one' });
      expect(
        await waitFor(() =>
          sub.messages.some((m) => m.type === 'customer.note_added' && m.subject?.id === t.fixtures.c2.id),
        ),
      ).toBe(true);
      sub.ws.close();
    } finally {
      await built?.app.close();
      await second?.close();
    }
  });
});
