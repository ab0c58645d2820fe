import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps, type BuiltApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { createTestDatabase } from './test-database.ts';
import { loadFixtures, PASSWORD } from './fixtures.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The real app on a fresh database with fixtures; `as(email)` gives a logged-in client. */
export async function createTestApp(env: Record<string, string> = {}, deps: Pick<AppDeps, 'backups' | 'webDist'> = {}) {
  const database = await createTestDatabase();
  const fixtures = await loadFixtures(database);
  const mailDropDir = mkdtempSync(path.join(tmpdir(), 'cc-mail-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MAIL_DROP_DIR: mailDropDir, ...env });
  const built: BuiltApp = await buildApp({ config, database, logger: false, ...deps });
  await built.app.ready();
  const app = built.app;

  async function as(email: string, password = PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    return clientFor(app, res);
  }
  return {
    app,
    built,
    database,
    fixtures,
    config,
    as,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(mailDropDir, { recursive: true, force: true });
    },
  };
}

export function clientFor(app: FastifyInstance, loginResponse: LightMyRequestResponse) {
  const cookie = loginResponse.cookies.find((c) => c.name === 'cc_session')!;
  const csrf = (loginResponse.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `cc_session=${cookie.value}` };
  return {
    cookie: cookie.value,
    csrf,
    get: (url: string, extra: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers: { ...headers, ...extra } }),
    post: (url: string, payload?: unknown, extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'x-csrf-token': csrf, ...extra },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
    put: (url: string, payload: unknown, extra: Record<string, string> = {}) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { ...headers, 'x-csrf-token': csrf, ...extra },
        payload: payload as object,
      }),
    delete: (url: string) => app.inject({ method: 'DELETE', url, headers: { ...headers, 'x-csrf-token': csrf } }),
    patch: (url: string, payload: unknown) =>
      app.inject({ method: 'PATCH', url, headers: { ...headers, 'x-csrf-token': csrf }, payload: payload as object }),
    postWithoutCsrf: (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) }),
  };
}
