// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { DayVisits } from './day-visits';

const requestedUrls: string[] = [];
const visit = (over: Record<string, unknown>) => ({
  id: 'v',
  number: 'BZ-1',
  orderNumber: 'ORD-1',
  type: 'installation',
  status: 'planned',
  date: '2020-01-06',
  block: 'morning',
  teamId: 't1',
  teamName: 'Team Utrecht',
  customerName: 'X',
  phone: '0612345678',
  street: 'Oudegracht',
  houseNumber: 12,
  houseNumberAddition: null,
  postcode: '3511ab',
  city: 'Utrecht',
  lat: null,
  lon: null,
  durationMinutes: 120,
  notes: null,
  ...over,
});

beforeEach(() => {
  requestedUrls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      requestedUrls.push(url);
      const items = url.includes('date=2020-01-06')
        ? [
            visit({ id: 'a', block: 'afternoon', customerName: 'Jan Jansen', type: 'meter_replacement' }),
            visit({ id: 'm', block: 'morning', customerName: 'Els de Boer', type: 'survey', phone: '+31301234567' }),
          ]
        : [];
      return Response.json({ items, total: items.length, page: 1, pageSize: 200 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// A date in the past: the heading says "Vandaag" instead of the date when the test runs on that day.
function Harness() {
  const [date, setDate] = useState('2020-01-06');
  return <DayVisits date={date} onDateChange={setDate} teamName="Team Utrecht" />;
}

function renderDay() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider initialLocale="nl-NL">
      <QueryClientProvider client={client}>
        <Harness />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('technician day', () => {
  test('morning before afternoon, with type, address and a tel: link', async () => {
    renderDay();
    await screen.findByText('Jan Jansen');
    const cards = within(screen.getByRole('list', { name: 'Bezoeken' })).getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['Els de Boer', 'Jan Jansen']);
    expect(within(cards[0]!).getByText('Ochtend 08:00–12:00')).toBeTruthy();
    expect(within(cards[0]!).getByText('Schouw')).toBeTruthy();
    expect(within(cards[1]!).getByText('Middag 12:00–17:00')).toBeTruthy();
    expect(within(cards[1]!).getByText('Meterwissel')).toBeTruthy();
    expect(within(cards[1]!).getByText('3511 AB Utrecht')).toBeTruthy();
    const call = within(cards[0]!).getByRole('link', { name: 'Bel Els de Boer op 030 123 4567' });
    expect(call.getAttribute('href')).toBe('tel:+31301234567');
    expect(requestedUrls[0]).toBe('/api/visits?date=2020-01-06&page=1&pageSize=200');
  });

  test('the day switcher asks for the next and previous day', async () => {
    renderDay();
    await screen.findByText('Jan Jansen');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende dag' }));
    await screen.findByText('Geen bezoeken op deze dag.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('dinsdag 7 januari 2020');
    expect(requestedUrls.at(-1)).toContain('date=2020-01-07');
    fireEvent.click(screen.getByRole('button', { name: 'Vorige dag' }));
    await screen.findByText('Jan Jansen');
  });

  test('a scheduled visit gets a large Afronden button that completes it and refreshes the day; a completed one shows its status', async () => {
    let status = 'scheduled';
    const posted: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posted.push(url);
          status = 'completed';
          return Response.json({ id: 'a', number: 'BZ-1', status, completedAt: '2020-01-06T10:00:00.000Z' });
        }
        requestedUrls.push(url);
        const items = [
          visit({ id: 'a', status, customerName: 'Jan Jansen' }),
          visit({ id: 'b', status: 'completed', customerName: 'Els de Boer', block: 'afternoon' }),
        ];
        return Response.json({ items, total: items.length, page: 1, pageSize: 200 });
      }),
    );
    renderDay();
    await screen.findByText('Jan Jansen');
    const [jan, els] = within(screen.getByRole('list', { name: 'Bezoeken' })).getAllByRole('article');
    expect(within(els!).queryByRole('button', { name: 'Afronden' })).toBeNull();
    expect(within(els!).getByRole('status').textContent).toBe('Afgerond');
    const button = within(jan!).getByRole('button', { name: 'Afronden' });
    expect(button.className).toContain('h-11');
    fireEvent.click(button);
    await waitFor(() => expect(within(jan!).getByRole('status').textContent).toBe('Afgerond'));
    expect(posted).toEqual(['/api/visits/a/complete']);
    expect(requestedUrls).toHaveLength(2);
  });

  test('the technician starts a scheduled visit on arrival; a started one can only be completed', async () => {
    let status = 'scheduled';
    const posted: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posted.push(url);
          status = 'in_progress';
          return Response.json({ id: 'a', number: 'BZ-1', status, startedAt: '2020-01-06T08:00:00.000Z' });
        }
        const items = [visit({ id: 'a', status, customerName: 'Jan Jansen' })];
        return Response.json({ items, total: items.length, page: 1, pageSize: 200 });
      }),
    );
    renderDay();
    await screen.findByText('Jan Jansen');
    const [jan] = within(screen.getByRole('list', { name: 'Bezoeken' })).getAllByRole('article');
    fireEvent.click(within(jan!).getByRole('button', { name: 'Bezoek starten' }));
    await waitFor(() => expect(within(jan!).queryByRole('button', { name: 'Bezoek starten' })).toBeNull());
    expect(within(jan!).getByRole('button', { name: 'Afronden' })).toBeTruthy();
    expect(posted).toEqual(['/api/visits/a/start']);
  });
});
