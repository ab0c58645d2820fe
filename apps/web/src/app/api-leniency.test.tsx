// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getCustomer } from '../features/customers/api/get-customer';
import { listOutboxEmails } from '../features/outbox/api/list-outbox-emails';
import { listEntities } from '../features/reference/api/list-entities';

// Shapes that docs/api-foundation.md leaves open are read leniently; these pin down how.
// Only fetch (the server) is replaced.
function answer(body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => Response.json(body)));
}
afterEach(() => vi.unstubAllGlobals());

const mail = { id: 'e1', to: 'klant@example.nl', subject: 'Uw inloglink', bodyText: 'https://x/login/link?token=t', createdAt: '2026-11-21T08:00:00Z', status: 'stored' };

describe('lenient reading of open API shapes', () => {
  test('entities as codes or as objects', async () => {
    answer(['chargecars', 'laderthuis']);
    expect(await listEntities()).toEqual([{ value: 'chargecars', label: 'chargecars' }, { value: 'laderthuis', label: 'laderthuis' }]);
    answer([{ code: 'chargecars', name: 'ChargeCars' }, { id: 'e2', name: 'LaderThuis.nl' }, {}]);
    expect(await listEntities()).toEqual([{ value: 'chargecars', label: 'ChargeCars' }, { value: 'e2', label: 'LaderThuis.nl' }]);
  });

  test('the outbox as a list envelope or as a bare array', async () => {
    answer({ items: [mail], total: 31, page: 2, pageSize: 30 });
    expect(await listOutboxEmails({ page: 2, pageSize: 30 })).toMatchObject({ total: 31, page: 2 });
    answer([mail]);
    expect(await listOutboxEmails({ page: 1, pageSize: 50 })).toEqual({ items: [mail], total: 1, page: 1, pageSize: 1 });
  });

  test('a customer without the nested lists still renders as empty lists', async () => {
    answer({ id: 'c1', number: 'KL-1', name: 'Jan', email: null, phone: null, postcode: '1234AB', houseNumber: 1, houseNumberAddition: null, city: 'Utrecht', status: 'active', entities: [], createdAt: '2026-01-01T00:00:00Z' });
    const c = await getCustomer('c1');
    expect(c.notes).toEqual([]);
    expect(c.tags).toEqual([]);
    expect(c.addresses).toEqual([]);
  });
});
