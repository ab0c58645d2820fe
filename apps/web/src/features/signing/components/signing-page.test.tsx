// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { SigningPage } from './signing-page';

const calls: { url: string; method: string; body: unknown }[] = [];
const part = {
  quoteNumber: 'OFF-2026-000001',
  version: 2,
  role: 'customer',
  status: 'pending',
  signerParty: 'Anna de Vries',
  validUntil: '2026-12-20',
  documentSha256: 'ab'.repeat(32),
  entity: { name: 'ChargeCars', brandColor: '#15803d', website: 'https://chargecars.nl' },
  lines: [
    {
      description: 'Meerprijs kabel per meter boven 10 m',
      specification: null,
      descriptionEn: 'Extra charge per metre of cable beyond 10 m',
      specificationEn: null,
      quantity: 5,
      unitPriceCents: 2450,
      vatRate: 21,
      vatCategory: 'standard',
      totalCents: 12250,
    },
  ],
  buyerVatNumber: null,
  installationAddress: {
    street: 'Kerkstraat',
    houseNumber: 1,
    houseNumberAddition: 'A',
    postcode: '3861AB',
    city: 'Nijkerk',
  },
  installedItems: [
    { description: 'Zaptec Go 2 22 kW', descriptionEn: 'Zaptec Go 2 22 kW charger', quantity: 1 },
    {
      description: 'Meerprijs kabel per meter boven 10 m',
      descriptionEn: 'Extra charge per metre of cable beyond 10 m',
      quantity: 5,
    },
  ],
  visits: [{ sequence: 1, type: 'installation', durationMinutes: 210, earliestDates: ['2026-12-08'] }],
  consumer: true,
  netCents: 12250,
  vatCents: 2573,
  grossCents: 14823,
};

const partnerPart = {
  ...part,
  role: 'partner',
  signerParty: 'Installatiebedrijf Charlie',
  consumer: false,
  buyerVatNumber: 'NL123456789B01',
  vatCents: 0,
  grossCents: 89900,
  netCents: 89900,
  lines: [
    {
      description: 'Zaptec Go 2 22 kW',
      specification: 'Zaptec · art. ZAP-GO2-22',
      descriptionEn: null,
      specificationEn: 'Zaptec · item ZAP-GO2-22',
      quantity: 1,
      unitPriceCents: 89900,
      vatRate: 0,
      vatCategory: 'reverse_charge',
      totalCents: 89900,
    },
  ],
};

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/api/sign/bad-token'))
        return Response.json(
          { status: 404, code: 'signing_link_invalid', title: 'Not Found', type: 'x' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        );
      if (url.endsWith('/api/sign/partner-token')) return Response.json(partnerPart);
      if (init?.method === 'POST')
        return Response.json({
          status: url.endsWith('/decline') ? 'declined' : 'signed',
          quoteStatus: 'partially_signed',
          orderId: null,
        });
      return Response.json(part);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(token: string, locale: 'nl-NL' | 'en' = 'nl-NL') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider initialLocale={locale}>
      <QueryClientProvider client={client}>
        <SigningPage token={token} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('public signing page', () => {
  test('shows exactly the signer’s part and signs with a typed name', async () => {
    renderPage('good-token');
    await screen.findByText('Meerprijs kabel per meter boven 10 m');
    expect(screen.getByText('€ 148,23')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Uw volledige naam'), { target: { value: 'Anna de Vries' } });
    fireEvent.click(screen.getByRole('button', { name: 'Akkoord en ondertekenen' }));
    await screen.findByText('Dank u wel. Uw handtekening is vastgelegd.');
    expect(calls.at(-1)).toEqual({
      url: '/api/sign/good-token',
      method: 'POST',
      body: { name: 'Anna de Vries', method: 'typed' },
    });
  });

  test('says what is installed, where and when, and the terms with the right of withdrawal', async () => {
    renderPage('good-token');
    await screen.findByText('Kerkstraat 1A, 3861 AB Nijkerk');
    expect(screen.getByText('1 × Zaptec Go 2 22 kW')).toBeTruthy();
    expect(screen.getByText('1. Installatie · ca. 3,5 uur · eerst mogelijk op dinsdag 8 december 2026')).toBeTruthy();
    expect(screen.getByText('Deze offerte is geldig tot en met 20-12-2026.')).toBeTruthy();
    expect(screen.getByText(/^Herroepingsrecht: als consument kunt u deze overeenkomst binnen 14 dagen/)).toBeTruthy();
  });

  test('in English, amounts, numbers and dates are written as English readers write them', async () => {
    renderPage('good-token', 'en');
    await screen.findByText('This quote is valid up to and including 20 Dec 2026.');
    expect(screen.getAllByText('€148.23').length).toBeGreaterThan(0);
    expect(screen.getByText('€24.50', { exact: false })).toBeTruthy();
    expect(screen.getByText(/^1\. Installation · about 3\.5 h · earliest on Tuesday,? 8 December 2026$/)).toBeTruthy();
    expect(screen.queryByText(/€ \d|dinsdag|december 2026/)).toBeNull();
    // What is installed and the lines read as the catalogue words them in English.
    expect(screen.getByText('1 × Zaptec Go 2 22 kW charger')).toBeTruthy();
    expect(screen.getAllByText('Extra charge per metre of cable beyond 10 m').length).toBeGreaterThan(0);
    expect(screen.queryByText(/Meerprijs/)).toBeNull();
  });

  test('a business signer gets no consumer right of withdrawal', async () => {
    renderPage('partner-token');
    await screen.findByText('Zaptec Go 2 22 kW');
    expect(screen.getByText(/algemene voorwaarden van ChargeCars/)).toBeTruthy();
    expect(screen.queryByText(/Herroepingsrecht/)).toBeNull();
  });

  test('declines with a reason', async () => {
    renderPage('good-token');
    fireEvent.click(await screen.findByRole('button', { name: 'Afwijzen' }));
    fireEvent.change(screen.getByLabelText('Reden van afwijzen'), { target: { value: 'Te duur' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen met deze reden' }));
    await screen.findByText('Uw afwijzing is doorgegeven.');
    expect(calls.at(-1)).toMatchObject({ url: '/api/sign/good-token/decline', body: { reason: 'Te duur' } });
  });

  test('shows a reverse-charge part without VAT, with the VAT number it is shifted to', async () => {
    renderPage('partner-token');
    await screen.findByText('Zaptec Go 2 22 kW');
    expect(screen.getByText('btw verlegd')).toBeTruthy();
    expect(screen.getByText('Btw verlegd naar Installatiebedrijf Charlie, btw-nummer NL123456789B01.')).toBeTruthy();
    expect(screen.getByText('€ 0,00')).toBeTruthy();
  });

  test('says so when the link is invalid', async () => {
    renderPage('bad-token');
    await screen.findByText(/Deze link is ongeldig/);
  });
});
