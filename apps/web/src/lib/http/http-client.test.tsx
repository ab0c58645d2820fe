// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CustomerPage, Note, OrderDetail } from '@chargecars/contract';
import { endpoint } from './endpoint';
import { buildUrl, onCsrfRejected, onUnauthorized, request, requestVoid, setCsrfToken } from './http-client';
import { ProblemError } from './problem-error';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n';

// fetch is the edge of the process (the server); everything of ours runs for real.
const listCustomers = endpoint('GET', '/api/customers', CustomerPage);
const addNote = endpoint('POST', '/api/customers/:id/notes', Note);
const getOrder = endpoint('GET', '/api/orders/:id', OrderDetail);
const logIn = endpoint('POST', '/api/auth/login', null);
const note = { id: 'n1', body: 'hallo', authorName: 'Ops', createdAt: '2026-11-21T08:00:00Z' };
const fetchMock = vi.fn<typeof fetch>();

function problem(status: number, body: unknown, contentType = 'application/problem+json'): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType },
  });
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken(null);
  onUnauthorized(null);
  onCsrfRejected(null);
});
afterEach(() => vi.unstubAllGlobals());

describe('problem+json', () => {
  test('a 422 becomes a ProblemError with status, title, detail, code and field errors', async () => {
    fetchMock.mockResolvedValue(
      problem(422, {
        type: 'https://chargecars.nl/problems/validation',
        title: 'Ongeldige invoer',
        status: 422,
        detail: 'Twee velden kloppen niet',
        code: 'validation',
        errors: [
          { field: 'email', message: 'Ongeldig e-mailadres' },
          { field: 'postcode', message: 'Onbekende postcode' },
        ],
      }),
    );
    const error = await request(addNote, { params: { id: 'c1' }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const p = error as ProblemError;
    expect(p.status).toBe(422);
    expect(p.title).toBe('Ongeldige invoer');
    expect(p.detail).toBe('Twee velden kloppen niet');
    expect(p.code).toBe('validation');
    expect(p.errors).toEqual([
      { field: 'email', message: 'Ongeldig e-mailadres' },
      { field: 'postcode', message: 'Onbekende postcode' },
    ]);
    expect(p.fieldMessage('postcode')).toBe('Onbekende postcode');
    expect(p.fieldMessage('name')).toBeUndefined();
  });

  test('a body that is not problem+json still gives a usable error', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad Gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    const p = (await request(listCustomers).catch((e: unknown) => e)) as ProblemError;
    expect(p).toBeInstanceOf(ProblemError);
    expect(p.status).toBe(502);
    expect(p.title).toBe('Bad Gateway');
    expect(p.errors).toEqual([]);
  });

  test('a problem without errors[] has an empty list, and status falls back to the HTTP status', async () => {
    fetchMock.mockResolvedValue(problem(404, { title: 'Niet gevonden' }));
    const p = (await request(getOrder, { params: { id: 'x' } }).catch((e: unknown) => e)) as ProblemError;
    expect(p.status).toBe(404);
    expect(p.detail).toBeUndefined();
    expect(p.errors).toEqual([]);
  });
});

describe('requests', () => {
  test('the answer is validated against the schema', async () => {
    fetchMock.mockResolvedValue(Response.json({ items: [], total: 'many', page: 1, pageSize: 50 }));
    await expect(request(listCustomers)).rejects.toThrow();
  });

  test('cookies same-origin; the CSRF token on every non-GET, never on GET', async () => {
    setCsrfToken('tok-123');
    fetchMock.mockImplementation(async (url) =>
      Response.json(String(url).endsWith('/notes') ? note : { items: [], total: 0, page: 2, pageSize: 50 }),
    );
    await request(listCustomers, { query: { q: 'jan', page: 2, sort: undefined } });
    await request(addNote, { params: { id: '1' }, body: { body: 'hallo' } });

    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    expect(getUrl).toBe('/api/customers?q=jan&page=2');
    expect(getInit?.credentials).toBe('same-origin');
    expect((getInit?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();

    const [postUrl, postInit] = fetchMock.mock.calls[1]!;
    expect(postUrl).toBe('/api/customers/1/notes');
    expect(postInit?.method).toBe('POST');
    expect(postInit?.credentials).toBe('same-origin');
    expect((postInit?.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect((postInit?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(postInit?.body).toBe(JSON.stringify({ body: 'hallo' }));
  });

  test('asks the server for the language chosen in the app (its refusals come back in it), Dutch by default', async () => {
    fetchMock.mockImplementation(async () => Response.json({ items: [], total: 0, page: 1, pageSize: 50 }));
    localStorage.removeItem(LOCALE_STORAGE_KEY);
    await request(listCustomers);
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    await request(listCustomers);
    localStorage.removeItem(LOCALE_STORAGE_KEY);
    const languages = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['accept-language'],
    );
    expect(languages).toEqual(['nl-NL', 'en']);
  });

  test('a 401 triggers the unauthorized handler, unless the caller expects 401', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    fetchMock.mockImplementation(async () =>
      problem(401, { type: 'about:blank', title: 'Niet ingelogd', status: 401 }),
    );
    await expect(request(listCustomers)).rejects.toBeInstanceOf(ProblemError);
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(requestVoid(logIn, { body: {}, allowUnauthorized: true })).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test('a rejected CSRF token is refreshed and the request retried once', async () => {
    setCsrfToken('stale');
    onCsrfRejected(async () => setCsrfToken('fresh'));
    fetchMock.mockImplementation(async (_url, init) => {
      const token = (init?.headers as Record<string, string>)['x-csrf-token'];
      return token === 'fresh'
        ? Response.json(note, { status: 201 })
        : problem(403, { type: 'about:blank', title: 'CSRF', status: 403, code: 'csrf' });
    });
    await expect(request(addNote, { params: { id: '1' }, body: { body: 'x' } })).resolves.toEqual(note);
    expect(fetchMock).toHaveBeenCalledTimes(2);

    // Still refused with a fresh token: that is the answer, no endless loop.
    setCsrfToken('stale');
    onCsrfRejected(async () => setCsrfToken('also-stale'));
    fetchMock.mockClear();
    await expect(request(addNote, { params: { id: '1' }, body: { body: 'x' } })).rejects.toMatchObject({
      status: 403,
      code: 'csrf',
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test('path parameters are filled in and encoded', async () => {
    fetchMock.mockImplementation(async () => Response.json(note));
    await request(addNote, { params: { id: 'a/b c' }, body: { body: 'x' } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/customers/a%2Fb%20c/notes');
  });

  test('empty query values are left out of the URL', () => {
    expect(buildUrl('/api/visits', { date: '2026-11-21', teamId: '', x: null })).toBe('/api/visits?date=2026-11-21');
    expect(buildUrl('/api/visits')).toBe('/api/visits');
  });
});
