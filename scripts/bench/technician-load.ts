import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser.ts';
import { msUntilShown, recordFirstShown } from './shown-at.ts';

// Chrome DevTools' "Slow 3G", as scripts/bench/web-load.ts emulates it: 400 ms round trip, 400 kbit/s each way.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const NO_THROTTLE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
// What a technician can act on: a visit of the week in the day list.
const VISIT_CARD = 'a[href^="/technician/visits/"]';

async function slowPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // The browser's HTTP cache is off, so a later load is served by the service worker's precache or not at all.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return page;
}

const untilVisitsShow = (page: Page, url: string) => msUntilShown(page, url, VISIT_CARD);

// Polled with evaluate: waitForFunction compiles its text in the page, which the app's CSP (no unsafe-eval) refuses.
async function untilServiceWorkerControls(page: Page) {
  const deadline = Date.now() + 120_000;
  while (!(await page.evaluate('Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)'))) {
    if (Date.now() > deadline) throw new Error('the service worker did not take over the page within 2 minutes');
    await page.waitForTimeout(250);
  }
}

/**
 * The technician app on a phone over slow 3G, in Chromium: the first load (nothing cached, no service
 * worker yet) and a later load (the service worker's precache, the week in IndexedDB, the same slow
 * link), each timed until the first visit of the week is visible. Each run is a fresh phone (context),
 * logged in through the API so the login page does not warm anything.
 */
export async function measureTechnicianLoads(
  baseUrl: string,
  login: { email: string; password: string },
  runs: number,
) {
  const browser = await launchBrowser();
  const first: number[] = [];
  const later: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await recordFirstShown(context, VISIT_CARD);
      const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: login });
      if (!res.ok()) throw new Error(`login ${login.email} answered ${res.status()}`);
      const page = await slowPage(context);
      first.push(await untilVisitsShow(page, `${baseUrl}/technician`));
      // The precache fills in the background; let it finish on a normal link rather than wait minutes.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', NO_THROTTLE);
      await untilServiceWorkerControls(page);
      await page.close();
      later.push(await untilVisitsShow(await slowPage(context), `${baseUrl}/technician`));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { first, later };
}
