import type { BrowserContext, Page } from 'playwright-core';

/**
 * When a person first sees an element: the page records the wall-clock time of the first animation
 * frame after the element entered the DOM, and the bench subtracts the time it asked for the page.
 *
 * Why not the moment Playwright's `waitFor` returns: on the technician app's later load (served by its
 * service worker) Playwright reported a visit card some 450 ms after the frame that painted it, while
 * the page's main thread was idle (probe of 2026-11-30: card in the DOM at 473 ms, painted at 484 ms,
 * seen by Playwright at 980 ms). Playwright still does the waiting; the page says when.
 */
export async function recordFirstShown(context: BrowserContext, selector: string) {
  // A string, not a function: tsx compiles the bench with helpers (`__name`) the page does not have.
  await context.addInitScript(`(() => {
    const wanted = ${JSON.stringify(selector)};
    const check = () => {
      if (window.__firstShownAt !== undefined || !document.querySelector(wanted)) return;
      window.__firstShownAt = -1;
      requestAnimationFrame(() => { window.__firstShownAt = Date.now(); });
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })()`);
}

/** Opens `url` and answers the milliseconds from asking for it until the element was on screen. */
export async function msUntilShown(page: Page, url: string, selector: string): Promise<number> {
  const asked = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
  const deadline = Date.now() + 5_000;
  for (;;) {
    const shownAt = (await page.evaluate('window.__firstShownAt')) as number | undefined;
    if (shownAt && shownAt > 0) return shownAt - asked;
    if (Date.now() > deadline) throw new Error(`no frame recorded for ${selector}; call recordFirstShown first`);
    await page.waitForTimeout(20);
  }
}
