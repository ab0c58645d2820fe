// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n';
import type { QuoteDetail } from '../api/get-quote';
import { NewQuoteFromCatalog } from './new-quote-from-catalog';
import { ReviseQuoteLines } from './revise-quote-lines';

const KIT = {
  kind: 'kit',
  id: 'kit-1',
  code: 'KIT-ZAP-GO2',
  name: 'Thuislaadpakket Zaptec Go 2',
  nameEn: 'Zaptec Go 2 home charging kit',
  category: 'charging_station',
  unit: 'piece',
  priceCents: 129900,
  vatRate: 21,
  components: [
    { code: 'ZAP-GO2-22', name: 'Zaptec Go 2', nameEn: null, quantity: 1 },
    { code: 'CC-IK-5X6', name: 'Installatiekabel', nameEn: 'Installation cable', quantity: 10 },
  ],
};
const PRODUCT = {
  kind: 'product',
  id: 'prod-1',
  code: 'SRV-UUR',
  name: 'Extra uur arbeid',
  nameEn: 'Extra hour of labour',
  category: 'installation_service',
  unit: 'hour',
  priceCents: 6500,
  vatRate: 21,
  components: [],
};
const calls: { url: string; method: string; body: unknown }[] = [];

beforeAll(() => {
  // What Radix Select asks of the browser and jsdom does not have.
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => undefined;
  Element.prototype.scrollIntoView ??= () => undefined;
});
beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, method: init?.method ?? 'GET', body });
      if (url.startsWith('/api/catalog/items')) return Response.json({ items: [KIT, PRODUCT] });
      if (init?.method === 'PUT') {
        return Response.json(
          {
            status: 422,
            code: 'invalid_quote_lines',
            title: 'Unprocessable Content',
            detail: 'De offerteregels kloppen niet',
            type: 'x',
            errors: [{ field: 'lines.0.kitId', message: 'dit pakket heeft geen prijs bij dit bedrijfsonderdeel' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      return Response.json({ id: 'q-1', number: 'OFF-2026-000009' }, { status: 201 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWith(ui: ReactNode, locale: 'nl-NL' | 'en' = 'nl-NL') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider initialLocale={locale}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </I18nProvider>,
  );
}

describe('quote editor', () => {
  test('picks a kit beside products: one line with its components, sent as a kit', async () => {
    const created = vi.fn();
    renderWith(
      <NewQuoteFromCatalog
        entities={[{ value: 'chargecars', label: 'ChargeCars' }]}
        customerId="c-1"
        partnerId=""
        onCreated={created}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'Product of pakket' });
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/catalog/items?entityId=chargecars')).toBe(true));
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'zaptec' } });
    const list = screen.getByRole('listbox', { name: 'Product of pakket' });
    const kit = await within(list).findByRole('option', { name: /Pakket: Thuislaadpakket Zaptec Go 2/ });
    // Only what matches the typed words is offered.
    expect(within(list).getAllByRole('option')).toEqual([kit]);
    fireEvent.click(kit);
    expect(screen.getByText('Dit pakket bevat: 1 × Zaptec Go 2 · 10 × Installatiekabel')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    const table = screen.getByRole('table', { name: 'Regels en wie ze betaalt' });
    expect(within(table).getByText('Thuislaadpakket Zaptec Go 2')).toBeTruthy();
    expect(within(table).getByText('1 × Zaptec Go 2 · 10 × Installatiekabel')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Conceptofferte opslaan' }));
    await vi.waitFor(() => expect(created).toHaveBeenCalledWith('q-1'));
    expect(calls.at(-1)).toEqual({
      url: '/api/quotes',
      method: 'POST',
      body: { entityId: 'chargecars', customerId: 'c-1', lines: [{ kitId: 'kit-1', quantity: 1 }] },
    });
  });

  test('in English the catalogue reads in English, and a Dutch word still finds the item', async () => {
    renderWith(
      <NewQuoteFromCatalog
        entities={[{ value: 'chargecars', label: 'ChargeCars' }]}
        customerId="c-1"
        partnerId=""
        onCreated={() => undefined}
      />,
      'en',
    );
    const picker = await screen.findByRole('combobox', { name: 'Product or kit' });
    await vi.waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/catalog/items'))).toBe(true));
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'thuislaad' } });
    const list = screen.getByRole('listbox', { name: 'Product or kit' });
    const kit = await within(list).findByRole('option', { name: /Kit: Zaptec Go 2 home charging kit/ });
    fireEvent.click(kit);
    // A component without an English name keeps its Dutch one.
    expect(screen.getByText('This kit contains: 1 × Zaptec Go 2 · 10 × Installation cable')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const table = screen.getByRole('table', { name: 'Lines and who pays them' });
    expect(within(table).getByText('Zaptec Go 2 home charging kit')).toBeTruthy();
    expect(screen.queryByText(/Thuislaadpakket/)).toBeNull();
  });

  test('the catalogue picker works with the keyboard alone: type, arrow down, Enter', async () => {
    renderWith(
      <NewQuoteFromCatalog
        entities={[{ value: 'chargecars', label: 'ChargeCars' }]}
        customerId="c-1"
        partnerId=""
        onCreated={() => undefined}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'Product of pakket' });
    await vi.waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/catalog/items'))).toBe(true));
    fireEvent.focus(picker);
    expect(picker.getAttribute('aria-expanded')).toBe('true');
    const options = () => within(screen.getByRole('listbox', { name: 'Product of pakket' })).getAllByRole('option');
    await vi.waitFor(() => expect(options()).toHaveLength(2));
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    expect(picker.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    fireEvent.keyDown(picker, { key: 'Enter' });
    expect(picker.getAttribute('aria-expanded')).toBe('false');
    expect((picker as HTMLInputElement).value).toMatch(/^Extra uur arbeid \(SRV-UUR\)/);
    fireEvent.change(picker, { target: { value: 'geen-artikel' } });
    expect(screen.getByRole('listbox', { name: 'Product of pakket' }).textContent).toContain('Niets gevonden');
  });

  test('a new quote cannot be saved without its customer', async () => {
    renderWith(
      <NewQuoteFromCatalog
        entities={[{ value: 'chargecars', label: 'ChargeCars' }]}
        customerId=""
        partnerId=""
        onCreated={() => undefined}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'Product of pakket' });
    await vi.waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/catalog/items'))).toBe(true));
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'uur' } });
    fireEvent.keyDown(picker, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(screen.getByRole('button', { name: 'Conceptofferte opslaan' }).hasAttribute('disabled')).toBe(true);
  });

  test('revises a quote: kit lines stay kits, and a refused line shows why next to it', async () => {
    const quote = {
      id: 'q-1',
      entityId: 'chargecars',
      status: 'sent',
      lockVersion: 3,
      lines: [
        {
          position: 1,
          productId: null,
          kitId: 'kit-1',
          category: 'charging_station',
          description: 'Thuislaadpakket Zaptec Go 2',
          specification: 'Pakket KIT-ZAP-GO2, per pakket: 1 × Zaptec Go 2',
          descriptionEn: 'Zaptec Go 2 home charging kit',
          specificationEn: 'Kit KIT-ZAP-GO2, per kit: 1 × Zaptec Go 2',
          quantity: 1,
          unitPriceCents: 129900,
          vatRate: 21,
          vatCategory: 'standard',
          billTo: 'partner',
          billingRule: null,
          totalCents: 129900,
        },
        {
          position: 2,
          productId: null,
          kitId: null,
          category: null,
          description: 'Vrije regel',
          specification: null,
          descriptionEn: null,
          specificationEn: null,
          quantity: 1,
          unitPriceCents: 5000,
          vatRate: 0,
          vatCategory: 'reverse_charge',
          billTo: 'partner',
          billingRule: null,
          totalCents: 5000,
        },
      ],
    } as unknown as QuoteDetail;
    renderWith(<ReviseQuoteLines quote={quote} onDone={() => undefined} />);
    fireEvent.change(screen.getAllByLabelText('Aantal')[1]!, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Regels opslaan' }));
    expect(await screen.findByText('dit pakket heeft geen prijs bij dit bedrijfsonderdeel')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      url: '/api/quotes/q-1',
      method: 'PUT',
      body: {
        lockVersion: 3,
        lines: [
          { kitId: 'kit-1', quantity: 2 },
          {
            description: 'Vrije regel',
            quantity: 1,
            unitPriceCents: 5000,
            vatRate: 0,
            vatCategory: 'reverse_charge',
            billTo: 'partner',
          },
        ],
      },
    });
  });
});
