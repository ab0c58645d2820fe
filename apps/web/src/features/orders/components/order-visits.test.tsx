// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { setCsrfToken } from '../../../lib/http/http-client';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { OrderVisits } from './order-visits';

type Call = { url: string; method: string; body: unknown; csrf: string | null };
const calls: Call[] = [];
let answer: () => Response;

const teams = [
  {
    id: 't1',
    code: 'T1',
    name: 'Team Midden',
    homeBaseLabel: 'Nijkerk',
    maxVisitsPerDay: 3,
    regions: [],
    technicians: 2,
  },
  {
    id: 't2',
    code: 'T2',
    name: 'Team Noord-Holland',
    homeBaseLabel: 'Amsterdam',
    maxVisitsPerDay: 3,
    regions: [],
    technicians: 2,
  },
];
const visits = [
  {
    id: 'open',
    number: 'BZ-1',
    type: 'installation',
    status: 'to_schedule',
    date: null,
    block: null,
    teamName: null,
    durationMinutes: 240,
    requiredSkills: ['charger_installation'],
  },
  {
    id: 'moved',
    number: 'BZ-2',
    type: 'survey',
    status: 'scheduled',
    date: '2099-03-02',
    block: 'afternoon',
    teamName: 'Team Noord-Holland',
    durationMinutes: 60,
    requiredSkills: ['survey'],
  },
  {
    id: 'done',
    number: 'BZ-3',
    type: 'survey',
    status: 'completed',
    date: '2020-01-06',
    block: 'morning',
    teamName: 'Team Midden',
    durationMinutes: 60,
    requiredSkills: ['survey'],
  },
];

beforeEach(() => {
  calls.length = 0;
  setCsrfToken('csrf-1');
  answer = () =>
    Response.json({
      id: 'moved',
      number: 'BZ-2',
      status: 'scheduled',
      date: '2099-03-09',
      block: 'afternoon',
      teamId: 't2',
    });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const headers = (init?.headers ?? {}) as Record<string, string>;
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        csrf: headers['x-csrf-token'] ?? null,
      });
      return url === '/api/teams' ? Response.json(teams) : answer();
    }),
  );
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

function renderVisits(canSchedule: boolean, shown = visits, addToOrderId?: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <I18nProvider initialLocale="nl-NL">
      <QueryClientProvider client={client}>
        <OrderVisits visits={shown} canSchedule={canSchedule} addToOrderId={addToOrderId} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}
const itemOf = (number: string) =>
  screen.getByText((_, el) => el?.tagName === 'SPAN' && !!el.textContent?.startsWith(number)).closest('li')!;

/** The text of the option a select shows. */
const selected = (element: HTMLElement) => (element as HTMLSelectElement).selectedOptions[0]?.text;

describe('planning the visits of an order', () => {
  test('a visit without required skills shows its duration alone, with no dangling separator', () => {
    renderVisits(false, [{ ...visits[0]!, id: 'plain', number: 'BZ-9', requiredSkills: [] }]);
    expect(within(itemOf('BZ-9')).getByText('240 min')).toBeTruthy();
  });

  test('staff get a form on each visit still open; done visits and other users get none', async () => {
    renderVisits(true);
    expect(within(itemOf('BZ-1')).getByRole('form', { name: 'Bezoek inplannen' })).toBeTruthy();
    expect(within(itemOf('BZ-2')).getByRole('form', { name: 'Bezoek inplannen' })).toBeTruthy();
    expect(within(itemOf('BZ-3')).queryByRole('form')).toBeNull();
    cleanup();
    renderVisits(false);
    expect(screen.queryByRole('form')).toBeNull();
  });

  test('sends date, team and day part with the CSRF token; the visit keeps its team and day part by default', async () => {
    renderVisits(true);
    const form = within(itemOf('BZ-2')).getByRole('form');
    await waitFor(() =>
      expect(selected(within(form).getByRole('combobox', { name: 'Team' }))).toBe('Team Noord-Holland'),
    );
    expect(selected(within(form).getByRole('combobox', { name: 'Dagdeel' }))).toBe('Middag');
    fireEvent.change(within(form).getByLabelText('Datum'), { target: { value: '2099-03-09' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Inplannen' }));
    await within(form).findByText('Ingepland');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      url: '/api/visits/moved/schedule',
      method: 'POST',
      body: { date: '2099-03-09', teamId: 't2', block: 'afternoon' },
      csrf: 'csrf-1',
    });
  });

  test("shows the server's reason when it refuses", async () => {
    answer = () =>
      Response.json(
        {
          type: 'about:blank',
          title: 'Ongeldige invoer',
          status: 422,
          detail: 'Dit bezoek kan zo niet worden ingepland',
          errors: [{ field: 'body.teamId', message: 'onbekend team' }],
        },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      );
    renderVisits(true);
    const form = within(itemOf('BZ-1')).getByRole('form');
    await waitFor(() => expect(selected(within(form).getByRole('combobox', { name: 'Team' }))).toBe('Team Midden'));
    fireEvent.click(within(form).getByRole('button', { name: 'Inplannen' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Dit bezoek kan zo niet worden ingepland — onbekend team',
    );
  });

  test('shows what each visit takes: its duration and the skills of the team', () => {
    renderVisits(false);
    expect(itemOf('BZ-1').textContent).toContain('240 min · laadpaalinstallatie');
  });

  test('staff make the visit of an order that has none; others only read that there is none', async () => {
    answer = () =>
      Response.json(
        [
          {
            id: 'new',
            number: 'BZ-2026-000001',
            type: 'survey',
            status: 'to_schedule',
            durationMinutes: 90,
            requiredSkills: ['survey'],
            afterVisitId: null,
          },
        ],
        { status: 201 },
      );
    renderVisits(false, []);
    expect(screen.getByText('Deze order heeft nog geen bezoeken')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    cleanup();
    renderVisits(true, [], 'o1');
    const form = screen.getByRole('form', { name: 'Bezoek aanmaken' });
    fireEvent.change(within(form).getByLabelText('Duur (minuten)'), { target: { value: '90' } });
    const type = within(form).getByRole('combobox', { name: 'Soort bezoek' }) as HTMLSelectElement;
    fireEvent.change(type, { target: { value: [...type.options].find((o) => o.text === 'Schouw')!.value } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bezoek aanmaken' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      url: '/api/orders/o1/visits',
      method: 'POST',
      body: { type: 'survey', durationMinutes: 90 },
      csrf: 'csrf-1',
    });
  });
});
