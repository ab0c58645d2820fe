// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { logout } from '../features/auth/api/logout';
import { App } from './app';

// The server is outside the process: a small fake answers like docs/api-foundation.md.
// Everything of ours (router, lazy portals, guards, http client, forms) runs for real.
type Call = { method: string; url: string; headers: Record<string, string>; body: unknown };
const calls: Call[] = [];
let loggedInAs: string | null = null;

const users: Record<string, { role: string; name: string }> = {
  'ops@chargecars.nl': { role: 'operations', name: 'Olga Ops' },
  'monteur@chargecars.nl': { role: 'technician', name: 'Tom Monteur' },
};

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
}
function session(email: string) {
  const u = users[email]!;
  return {
    user: {
      id: 'u-' + u.role,
      email,
      name: u.name,
      role: u.role,
      locale: 'nl',
      partnerId: null,
      partnerName: null,
      teamId: 't1',
      teamName: 'Team Utrecht',
      customerId: null,
    },
    csrfToken: 'csrf-' + u.role,
  };
}

async function fakeServer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input), 'http://localhost');
  const method = init?.method ?? 'GET';
  const body = init?.body ? JSON.parse(String(init.body)) : undefined;
  calls.push({
    method,
    url: url.pathname + url.search,
    headers: (init?.headers ?? {}) as Record<string, string>,
    body,
  });
  switch (`${method} ${url.pathname}`) {
    case 'GET /api/auth/me':
      return loggedInAs
        ? json(200, session(loggedInAs))
        : json(401, { type: 'about:blank', title: 'Niet ingelogd', status: 401 }, 'application/problem+json');
    case 'POST /api/auth/logout':
      loggedInAs = null;
      return json(204, undefined);
    case 'POST /api/auth/login':
      if (body.password !== 'geheim' || !users[body.email])
        return json(401, { type: 'about:blank', title: 'Onjuist', status: 401 }, 'application/problem+json');
      loggedInAs = body.email;
      return json(200, session(body.email));
    case 'POST /api/auth/magic-link':
      return json(
        422,
        {
          type: 'about:blank',
          title: 'Ongeldige invoer',
          status: 422,
          errors: [{ field: 'email', message: 'Dit adres kennen we niet als klant' }],
        },
        'application/problem+json',
      );
    case 'GET /api/dashboard/metrics':
      return json(200, {
        customers: 6959,
        partners: 80,
        openLeads: 12,
        quotes: 30,
        orders: 40,
        visits: 44,
        visitsToday: 7,
        executionRate: 0.9,
        quoteConversion: 0.35,
      });
    case 'GET /api/customers':
      return json(200, { items: [], total: 0, page: 1, pageSize: 50 });
    case 'GET /api/visits':
      return json(200, { items: [], total: 0, page: 1, pageSize: 200 });
    default:
      return json(404, { type: 'about:blank', title: 'Niet gevonden', status: 404 }, 'application/problem+json');
  }
}

beforeEach(() => {
  calls.length = 0;
  loggedInAs = null;
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(fakeServer));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.getElementById('session-data')?.remove();
});

/** The session as the server writes it into index.html (apps/server/src/platform/http/portal-preloads.ts). */
function writeSessionIntoPage(json: string) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'session-data';
  block.textContent = json;
  document.head.append(block);
}
const sessionFetches = () => calls.filter((c) => c.url === '/api/auth/me').length;

function start(path: string) {
  window.history.pushState({}, '', path);
  render(<App />);
}

describe('the app', () => {
  test('an anonymous visit to /ops ends on the login page; logging in lands operations on /ops', async () => {
    start('/ops');
    // The first visit imports the lazy ops portal, which under a busy full run takes vitest over a second to transform.
    await screen.findByRole('heading', { name: 'Inloggen' }, { timeout: 10_000 });
    expect(window.location.pathname).toBe('/login');

    fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: 'ops@chargecars.nl' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'fout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await screen.findByText('E-mailadres of wachtwoord klopt niet.');

    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await screen.findByRole('figure', { name: 'Klanten' }, { timeout: 5_000 });
    expect(window.location.pathname).toBe('/ops');
    expect(screen.getByText('6.959')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
  });

  test('after login the user returns to the deep link, but only inside their own portal', async () => {
    start('/ops/customers?q=jansen');
    await screen.findByRole('heading', { name: 'Inloggen' }, { timeout: 5_000 });
    expect(window.location.search).toBe('?next=' + encodeURIComponent('/ops/customers?q=jansen'));
    fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: 'ops@chargecars.nl' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await screen.findByRole('heading', { name: 'Klanten', level: 1 }, { timeout: 5_000 });
    expect(window.location.pathname + window.location.search).toBe('/ops/customers?q=jansen');
    cleanup();

    loggedInAs = null;
    start('/login?next=' + encodeURIComponent('/ops/customers'));
    fireEvent.change(await screen.findByLabelText('E-mailadres'), { target: { value: 'monteur@chargecars.nl' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await screen.findByRole('link', { name: 'Voorraad' }, { timeout: 5_000 });
    expect(window.location.pathname).toBe('/technician');
  });

  test('a technician who opens /ops is sent to the technician portal', async () => {
    loggedInAs = 'monteur@chargecars.nl';
    start('/ops');
    await screen.findByRole('link', { name: 'Voorraad' }, { timeout: 5_000 });
    expect(window.location.pathname).toBe('/technician');
  });

  test('the server’s field error appears next to the field, and the CSRF token is not sent before login', async () => {
    start('/login');
    fireEvent.click(await screen.findByRole('tab', { name: /Klant\?/ }));
    fireEvent.change(await screen.findByLabelText('E-mailadres'), { target: { value: 'iemand@example.nl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Stuur mij een inloglink' }));
    const field = screen.getByLabelText('E-mailadres');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = field.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe('Dit adres kennen we niet als klant');
    const post = calls.find((c) => c.url === '/api/auth/magic-link');
    expect(post?.headers['x-csrf-token']).toBeUndefined();
  });

  test('the session written into the page opens the portal without asking the server, and its CSRF token goes out', async () => {
    writeSessionIntoPage(JSON.stringify(session('ops@chargecars.nl')));
    start('/ops');
    await screen.findByRole('figure', { name: 'Klanten' }, { timeout: 5_000 });
    expect(sessionFetches()).toBe(0);
    await logout();
    expect(calls.find((c) => c.url === '/api/auth/logout')?.headers['x-csrf-token']).toBe('csrf-operations');
  });

  test('nobody written into the page: the login page shows without asking the server', async () => {
    writeSessionIntoPage('null');
    start('/login');
    await screen.findByRole('heading', { name: 'Inloggen' }, { timeout: 5_000 });
    expect(sessionFetches()).toBe(0);
  });

  test('a written session that does not parse is ignored and the session is asked for', async () => {
    loggedInAs = 'monteur@chargecars.nl';
    writeSessionIntoPage('{"user": "ops"}');
    start('/ops');
    await screen.findByRole('link', { name: 'Voorraad' }, { timeout: 5_000 });
    expect(sessionFetches()).toBeGreaterThan(0);
  });
});
