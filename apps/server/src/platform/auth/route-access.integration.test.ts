import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await t?.close();
});

/** Sends one raw HTTP/1.1 request line, as a fuzzer would, and answers the status code. */
function rawStatus(requestLine: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (d) => {
      data += String(d);
    });
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('access is decided from the matched route, not from how the URL is spelled', () => {
  const spellings = [
    '/%61pi/customers',
    '/%61%70%69/customers',
    '/api/%63ustomers',
    '/api//customers',
    '/api/customers/',
    '/API/customers',
  ];

  it('refuses an anonymous caller however the path is encoded', async () => {
    for (const url of spellings) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([401, 404], `${url} answered ${res.statusCode}`).toContain(res.statusCode);
      expect(res.body).not.toContain('Anna de Vries');
    }
    const backup = await t.app.inject({ method: 'POST', url: '/%61pi/admin/backups' });
    expect([401, 404]).toContain(backup.statusCode);
  });

  it('refuses a partner on a staff route spelled differently', async () => {
    const partner = await t.as('partner-a@alfa.example.nl');
    const res = await partner.get('/%61pi/customers');
    expect(res.statusCode).toBe(403);
  });

  it('refuses absolute-form request lines over real HTTP', async () => {
    expect(await rawStatus('GET http://127.0.0.1/api/partners HTTP/1.1')).toBe(400);
    expect(await rawStatus('GET http://127.0.0.1/api/customers HTTP/1.1')).toBe(400);
    expect(await rawStatus('GET /%61pi/partners HTTP/1.1')).toBe(401);
    expect(await rawStatus('GET /api/partners HTTP/1.1')).toBe(401);
  });
});
