import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
const dist = mkdtempSync(path.join(tmpdir(), 'cc-web-dist-'));
beforeAll(async () => {
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>',
  );
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ PUBLIC_URL: 'https://platform.chargecars.nl' }, { webDist: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('security headers', () => {
  it('sends them on every kind of answer, errors included', async () => {
    for (const url of [
      '/',
      '/ops/klanten',
      '/assets/index-abc123.js',
      '/api/auth/me',
      '/api/nope',
      '/readyz',
      '/api/docs',
    ]) {
      const res = await get(url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['permissions-policy'], url).toContain('camera=()');
      expect(res.headers['strict-transport-security'], url).toContain('max-age=');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });

  it('lets the web app load only its own scripts, and API answers load nothing and are never stored', async () => {
    const page = await get('/ops/klanten');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    for (const url of ['/api/auth/me', '/api/nope', '/%61pi/customers']) {
      const res = await get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'none'");
    }
    const docs = await get('/api/docs');
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('revalidates the page every time and keeps hashed assets for good', async () => {
    for (const url of ['/', '/index.html', '/ops/klanten', '/favicon.svg'])
      expect((await get(url)).headers['cache-control'], url).toBe('no-cache');
    expect((await get('/assets/index-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('without https', () => {
  it('sends no HSTS (a browser would refuse plain http to the host afterwards)', async () => {
    const plain = await createTestApp({ PUBLIC_URL: 'http://localhost:3000' });
    try {
      expect(
        (await plain.app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security'],
      ).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
