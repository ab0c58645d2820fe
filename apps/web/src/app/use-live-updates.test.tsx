// @vitest-environment jsdom
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { useLiveUpdates } from './use-live-updates';

// The server is outside the process: a WebSocket server on loopback sends events as /api/subscribe/updates does.
let server: WebSocketServer;
let socket: WebSocket | undefined;
let queryClient: QueryClient;
beforeEach(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  server.on('connection', (s) => {
    socket = s;
  });
  vi.stubGlobal('WebSocket', WebSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: `127.0.0.1:${(server.address() as AddressInfo).port}` });
  queryClient = new QueryClient();
});
afterEach(() => {
  cleanup();
  socket = undefined;
  server.close();
  queryClient.clear();
  vi.unstubAllGlobals();
});

const send = (type: string) =>
  socket!.send(JSON.stringify({ type, id: crypto.randomUUID(), occurredAt: new Date().toISOString(), data: {} }));
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);
const isInvalidated = (queryKey: QueryKey) => queryClient.getQueryState(queryKey)?.isInvalidated ?? false;

async function listen(keys: QueryKey[]) {
  for (const key of keys) queryClient.setQueryData(key, { items: [] });
  renderHook(() => useLiveUpdates(true), { wrapper });
  await vi.waitFor(() => expect(socket).toBeDefined());
}

const leadInbox = ['leads', 'list', { status: 'open' }];
const quoteList = ['quotes', 'list', { page: 1 }];
const orderList = ['orders', 'list', { page: 1 }];
const customerPage = ['customers', 'detail', 'c1'];

test('a lead event refreshes the lead inbox, and nothing of quotes or orders', async () => {
  await listen([leadInbox, quoteList, orderList]);
  send('lead.received');
  await vi.waitFor(() => expect(isInvalidated(leadInbox)).toBe(true));
  expect(isInvalidated(quoteList)).toBe(false);
  expect(isInvalidated(orderList)).toBe(false);
});

test("a quote event refreshes the quote list and the customer's page; a signature also the orders", async () => {
  await listen([leadInbox, quoteList, orderList, customerPage]);
  send('quote.sent');
  await vi.waitFor(() => expect(isInvalidated(quoteList)).toBe(true));
  expect(isInvalidated(customerPage)).toBe(true);
  expect(isInvalidated(orderList)).toBe(false);
  send('quote.signed');
  await vi.waitFor(() => expect(isInvalidated(orderList)).toBe(true));
  expect(isInvalidated(leadInbox)).toBe(false);
});

test('a burst of events refetches an open list once, not once per event', async () => {
  let fetches = 0;
  const observer = new QueryObserver(queryClient, {
    queryKey: leadInbox,
    queryFn: async () => {
      fetches++;
      return { items: [] };
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  try {
    await vi.waitFor(() => expect(fetches).toBe(1));
    await listen([]);
    for (let i = 0; i < 50; i++) send('lead.received');
    await vi.waitFor(() => expect(fetches).toBe(2));
    await new Promise((r) => setTimeout(r, 400));
    expect(fetches).toBe(2);
  } finally {
    unsubscribe();
  }
});

test('an event type this build does not know refreshes the dashboard', async () => {
  const metrics = ['dashboard', 'metrics'];
  await listen([metrics, leadInbox]);
  send('something.new');
  await vi.waitFor(() => expect(isInvalidated(metrics)).toBe(true));
  expect(isInvalidated(leadInbox)).toBe(false);
});
