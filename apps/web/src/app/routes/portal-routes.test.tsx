// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Role, SessionResponse } from '@chargecars/contract';
import type { z } from 'zod';
import { App } from '../app';

// The server is outside the process: a small fake answers the calls the lead inbox makes. The menu walk
// (e2e/menu-walk.e2e.test.ts) covers every page with the real server; this pins the planner's case.
const calls: string[] = [];
let role: Role = 'planner';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

async function fakeServer(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), 'http://localhost');
  calls.push(url.pathname);
  if (url.pathname === '/api/auth/me') {
    const session: z.infer<typeof SessionResponse> = {
      user: {
        id: 'u1',
        email: `${role}@chargecars.nl`,
        name: 'Priya Planning',
        role,
        locale: 'nl',
        partnerId: null,
        partnerName: null,
        teamId: null,
        teamName: null,
        customerId: null,
      },
      csrfToken: 'csrf',
    };
    return json(200, session);
  }
  if (url.pathname === '/api/leads') return json(200, { items: [], total: 0, page: 1, pageSize: 50 });
  return json(404, { title: 'Niet gevonden', status: 404 });
}

function start(path: string) {
  window.history.pushState({}, '', path);
  render(<App />);
}

beforeEach(() => {
  calls.length = 0;
  role = 'planner';
  vi.stubGlobal('fetch', vi.fn(fakeServer));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('pages a role may not open', () => {
  test('a planner reads the lead inbox without the button to enter a lead, which operations have', async () => {
    start('/ops/leads');
    await screen.findByRole('heading', { name: 'Leads', level: 1 }, { timeout: 5_000 });
    expect(screen.queryByRole('link', { name: 'Nieuwe lead' })).toBeNull();
    cleanup();

    role = 'operations';
    start('/ops/leads');
    await screen.findByRole('link', { name: 'Nieuwe lead' });
  });

  test('the entry form\'s address is not found for a planner, instead of loading a lead with id "new"', async () => {
    start('/ops/leads/new');
    await screen.findByRole('heading', { name: 'Pagina niet gevonden' }, { timeout: 5_000 });
    expect(calls.filter((c) => c.startsWith('/api/leads'))).toEqual([]);
  });
});
