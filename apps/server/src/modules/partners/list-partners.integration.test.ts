import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('partner list for ops', () => {
  it('lists, searches and filters partners with their order counts', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const all = (await ops.get('/api/partners')).json();
    expect(all.items.map((p: { name: string; orders: number }) => [p.name, p.orders])).toEqual([
      ['Autohuis Alfa', 1],
      ['Energie Bravo', 1],
    ]);
    expect((await ops.get('/api/partners?q=bravo')).json().items.map((p: { name: string }) => p.name)).toEqual([
      'Energie Bravo',
    ]);
    expect((await ops.get('/api/partners?category=Automotive')).json().total).toBe(1);
    expect((await ops.get('/api/partners?category=Nope')).statusCode).toBe(400);
  });
  it('is not for partners, technicians or customers', async () => {
    expect((await (await t.as('partner-a@alfa.example.nl')).get('/api/partners')).statusCode).toBe(403);
    expect((await (await t.as('tech1@chargecars.nl')).get('/api/partners')).statusCode).toBe(403);
  });
});
