import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { latestSigningToken } from '../../modules/quotes/signing-test-helpers.ts';
import { withSession } from './portal-preloads.ts';

let t: TestApp;
const dist = mkdtempSync(path.join(tmpdir(), 'cc-web-dist-'));
const page = `<!doctype html><html><head><title>x</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const script = `console.log(${JSON.stringify('x'.repeat(5000))})`;

/** A build as apps/web/vite-plugins/precompress.ts leaves it: each text file with its .br and .gz. */
function writeWithCopies(file: string, body: string) {
  writeFileSync(file, body);
  writeFileSync(`${file}.br`, brotliCompressSync(body));
  writeFileSync(`${file}.gz`, gzipSync(body));
}

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeWithCopies(path.join(dist, 'index.html'), page);
  writeWithCopies(path.join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(path.join(dist, 'assets', 'small-1.js'), 'export{}');
  t = await createTestApp({}, { webDist: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app goes out compressed', () => {
  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, and plain otherwise', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('compresses the page of a deep link too, and keeps it revalidated', async () => {
    const res = await get('/customer/facturen', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(withSession(page, null));
  });

  it('sends a file that has no compressed copy as it is', async () => {
    const res = await get('/assets/small-1.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export{}');
  });
});

/** The JSON data block the server wrote into a page, parsed; undefined when there is none. */
function sessionIn(html: string): unknown {
  const block = /<script type="application\/json" id="session-data">(.*?)<\/script>/.exec(html)?.[1];
  return block === undefined ? undefined : JSON.parse(block);
}

describe('a page carries the session, so the portal needs no round trip for it', () => {
  it("writes the logged-in user's session (as GET /api/auth/me answers it) into their page, kept out of every cache", async () => {
    const technician = await t.as('tech1@chargecars.nl');
    const me = (await technician.get('/api/auth/me')).json();
    const res = await technician.get('/technician', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toMatch(/cookie/i);
    expect(sessionIn(brotliDecompressSync(res.rawPayload).toString())).toEqual(me);
    expect(me).toMatchObject({ user: { name: 'Tom Technicus', teamName: expect.any(String) } });
  });

  it('writes null for a visitor without a valid session, and revalidates that page as before', async () => {
    for (const headers of [{}, { cookie: 'cc_session=not-a-session' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/login', headers });
      expect(sessionIn(res.body)).toBeNull();
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('leaves the session out of pages that do not read it (a signing link)', async () => {
    const technician = await t.as('tech1@chargecars.nl');
    const res = await technician.get('/sign/some-token');
    expect(sessionIn(res.body)).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe("a link's page carries the answer it reads first", () => {
  const firstAnswerIn = (html: string): unknown => {
    const block = /<script type="application\/json" id="first-answer">(.*?)<\/script>/.exec(html)?.[1];
    return block === undefined ? undefined : JSON.parse(block);
  };

  it('writes the quote part of a signing link into its page, as GET /api/sign/:token answers it in Dutch', async () => {
    const cat = await loadCatalogFixtures(t.database, t.fixtures);
    const ops = await t.as('ops@chargecars.nl');
    const id = (
      await ops.post('/api/quotes/from-template', {
        templateId: cat.template.id,
        customerId: t.fixtures.c1.id,
        answers: { cableMeters: 12 },
      })
    ).json().id as string;
    await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await ops.get(`/api/quotes/${id}`)).json().lockVersion });
    const token = await latestSigningToken(t, 'anna@example.nl');
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/sign/${token}`,
      headers: { 'accept-language': 'nl-NL' },
    });
    expect(api.statusCode).toBe(200);

    const res = await get(`/sign/${token}`, 'br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(firstAnswerIn(brotliDecompressSync(res.rawPayload).toString())).toEqual({
      url: `/api/sign/${token}`,
      language: 'nl-NL',
      body: api.json(),
    });
  });

  it('writes nothing for a link that does not open, so the page shows the refusal as before', async () => {
    const res = await get(`/sign/${'x'.repeat(43)}`);
    expect(res.statusCode).toBe(200);
    expect(firstAnswerIn(res.body)).toBeUndefined();
    expect(firstAnswerIn((await get('/intake/unknown-token')).body)).toBeUndefined();
  });

  it("writes the team's week into the technician app's page for a logged-in technician, and nothing for anyone else", async () => {
    const technician = await t.as('tech1@chargecars.nl');
    const week = (await technician.get('/api/mobile/week')).json();
    const page = await technician.get('/technician/visits/x', { 'accept-encoding': 'br' });
    expect(page.headers['cache-control']).toBe('no-store');
    const html = brotliDecompressSync(page.rawPayload).toString();
    expect(firstAnswerIn(html)).toEqual({ url: '/api/mobile/week', language: 'nl-NL', body: week });
    expect(sessionIn(html)).toMatchObject({ user: { email: 'tech1@chargecars.nl' } });
    expect(firstAnswerIn((await get('/technician')).body)).toBeUndefined();
    const ops = await t.as('ops@chargecars.nl');
    expect(firstAnswerIn((await ops.get('/technician')).body)).toBeUndefined();
  });
});
