import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { subscribeUpdates, type DomainEvent } from './subscribe-updates';

afterEach(() => {
  vi.unstubAllGlobals();
});

// The instance a browser was connected to dies (a cluster failover): the client connects again through
// the same address and asks the app to refetch what it missed.
test('reconnects after the connection drops and asks for a refetch', async () => {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    if (connections === 1) socket.terminate();
    else socket.send(JSON.stringify({ type: 'customer.note_added', id: 'e1', occurredAt: new Date().toISOString() }));
  });
  // Node 20 has no WebSocket of its own; `ws` speaks the browser's API (onopen, onmessage, onclose).
  vi.stubGlobal('WebSocket', WebSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: `127.0.0.1:${(server.address() as AddressInfo).port}` });
  const events: DomainEvent[] = [];
  let refetches = 0;
  const stop = subscribeUpdates(
    (e) => events.push(e),
    () => {
      refetches++;
    },
  );
  try {
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['customer.note_added']), { timeout: 5_000 });
    expect(connections).toBe(2);
    expect(refetches).toBe(1);
  } finally {
    stop();
    server.close();
  }
});
