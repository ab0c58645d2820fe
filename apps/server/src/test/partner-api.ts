import type { TestApp } from './test-app.ts';

/** House numbers count up, so two test leads never match each other's customer by address. */
let nextHouseNumber = 1000;

/** A lead as a partner system would send it: complete, so it qualifies without a human. */
export const completeLead = (overrides: Record<string, unknown> = {}) => ({
  email: `lead-${Math.random().toString(36).slice(2, 10)}@example.nl`,
  name: 'Sanne Bakker',
  // A fresh mobile number each time, so leads do not match each other's customer by phone.
  phone: `06 12 ${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`,
  address: { postcode: '3861ab', houseNumber: nextHouseNumber++, street: 'Hoofdstraat', city: 'Nijkerk' },
  productInterest: 'Thuislader',
  partnerReference: 'REF-1',
  ...overrides,
});

/** Creates an API key through the partner portal, as the partner's own user. */
export async function createApiKey(
  t: TestApp,
  partnerUser: string,
  partnerId: string,
  scopes: string[],
  name = 'test',
) {
  const portal = await t.as(partnerUser);
  const res = await portal.post(`/api/partners/${partnerId}/api-keys`, { name, scopes });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; secret: string };
}

/** A client that calls with an API key, as a partner's system does. */
export function apiClient(t: TestApp, secret: string) {
  const auth = { authorization: `Bearer ${secret}` };
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: auth }),
    post: (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...auth, ...headers }, payload: payload as object }),
    raw: (opts: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string }) =>
      t.app.inject({ ...opts, headers: { ...auth, ...opts.headers } }),
  };
}

/** Runs the lead pipeline until nothing is waiting, as the background loop would. */
export const runLeadPipeline = (t: TestApp): Promise<number> => t.built.services.leads.processReceived();
