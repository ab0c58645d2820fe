// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { OrdersPage } from './orders-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test('a stage in the address lists only orders of that stage', async () => {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return Response.json({ items: [], total: 0, page: 1, pageSize: 50 });
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <MemoryRouter initialEntries={['/ops/orders?stage=new']}>
          <Routes>
            <Route path="/ops/orders" element={<OrdersPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
  await waitFor(() => expect(urls.some((u) => u.startsWith('/api/orders'))).toBe(true));
  expect(new URL(urls.find((u) => u.startsWith('/api/orders'))!, 'http://x').searchParams.get('stage')).toBe('new');
});
