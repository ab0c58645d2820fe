import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, clientFor, type TestApp } from '../../test/test-app.ts';
import { emailOutbox } from '../mail.schema.ts';
import { latestDroppedMailFor } from '../mail-drop.ts';
import { PASSWORD } from '../../test/fixtures.ts';
import { customers } from '../../modules/crm/crm.schema.ts';
import { loginThrottles, magicLinks, sessions, users } from './auth.schema.ts';
import { LINKS_PER_ADDRESS, LINKS_PER_EMAIL } from './magic-links.ts';
import { PER_ACCOUNT } from './throttle.ts';
import { hashToken } from './tokens.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('password login and sessions', () => {
  it('logs in, answers /me, and sets an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'OPS@chargecars.nl', password: 'Test-wachtwoord-1' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.role).toBe('operations');
    const me = await clientFor(t.app, res).get('/api/auth/me');
    expect(me.json().user.email).toBe('ops@chargecars.nl');
  });

  it('stores only a hash of the session token', async () => {
    const c = await t.as('planner@chargecars.nl');
    const [row] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(c.cookie)));
    expect(row).toBeDefined();
    const raw = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, c.cookie));
    expect(raw).toHaveLength(0);
  });

  it('rejects a wrong password with problem+json and no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@chargecars.nl', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.cookies).toHaveLength(0);
  });

  it('ends the session on logout', async () => {
    const c = await t.as('admin@chargecars.nl');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after 30 minutes idle and after 12 hours', async () => {
    const idle = await t.as('admin@chargecars.nl');
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.tokenHash, hashToken(idle.cookie)));
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    const old = await t.as('admin@chargecars.nl');
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, hashToken(old.cookie)));
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const c = await t.as('ops@chargecars.nl');
    const res = await c.postWithoutCsrf(`/api/customers/${t.fixtures.c1.id}/notes`, { body: 'zonder token' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const wrong = await c.post(
      `/api/customers/${t.fixtures.c1.id}/notes`,
      { body: 'fout token' },
      { 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrong.statusCode).toBe(403);
  });
});

describe('login throttling', () => {
  const login = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
  // Time passing, without waiting for it: the key's current wait is over.
  const waitIsOver = (key: string) =>
    t.database.db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginThrottles.key, key));

  it('makes repeated failures wait, answering 429 problem+json with Retry-After', async () => {
    const attempt = (password: string) => login('tech2@chargecars.nl', password, '192.0.2.2');
    for (let i = 0; i < PER_ACCOUNT.freeAttempts; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const waiting = await attempt('wrong');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['content-type']).toContain('application/problem+json');
    expect(waiting.json()).toMatchObject({ status: 429, code: 'login_throttled' });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    // During the wait no password is checked, not even the right one.
    expect((await attempt(PASSWORD)).statusCode).toBe(429);
  });

  it('checks one of 20 parallel guesses during a run of failures, and counts all 20 against the address', async () => {
    // A run of failures long enough that the next wait is the longest; its last wait is just over.
    const run = PER_ACCOUNT.freeAttempts + 10;
    await t.database.db.insert(loginThrottles).values({
      key: 'email:tech1@chargecars.nl',
      failures: run,
      windowStartedAt: new Date(),
      lockedUntil: new Date(Date.now() - 1000),
    });
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () => login('tech1@chargecars.nl', 'wrong', '192.0.2.20')),
    );
    const statuses = guesses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    const counted = async (key: string) =>
      (await t.database.db.select().from(loginThrottles).where(eq(loginThrottles.key, key)))[0]!.failures;
    expect(await counted('email:tech1@chargecars.nl')).toBe(run + 1);
    expect(await counted('ip:192.0.2.20')).toBe(20);
  });

  it('lets the owner in after a short wait, however many strangers guessed', async () => {
    const owner = 'partner-b@bravo.example.nl';
    // Twelve strangers, each from its own address, each guessing once the account's wait is over.
    for (let i = 0; i < 12; i++) {
      await waitIsOver(`email:${owner}`);
      expect((await login(owner, 'wrong', `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    const meanwhile = await login(owner, PASSWORD, '192.0.2.99');
    expect(meanwhile.statusCode).toBe(429);
    expect(Number(meanwhile.headers['retry-after'])).toBeLessThanOrEqual(PER_ACCOUNT.maxDelaySeconds);
    await waitIsOver(`email:${owner}`);
    expect((await login(owner, PASSWORD, '192.0.2.99')).statusCode).toBe(200);
  });
});

describe('customer magic links', () => {
  async function requestLink(email: string, remoteAddress = '127.0.0.1') {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/magic-link', remoteAddress, payload: { email } }))
        .statusCode,
    ).toBe(202);
    const mail = await latestDroppedMailFor(t.config.MAIL_DROP_DIR, email);
    return mail ? /token=([\w-]+)/.exec(mail)![1]! : null;
  }
  const consume = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
  // A customer of the test's own, so the per-e-mail counts start at zero.
  async function newCustomer(email: string, number: string) {
    const [customer] = await t.database.db
      .insert(customers)
      .values({
        number,
        name: 'Klant van deze test',
        email,
        phone: '+31611111111',
        status: 'customer',
        sourceEntityId: 'chargecars',
      })
      .returning();
    await t.database.db
      .insert(users)
      .values({ email, name: 'Klant van deze test', role: 'customer', customerId: customer!.id });
  }

  it('keeps the live link out of the outbox that ops read', async () => {
    const token = (await requestLink('anna@example.nl'))!;
    const [stored] = await t.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, 'anna@example.nl'))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(stored!.bodyText).toContain('/login/link?token=[verborgen]');
    expect(stored!.bodyText).not.toContain(token);
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/outbox/emails?pageSize=100')).body).not.toContain(token);
  });

  it('logs a customer in once with a 256-bit token stored hashed', async () => {
    const token = (await requestLink('anna@example.nl'))!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await t.database.db
      .select()
      .from(magicLinks)
      .where(eq(magicLinks.tokenHash, hashToken(token)));
    expect(stored).toHaveLength(1);
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.role).toBe('customer');
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
    expect(second.statusCode).toBe(400);
  });

  it('refuses an expired link and answers 202 for unknown emails without sending mail', async () => {
    const token = (await requestLink('bram@example.nl'))!;
    await t.database.db
      .update(magicLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(magicLinks.tokenHash, hashToken(token)));
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } })).statusCode,
    ).toBe(400);
    expect(await requestLink('niemand@example.nl')).toBeNull();
    // Staff cannot use magic links: they have passwords.
    expect(await requestLink('ops@chargecars.nl')).toBeNull();
  });

  it('sends at most 3 links per e-mail in 15 minutes, answering exactly as for an unknown e-mail', async () => {
    const email = 'carla@example.nl';
    await newCustomer(email, 'KL-000903');
    const answers = [];
    // From five addresses: the e-mail's limit holds however the requests are spread.
    for (let i = 0; i < 5; i++)
      answers.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/magic-link',
          remoteAddress: `192.0.2.${60 + i}`,
          payload: { email },
        }),
      );
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      remoteAddress: '192.0.2.70',
      payload: { email: 'onbekend@example.nl' },
    });
    for (const res of [...answers, unknown])
      expect({ status: res.statusCode, body: res.body }).toEqual({ status: 202, body: unknown.body });
    expect(await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, email))).toHaveLength(
      LINKS_PER_EMAIL,
    );
  });

  it('answers 429 problem+json with Retry-After past 10 requests from one address', async () => {
    const ask = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/magic-link', remoteAddress: '192.0.2.80', payload: { email } });
    for (let i = 0; i < LINKS_PER_ADDRESS; i++) expect((await ask(`iemand${i}@example.nl`)).statusCode).toBe(202);
    const refused = await ask('anna@example.nl');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('ends the older unused link when a newer one is sent', async () => {
    await newCustomer('dirk@example.nl', 'KL-000904');
    const older = (await requestLink('dirk@example.nl', '192.0.2.90'))!;
    const newer = (await requestLink('dirk@example.nl', '192.0.2.90'))!;
    expect(newer).not.toBe(older);
    expect((await consume(older)).statusCode).toBe(400);
    expect((await consume(newer)).statusCode).toBe(200);
  });
});
