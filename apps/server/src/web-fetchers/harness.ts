import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { seedDemoData, type SeedSummary } from '../../../../scripts/seed/seed-demo.ts';
import { buildApp, type BuiltApp } from '../app.ts';
import { backupsOf } from '../platform/backup.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { startWebhookReceiver } from '../test/webhook-receiver.ts';

/**
 * The world the web-fetcher cases run in: one demo database and app for all of them, the sessions of
 * each role, and what earlier cases leave for later ones. The bindings are live: they are set by
 * openWorld, which the test calls before any case runs.
 */

/** How one endpoint is called as the web calls it: the responses its parsers must read. */
export type Cases = Record<string, () => Promise<LightMyRequestResponse[]>>;

export type Session = {
  cookie: string;
  csrf: string;
  userId: string;
  partnerId: string | null;
  customerId: string | null;
  teamId: string | null;
};
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export let built: BuiltApp;
export let database: Awaited<ReturnType<typeof createTestDatabase>>;
let embedded: Database;
export let demo: SeedSummary;
export let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
export let scratch: string;
export const as: Record<string, Session> = {};

export async function call(
  who: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = `cc_session=${who.cookie}`;
  if (who && method !== 'GET') headers['x-csrf-token'] = who.csrf;
  return built.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
export const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
export function sessionOf(res: LightMyRequestResponse): Session {
  const { user, csrfToken } = ok(res) as {
    user: { id: string; partnerId: string | null; customerId: string | null; teamId: string | null };
    csrfToken: string;
  };
  return {
    cookie: res.cookies.find((c) => c.name === 'cc_session')!.value,
    csrf: csrfToken,
    userId: user.id,
    partnerId: user.partnerId,
    customerId: user.customerId,
    teamId: user.teamId,
  };
}
export const loginOf = (role: string) => demo.logins.find((l) => l.role === role)!;
export const logIn = (email: string, password: string) => call(null, 'POST', '/api/auth/login', { email, password });
export async function row<T>(sqlText: string, params: unknown[] = []): Promise<T> {
  const rows = (await database.execute(sqlText, params)).rows as T[];
  if (!rows[0]) throw new Error(`no demo row for: ${sqlText}`);
  return rows[0];
}
/** The link a mail carried, read from the outbox as the recipient would read it in the mail. */
export const linkTokenIn = (to: string, kind: 'sign' | 'intake') =>
  row<{ token: string }>(
    `select substring(body_text from '/${kind}/([\\w-]+)') token from email_outbox where "to" = $1 and body_text like '%/${kind}/%' order by created_at desc, id desc limit 1`,
    [to],
  ).then((r) => r.token);
/** The newest signing link mailed for a quote, to whichever side signs it (the demo customer's quotes may be the partner's to sign). */
export const signingTokenOf = async (quoteId: string) => {
  const { number } = await row<{ number: string }>('select number from quotes where id = $1', [quoteId]);
  return (
    await row<{ token: string }>(
      `select substring(body_text from '/sign/([\\w-]+)') token from email_outbox where subject like '%' || $1 || '%' and body_text like '%/sign/%' order by created_at desc, id desc limit 1`,
      [number],
    )
  ).token;
};
export const today = () => new Date().toISOString().slice(0, 10);

/** Seeds the demo (scale 0.02), starts the app and a webhook receiver, and signs in one user per role. */
export async function openWorld() {
  database = await createTestDatabase();
  demo = await seedDemoData(database, { scale: 0.02 });
  scratch = mkdtempSync(path.join(tmpdir(), 'cc-web-fetchers-'));
  // Backups are of an embedded database on disk, as the server's are; the demo database may be PostgreSQL.
  embedded = await openDatabase({ dataDir: path.join(scratch, 'data') });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MAIL_DROP_DIR: path.join(scratch, 'mail'),
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    PLANNING_OPTIMISE_SECONDS: '1',
  });
  built = await buildApp({
    config,
    database,
    logger: false,
    backups: backupsOf(embedded.pglite!, path.join(scratch, 'backups'), 10),
  });
  await built.app.ready();
  receiver = await startWebhookReceiver();
  for (const role of ['admin', 'operations', 'planner', 'warehouse', 'partner']) {
    const { email, password } = loginOf(role);
    as[role] = sessionOf(await logIn(email, password!));
  }
  // The technician of a team with a visit still to do, so completing one is theirs to do.
  const visit = await row<{ code: string }>(
    "select t.code from visits v join teams t on t.id = v.team_id where v.status = 'scheduled' order by v.scheduled_date limit 1",
  );
  as.technician = sessionOf(
    await logIn(`monteur.${visit.code.toLowerCase()}@chargecars.nl`, loginOf('technician').password!),
  );
}

export async function closeWorld() {
  await receiver?.close();
  await built?.app.close();
  await database?.drop();
  await embedded?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

/** What the cases leave for later ones (a quote they created, a link a mail carried). */
export const made: Record<string, string> = {};
export const firstId = async (who: Session, url: string) =>
  (ok(await call(who, 'GET', url)) as { items: { id: string }[] }).items[0]!.id;
