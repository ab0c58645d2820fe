// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ToastProvider } from '../../../design/toast';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { PartnerProfile } from './partner-profile';

const calls: { method: string; body: unknown }[] = [];
let partner: Record<string, unknown>;

beforeEach(() => {
  calls.length = 0;
  partner = {
    id: 'p-1',
    number: 'P-0003',
    name: 'Installatiebedrijf Charlie',
    category: 'B2BContractor',
    entityId: 'chargecars',
    status: 'active',
    email: 'info@charlie.example.nl',
    phone: null,
    kvkNumber: '20000003',
    vatNumber: null,
    reverseCharge: false,
    orders: 2,
    createdAt: '2025-03-01T09:00:00Z',
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init?.method ?? 'GET', body });
      if (init?.method === 'PATCH') {
        if (body.vatNumber === 'NL000000000B00') {
          return Response.json(
            {
              status: 400,
              code: 'validation',
              title: 'Bad Request',
              type: 'x',
              errors: [{ field: 'body.vatNumber', message: 'btw-nummer klopt niet volgens de server' }],
            },
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        partner = { ...partner, vatNumber: body.vatNumber, reverseCharge: body.vatNumber !== null };
      }
      return Response.json(partner);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderProfile() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider initialLocale="nl-NL">
      <ToastProvider>
        <QueryClientProvider client={client}>
          <PartnerProfile partnerId="p-1" canEdit />
        </QueryClientProvider>
      </ToastProvider>
    </I18nProvider>,
  );
}

describe('partner profile', () => {
  test('ops set the VAT number: typed loosely, sent tidy, and reverse charge is shown', async () => {
    renderProfile();
    await screen.findByText('Installatiebedrijf Charlie');
    expect(screen.getByText('Facturen aan deze partner: met btw.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Btw-nummer'), { target: { value: 'nl 1234.56789 b01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Btw-nummer opslaan' }));
    await screen.findByText(/btw verlegd \(installatiebedrijf met btw-nummer\)/);
    expect(calls.at(-1)).toEqual({ method: 'PATCH', body: { vatNumber: 'NL123456789B01' } });
  });

  test('names a malformed number at the field before sending, and the server’s refusal after', async () => {
    renderProfile();
    const input = await screen.findByLabelText('Btw-nummer');
    fireEvent.change(input, { target: { value: 'NL12345B01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Btw-nummer opslaan' }));
    expect(await screen.findByText(/moet het formaat NL123456789B01 hebben/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.change(input, { target: { value: 'NL000000000B00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Btw-nummer opslaan' }));
    expect(await screen.findByText('btw-nummer klopt niet volgens de server')).toBeTruthy();
  });
});
