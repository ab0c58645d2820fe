import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startPlatform } from './platform-process.ts';

/**
 * The run's platform (e2e/shared-platform.ts) and one browser for a test file, started before its
 * tests and closed after, with the way every role logs in: through the real login page. A suite that
 * changes much of the demo data (the optimiser accepting a whole week) asks for a platform of its own,
 * so the suites after it still find the queue the demo data holds.
 */
export function usePortalSession(opts: { ownPlatform?: boolean } = {}) {
  const shared = inject('platform');
  const platform = { ...shared, login: (role: string) => platform.logins.find((l) => l.role === role)! };
  let browser: Browser;
  let own: Awaited<ReturnType<typeof startPlatform>> | null = null;
  beforeAll(async () => {
    if (opts.ownPlatform) {
      own = await startPlatform();
      Object.assign(platform, { url: own.url, logins: own.logins, mailDropDir: own.mailDropDir });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await own?.stop();
  });

  const newPage = async (): Promise<Page> =>
    (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
  const logIn = async (page: Page, role: string) => {
    const { email, password } = platform.login(role);
    await page.goto(`${platform.url}/login`);
    await page.getByLabel('E-mailadres').first().fill(email);
    await page.getByLabel('Wachtwoord').fill(password!);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  };
  /** A role logged in through the API, for setting up or checking around the browser steps: GET, or POST with a body. */
  const apiAs = async (role: string) => {
    const { email, password } = platform.login(role);
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    return async (path: string, body?: unknown): Promise<unknown> =>
      (
        await fetch(
          `${platform.url}${path}`,
          body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) },
        )
      ).json();
  };
  return {
    platform,
    apiAs,
    get browser() {
      return browser;
    },
    newPage,
    logIn,
    async loggedIn(role: string) {
      const page = await newPage();
      await logIn(page, role);
      return page;
    },
  };
}
