/**
 * A cold first load of each portal in Chromium, as a phone on a slow link gets it.
 *
 *   npm run bench:web            (builds the web app, prints the bundle table, then this)
 *   node --import tsx scripts/bench/web-load.ts [--runs 3]
 *
 * Starts the platform as a user does (demo data, built web app, embedded database), logs each role
 * in on a normal link, then opens its portal with the browser cache off under emulated slow 3G
 * (400 ms round trip, 400 kbit/s each way, Chrome DevTools' "Slow 3G"). Per portal it prints the
 * bytes the browser received (compressed, as sent) for JavaScript and in all, and the time until
 * the page's heading (`h1`) is visible: the first thing a person can read and act on. Median and
 * spread of the runs. Goals (issue 16): initial JS under 170 KB for technician, customer and
 * signing, content within 5 s on slow 3G. The last line is one JSON object for tooling.
 */
import os from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser.ts';
import { startPlatform, type Platform } from '../../e2e/platform-process.ts';
import { latestDroppedMailFor } from '../../apps/server/src/platform/mail-drop.ts';
import { msUntilShown, recordFirstShown } from './shown-at.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const JS_GOAL_BYTES = 170 * 1024;
const CONTENT_GOAL_MS = 5_000;

type Target = { portal: string; path: string; role?: string; goal: boolean };

async function logInWithPassword(context: BrowserContext, platform: Platform, role: string) {
  const { email, password } = platform.login(role);
  const page = await context.newPage();
  await page.goto(`${platform.url}/login`);
  await page.getByLabel('E-mailadres').first().fill(email);
  await page.getByLabel('Wachtwoord').fill(password!);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.close();
}

/** Customers have no password: a login link from the mail, opened once. */
async function logInWithLink(context: BrowserContext, platform: Platform) {
  const { email } = platform.login('customer');
  await fetch(`${platform.url}/api/auth/magic-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const mail = (await latestDroppedMailFor(platform.mailDropDir, email))!;
  const page = await context.newPage();
  await page.goto(/https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail)![0]);
  await page.waitForURL(/\/customer/);
  await page.close();
}

/** A signing link as a customer receives it: ops send a quote made from a template. */
async function signingPath(platform: Platform): Promise<string> {
  const { email, password } = platform.login('operations');
  const login = await fetch(`${platform.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const api = async (path: string, body?: unknown) =>
    (
      await fetch(
        `${platform.url}${path}`,
        body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) },
      )
    ).json() as Promise<Record<string, unknown>>;
  const templates = (await api('/api/quote-templates')) as unknown as { id: string; entityId: string }[];
  const customers = (await api('/api/customers?pageSize=50')) as { items: { id: string; entities: string[] }[] };
  const customer = customers.items.find((c) => templates.some((t) => c.entities.includes(t.entityId)))!;
  const template = templates.find((t) => customer.entities.includes(t.entityId))!;
  const created = await api('/api/quotes/from-template', {
    templateId: template.id,
    customerId: customer.id,
    answers: { cableMeters: 12 },
  });
  const quote = await api(`/api/quotes/${created.id as string}`);
  await api(`/api/quotes/${created.id as string}/send`, { lockVersion: quote.lockVersion });
  const mails = (await api('/api/outbox/emails?pageSize=10')) as { items: { bodyText: string }[] };
  const link = mails.items.map((m) => /\/sign\/[\w-]+/.exec(m.bodyText)?.[0]).find(Boolean);
  if (!link) throw new Error('no signing link in the outbox after sending a quote');
  return link;
}

/** JS received before the heading showed (what the page needed), all JS, all bytes, and the time. */
type Measure = { jsBytes: number; laterJsBytes: number; allBytes: number; contentMs: number };

async function coldLoad(context: BrowserContext, url: string): Promise<Measure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const types = new Map<string, string>();
  let jsBytes = 0;
  let allBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  const contentMs = await msUntilShown(page, url, 'h1');
  const beforeContent = jsBytes;
  // What the page fetches after showing (the user menu, the live updates, its lists) counts apart.
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
  await page.close();
  return { jsBytes: beforeContent, laterJsBytes: jsBytes - beforeContent, allBytes, contentMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

const platform = await startPlatform();
const browser = await launchBrowser();
try {
  const targets: Target[] = [
    { portal: 'login', path: '/login', goal: false },
    { portal: 'technician', path: '/technician', role: 'technician', goal: true },
    { portal: 'customer', path: '/customer', role: 'customer', goal: true },
    { portal: 'signing', path: await signingPath(platform), goal: true },
    { portal: 'partner', path: '/partner', role: 'partner', goal: false },
    { portal: 'ops', path: '/ops', role: 'operations', goal: false },
  ];
  const results: Record<
    string,
    { jsBytes: number; laterJsBytes: number; allBytes: number; contentMs: number; spreadMs: number; ok: boolean }
  > = {};
  for (const target of targets) {
    // Service workers blocked: the technician app's worker would answer every load after the first
    // from its cache, and this measures a first visit (bench:mobile measures the cached ones).
    const context = await browser.newContext({
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      serviceWorkers: 'block',
    });
    await recordFirstShown(context, 'h1');
    if (target.role === 'customer') await logInWithLink(context, platform);
    else if (target.role) await logInWithPassword(context, platform, target.role);
    const measures: Measure[] = [];
    for (let i = 0; i < runs; i++) measures.push(await coldLoad(context, `${platform.url}${target.path}`));
    await context.close();
    const jsBytes = median(measures.map((m) => m.jsBytes));
    const contentMs = median(measures.map((m) => m.contentMs));
    results[target.portal] = {
      jsBytes,
      laterJsBytes: median(measures.map((m) => m.laterJsBytes)),
      allBytes: median(measures.map((m) => m.allBytes)),
      contentMs: Math.round(contentMs),
      spreadMs: Math.round(spread(measures.map((m) => m.contentMs))),
      ok: !target.goal || (jsBytes <= JS_GOAL_BYTES && contentMs <= CONTENT_GOAL_MS),
    };
  }
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(9);
  console.log(`\ncold load on slow 3G (400 ms, 400 kbit/s), cache off, median of ${runs}`);
  console.log(
    'portal     JS KB before content   JS KB after   all KB  content ms  spread ms  goal (JS <170 KB, content <5 s)',
  );
  for (const [portal, r] of Object.entries(results)) {
    const goal = targets.find((t) => t.portal === portal)!.goal ? (r.ok ? 'ok' : 'MISSED') : '-';
    console.log(
      `${portal.padEnd(10)} ${kb(r.jsBytes).padStart(20)} ${kb(r.laterJsBytes).padStart(13)} ${kb(r.allBytes)} ${String(r.contentMs).padStart(11)} ${String(r.spreadMs).padStart(10)}  ${goal}`,
    );
  }
  console.log(`cores (os.availableParallelism): ${os.availableParallelism()}`);
  console.log(JSON.stringify({ bench: 'web-load', runs, cores: os.availableParallelism(), portals: results }));
} finally {
  await browser.close();
  await platform.stop();
}
