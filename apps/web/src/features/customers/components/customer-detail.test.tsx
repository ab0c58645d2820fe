// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { BusinessEntityList, CustomerDetail } from '@chargecars/contract';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { z } from 'zod';
import { ToastProvider } from '../../../design/toast';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { CustomerDetailView } from './customer-detail';

// Typed by the contract, so this answer has the server's shape; only fetch (the server) is replaced.
const customer: z.input<typeof CustomerDetail> = {
  id: 'c-1',
  number: 'KL-000001',
  name: 'Jan de Vries',
  email: 'jan@example.nl',
  phone: null,
  postcode: '3511 AB',
  houseNumber: 12,
  houseNumberAddition: null,
  street: 'Oudegracht',
  city: 'Utrecht',
  status: 'customer',
  entities: ['chargecars', 'laderthuis'],
  createdAt: '2026-01-05T09:00:00Z',
  kind: 'consumer',
  companyName: null,
  sourceEntityId: 'chargecars',
  sourcePartnerName: null,
  addresses: [],
  interactions: [
    {
      id: 'i-1',
      entityId: 'chargecars',
      entityName: 'ChargeCars',
      channel: 'phone',
      summary: 'Belt over de laadpaal',
      occurredAt: '2026-02-01T10:00:00Z',
    },
    {
      id: 'i-2',
      entityId: 'laderthuis',
      entityName: 'LaderThuis.nl',
      channel: 'email',
      summary: 'Offerte gevraagd',
      occurredAt: '2026-02-02T10:00:00Z',
    },
    {
      id: 'i-3',
      entityId: 'chargecars',
      entityName: 'ChargeCars',
      channel: 'visit',
      summary: 'Schouwing gedaan',
      occurredAt: '2026-02-03T10:00:00Z',
    },
  ],
  quotes: [
    {
      id: 'q-1',
      number: 'OFF-2026-0001',
      entityId: 'chargecars',
      status: 'sent',
      customerTotalCents: 149_900,
      partnerTotalCents: 25_000,
      createdAt: '2026-02-04T10:00:00Z',
    },
  ],
  orders: [],
  visits: [],
  notes: [],
  tags: [],
};

const entities: z.input<typeof BusinessEntityList> = [
  {
    id: 'chargecars',
    name: 'ChargeCars',
    kind: 'b2b_partner',
    brandColor: '#16a34a',
    website: 'https://chargecars.nl',
  },
  {
    id: 'laderthuis',
    name: 'LaderThuis.nl',
    kind: 'consumer',
    brandColor: '#2563eb',
    website: 'https://laderthuis.nl',
  },
];

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) =>
      Response.json(new URL(String(input), 'http://localhost').pathname === '/api/entities' ? entities : customer),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderCustomer() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MemoryRouter>
      <I18nProvider initialLocale="nl-NL">
        <ToastProvider>
          <QueryClientProvider client={client}>
            <CustomerDetailView customerId="c-1" />
          </QueryClientProvider>
        </ToastProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('customer 360', () => {
  test('groups the contact history per business entity by its name', async () => {
    renderCustomer();
    // On a busy machine the first render can take longer than the default second.
    const chargecars = await screen.findByRole('region', { name: 'ChargeCars' }, { timeout: 10_000 });
    expect(
      within(chargecars)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Belt over de laadpaal'), expect.stringContaining('Schouwing gedaan')]);
    expect(within(screen.getByRole('region', { name: 'LaderThuis.nl' })).getByText(/Offerte gevraagd/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: '—' })).toBeNull();
  });

  test("shows each quote's customer and partner totals", async () => {
    renderCustomer();
    const quote = (await screen.findByText('OFF-2026-0001', {}, { timeout: 10_000 })).closest('li')!;
    expect(quote.textContent).toContain('€ 1.499,00 / € 250,00');
  });

  test('names the brands the customer is known to, not their ids', async () => {
    renderCustomer();
    await screen.findByText('ChargeCars, LaderThuis.nl', {}, { timeout: 10_000 });
  });
});
