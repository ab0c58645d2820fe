import WebSocket from 'ws';

/** A logged-in staff user reaching the cluster through the balancer with plain fetch. */
export async function logIn(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('cc_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie: session, 'x-csrf-token': csrfToken };
  return {
    cookie: session,
    csrf: csrfToken,
    get: (path: string) => fetch(`${base}${path}`, { headers }),
    post: (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', ...extra },
        body: JSON.stringify(body),
      }),
  };
}

/**
 * A WebSocket subscriber that reconnects like the web app's (apps/web/src/lib/realtime), only
 * faster: it counts how often it had to, and keeps every event it received.
 */
export function followUpdates(url: string, cookie: string) {
  const events: { type: string; subject?: { id: string } }[] = [];
  let socket: WebSocket | null = null;
  let stopped = false;
  const state = { opens: 0, drops: 0, open: false };
  const connect = () => {
    socket = new WebSocket(url, { headers: { cookie } });
    socket.on('message', (m) => {
      const event = JSON.parse(String(m)) as { type: string };
      if (event.type === 'subscribed') {
        state.opens++;
        state.open = true;
      } else events.push(event);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (state.open) state.drops++;
      state.open = false;
      if (!stopped) setTimeout(connect, 200);
    });
  };
  connect();
  return {
    events,
    state,
    close: () => {
      stopped = true;
      socket?.close();
    },
  };
}

export const waitUntil = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
};
