import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@chargecars/contract';
import { latestDroppedMailFor } from '../apps/server/src/platform/mail-drop.ts';
import { portalPages, pagesFor, type PortalPage } from '../apps/web/src/app/routes/portal-pages.ts';
import { nlPortals as text } from '../apps/web/src/lib/i18n/messages-nl-portals.ts';
import { accessibilityProblemsAtWidths, WIDTHS } from './accessibility.ts';
import { usePortalSession } from './portal-session.ts';

// Every role logs in to its portal, reads the menu as the browser shows it and opens every entry, then
// every link on those pages that leads to another page of the portal ("Nieuwe lead", a row's detail),
// each kind of page once, and fetches each kind of download they link to (PDF, UBL). A page fails on an error notice, "not found", a render error or an API call
// answered 4xx/5xx. The menus must be the ones the web's page lists give (portal-pages.ts), and every
// page on those lists must be reached by the roles it is for: a page no menu or button leads to fails.
// Each page is also checked at 390 and 1366 px: axe-core's WCAG 2.1 A/AA rules and no sideways scroll.
// Screenshots of every page are left in SCREENSHOTS for a person to look through. Roles walk two at a
// time (maxConcurrency in vitest.e2e.config.ts), each in a tab of its own; the last check waits for all.
const session = usePortalSession();
const SCREENSHOTS = path.join(tmpdir(), 'cc-menu-walk');
const reached = new Map<Role, Set<string>>();
// Answers that are a page's designed state, not a failure: on PostgreSQL the backups page is told (409)
// that the database backs itself up, and says so.
const DESIGNED_ANSWERS = process.env.DATABASE_URL ? ['GET /api/admin/backups 409'] : [];

type Portal = keyof typeof portalPages;
const pagesOf: Record<Portal, readonly PortalPage[]> = portalPages;
const PORTALS = Object.keys(pagesOf) as Portal[];
const portalOf = (role: Role) => PORTALS.find((p) => pagesFor(pagesOf[p], role).length > 0);

/** The page of the list a path opens: a fixed path before a pattern (`/ops/leads/new` before `/ops/leads/:id`). */
function pageAt(pages: readonly PortalPage[], pathname: string) {
  const pattern = (p: PortalPage) => new RegExp(`^${p.path.replace(/:[^/]+/g, '[^/]+')}$`);
  return pages.find((p) => p.path === pathname) ?? pages.find((p) => p.path.includes(':') && pattern(p).test(pathname));
}

/** One role's browser tab, with everything that went wrong on it since it was armed. */
async function openTab(role: Role) {
  const page = await session.newPage();
  await page.setViewportSize(WIDTHS[0]);
  const origin = session.platform.url;
  const problems: string[] = [];
  let where = 'login';
  let armed = false;
  let shots = 0;
  let inFlight = 0;
  let lastTraffic = Date.now();
  const ours = (r: Request) => r.url().startsWith(origin);
  const finished = (r: Request) => {
    if (ours(r)) {
      inFlight--;
      lastTraffic = Date.now();
    }
  };
  page.on('request', (r) => {
    if (ours(r)) {
      inFlight++;
      lastTraffic = Date.now();
    }
  });
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('response', (r) => {
    if (!armed || !r.url().startsWith(`${origin}/api/`) || r.status() < 400) return;
    const answer = `${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`;
    if (!DESIGNED_ANSWERS.includes(answer)) problems.push(`${where}: ${answer}`);
  });
  page.on('pageerror', (e) => problems.push(`${where}: ${e.message}`));

  /** Waits until the page has fetched everything it asked for and shows no spinner. */
  async function settle() {
    const started = Date.now();
    while (
      inFlight > 0 ||
      Date.now() - lastTraffic < 200 ||
      (await page.getByText(text['common.loading']).count()) > 0
    ) {
      if (Date.now() - started > 15_000) return problems.push(`${where}: still loading after 15 s`);
      await page.waitForTimeout(50);
    }
  }

  return {
    page,
    problems,
    /** From here on an API answer of 4xx/5xx counts (the login page's own 401 before logging in does not). */
    arm() {
      armed = true;
    },
    /** Does `go` (a click) as the page `here`, then checks the page it leads to and keeps a screenshot. */
    async open(here: string, expectedPath: string, go: () => Promise<unknown>, clicked = true) {
      where = here;
      await go();
      await settle();
      // A link click moves focus to the new page (its heading), not left behind on the link.
      if (clicked) {
        const inMain = () => page.evaluate("!!document.activeElement?.closest('main')") as Promise<boolean>;
        let moved = await inMain();
        for (let i = 0; i < 10 && !moved; i++) {
          await page.waitForTimeout(100);
          moved = await inMain();
        }
        if (!moved) problems.push(`${here}: focus stayed outside the page after the link was followed`);
      }
      const at = new URL(page.url()).pathname;
      if (at !== expectedPath) problems.push(`${here}: ended at ${at}`);
      for (const alert of await page.locator('[role=alert]:visible').allTextContents())
        if (alert.trim()) problems.push(`${here}: shows "${alert.trim()}"`);
      if ((await page.getByRole('heading', { name: text['notFound.title'] }).count()) > 0)
        problems.push(`${here}: "${text['notFound.title']}"`);
      for (const problem of await accessibilityProblemsAtWidths(page)) problems.push(`${here} ${problem}`);
      shots++;
      await page.screenshot({
        quality: 70,
        path: path.join(
          SCREENSHOTS,
          role,
          `${String(shots).padStart(2, '0')}${expectedPath.replaceAll('/', '_')}.jpeg`,
        ),
      });
    },
  };
}
type Tab = Awaited<ReturnType<typeof openTab>>;

async function logIn(tab: Tab, role: Role) {
  const { url, login, mailDropDir } = session.platform;
  const { email, password } = login(role);
  if (password === null) {
    // Customers have no password: they ask for a login link and open it from the mail.
    await fetch(`${url}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const mail = (await latestDroppedMailFor(mailDropDir, email))!;
    tab.arm();
    await tab.page.goto(/https?:\/\/\S+\/login\/link\?token=[\w-]+/.exec(mail)![0]);
    return;
  }
  await tab.page.goto(`${url}/login`);
  await tab.page.getByLabel('E-mailadres').first().fill(email);
  await tab.page.getByLabel('Wachtwoord').fill(password);
  tab.arm();
  await tab.page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Opens every link in the page's main part that leads to a page of the portal not opened yet (menu
 * pages excepted: the menu walk opens those), checks it, follows its links in turn, and comes back.
 */
async function followLinks(tab: Tab, role: Role, pages: readonly PortalPage[], from: string, seen: Set<string>) {
  const { page } = tab;
  const origin = new URL(session.platform.url).origin;
  const portalRoot = pages[0]!.path;
  await fetchDownloads(tab, from, seen);
  const hrefs = await page
    .locator('main a[href]:not([target]):not([download]):visible')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
  for (const href of hrefs) {
    const target = new URL(href, origin);
    if (target.origin !== origin || !(target.pathname === portalRoot || target.pathname.startsWith(`${portalRoot}/`)))
      continue;
    const destination = pageAt(pages, target.pathname);
    if (!destination) {
      tab.problems.push(`${from}: links to ${target.pathname}, which no page of the portal answers`);
      continue;
    }
    if (destination.reach === 'menu' || seen.has(destination.path)) continue;
    seen.add(destination.path);
    const mayOpen = destination.roles.includes(role);
    if (!mayOpen) tab.problems.push(`${from}: offers ${target.pathname}, a page ${role} may not open`);
    await tab.open(`${target.pathname} (from ${from})`, target.pathname, () =>
      page.locator(`main a[href="${href}"]:visible`).first().click(),
    );
    if (mayOpen) await followLinks(tab, role, pages, target.pathname, seen);
    await page.goBack();
  }
}

/** Links from a page to the API (a quote's or invoice's PDF, UBL, the API docs) answer too: each kind once. */
async function fetchDownloads(tab: Tab, from: string, seen: Set<string>) {
  const hrefs = await tab.page
    .locator('main a[href^="/api/"]:visible')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
  for (const href of hrefs) {
    const kind = href.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    if (seen.has(kind)) continue;
    seen.add(kind);
    const answer = await tab.page.request.get(`${session.platform.url}${href}`);
    if (!answer.ok()) tab.problems.push(`${from}: the link to ${href} answered ${answer.status()}`);
  }
}

describe('every page is reachable by every role that needs it', () => {
  beforeAll(async () => {
    await rm(SCREENSHOTS, { recursive: true, force: true });
    await Promise.all(ROLES.map((role) => mkdir(path.join(SCREENSHOTS, role), { recursive: true })));
    // The demo partner has no leads at this scale; it sends one through its API, as partners do, so
    // that its lead inbox has a row to open.
    const asPartner = await session.apiAs('partner');
    const { partnerId } = ((await asPartner('/api/auth/me')) as { user: { partnerId: string } }).user;
    const { secret } = (await asPartner(`/api/partners/${partnerId}/api-keys`, {
      name: 'menu-walk',
      scopes: ['leads:write'],
    })) as { secret: string };
    const sent = await fetch(`${session.platform.url}/api/v1/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'menu-walk@example.nl',
        name: 'Menu Walk',
        phone: '0612345098',
        address: { postcode: '3861 AB', houseNumber: 5 },
      }),
    });
    expect(sent.status).toBe(201);
  });

  it.concurrent.for(ROLES)(
    "%s: the menu is the role's page list and every page it leads to opens",
    async (role, { expect }) => {
      const portal = portalOf(role);
      expect(portal, `${role} has no pages in portal-pages.ts`).toBeDefined();
      const pages = pagesOf[portal!];
      const expectedMenu = pagesFor(pages, role)
        .filter((p) => p.reach === 'menu')
        .map((p) => p.path);
      expect(expectedMenu.length, `${role} has no menu`).toBeGreaterThan(0);

      const tab = await openTab(role);
      await logIn(tab, role);
      await tab.page.waitForURL((u) => u.pathname.startsWith(`/${portal}`), { timeout: 20_000 });
      await tab.page.locator('main#main').waitFor();

      // A portal with one page shows no menu (portal-shell.tsx): its page is where the role lands.
      const nav = tab.page.getByRole('navigation', { name: text['nav.main'] });
      const menu =
        (await nav.count()) > 0
          ? await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
          : [];
      expect.soft(menu, `${role}'s rendered menu`).toEqual(expectedMenu.length === 1 ? [] : expectedMenu);

      const seen = new Set<string>(expectedMenu);
      for (const entry of menu.length > 0 ? menu : expectedMenu) {
        await tab.open(
          entry,
          entry,
          () => (menu.length > 0 ? nav.locator(`a[href="${entry}"]`).click() : Promise.resolve()),
          menu.length > 0,
        );
        await followLinks(tab, role, pages, entry, seen);
      }
      reached.set(role, seen);
      await tab.page.context().close();
      expect(tab.problems).toEqual([]);
    },
  );

  it('every page of every portal is reached by each role it is for (details: by one of them)', () => {
    const unreached: string[] = [];
    for (const page of PORTALS.flatMap((p) => pagesOf[p])) {
      const missedBy = page.roles.filter((r) => !reached.get(r)?.has(page.path));
      if (
        page.roles.length === 0 ||
        (page.reach === 'detail' ? missedBy.length === page.roles.length : missedBy.length > 0)
      )
        unreached.push(`${page.path} (${page.reach}) not reached by ${missedBy.join(', ') || 'any role'}`);
    }
    expect(unreached).toEqual([]);
  });
});
