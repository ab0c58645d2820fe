import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(async () => {
  await t?.close();
});

// The OpenAPI document is a large JSON answer every caller may read.
const LARGE = '/api/openapi.json';

describe('API answers go out compressed', () => {
  it('sends brotli or gzip as accepted, the same JSON as plain, and says it varies', async () => {
    const plain = await t.app.inject({ method: 'GET', url: LARGE });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const br = await t.app.inject({ method: 'GET', url: LARGE, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await t.app.inject({ method: 'GET', url: LARGE, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    const refused = await t.app.inject({
      method: 'GET',
      url: LARGE,
      headers: { 'accept-encoding': 'br;q=0, gzip;q=0' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a logged-in list and a problem answer, not a small one', async () => {
    let url = '';
    for (const candidate of ['/api/messages/templates', '/api/catalog/items', '/api/customers']) {
      const res = await ops.get(candidate);
      if (res.statusCode === 200 && res.rawPayload.length > 1024) {
        url = candidate;
        break;
      }
    }
    expect(url, 'a staff list over 1 KB in the fixtures').not.toBe('');
    const plain = await ops.get(url);
    const list = await ops.get(url, { 'accept-encoding': 'br' });
    expect(list.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(list.rawPayload).toString())).toEqual(plain.json());
    const missing = await ops.get('/api/orders/00000000-0000-4000-8000-000000000000', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const small = await ops.get('/api/customers?pageSize=1', { 'accept-encoding': 'br' });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toHaveProperty('items');
  });

  it('never compresses the session answers, which carry the CSRF token', async () => {
    const me = await ops.get('/api/auth/me', { 'accept-encoding': 'br, gzip' });
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json()).toHaveProperty('csrfToken');
  });
});
