import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { sessions } from '../auth/auth.schema.ts';
import { hashToken } from '../auth/tokens.ts';

/** The client address the server recorded for a login: the address every per-address limit uses. */
async function addressOfLogin(t: TestApp, headers: Record<string, string>, remoteAddress = '127.0.0.1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { email: 'ops@chargecars.nl', password: 'Test-wachtwoord-1' },
  });
  expect(res.statusCode).toBe(200);
  const token = res.cookies.find((c) => c.name === 'cc_session')!.value;
  const [row] = await t.database.db
    .select({ ip: sessions.ip })
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  return row!.ip;
}

describe('without configured proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WEB_FORM_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ignores X-Forwarded-For: a client cannot choose its own address', async () => {
    expect(await addressOfLogin(t, { 'x-forwarded-for': '198.51.100.7' })).toBe('127.0.0.1');
  });

  it('counts web-form leads per real address however the header varies', async () => {
    // The limit counts per clock minute: start early in one, so the three requests share it even on a slow machine.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const lead = {
        email: `web${i}@example.nl`,
        name: 'Web Klant',
        phone: `061112223${i}`,
        address: { postcode: '1012 LG', houseNumber: 40 + i, street: 'Damrak', city: 'Amsterdam' },
      };
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/leads',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: lead,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('behind a configured proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the client address the proxy forwarded', async () => {
    expect(await addressOfLogin(t, { 'x-forwarded-for': '198.51.100.7' })).toBe('198.51.100.7');
    expect(await addressOfLogin(t, { 'x-forwarded-for': '198.51.100.8, 10.1.2.3' })).toBe('198.51.100.8');
  });

  it('ignores the header from a peer that is not a configured proxy', async () => {
    expect(await addressOfLogin(t, { 'x-forwarded-for': '198.51.100.7' }, '203.0.113.9')).toBe('203.0.113.9');
  });
});
