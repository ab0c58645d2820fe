import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { requestLinkAndLogin } from '../test/magic-login.ts';

// Each scoped role tries to read and change the other side's records by id.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('partner users see only their own partner', () => {
  it('lists only its own orders', async () => {
    const a = await t.as('partner-a@alfa.example.nl');
    const res = await a.get('/api/orders');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { number: string }) => o.number)).toEqual(['ORD-2026-000001']);
  });
  it("gets 404 for another partner's order by id", async () => {
    const a = await t.as('partner-a@alfa.example.nl');
    expect((await a.get(`/api/orders/${t.fixtures.o2.id}`)).statusCode).toBe(404);
    expect((await a.get(`/api/orders/${t.fixtures.o1.id}`)).statusCode).toBe(200);
  });
  it('cannot read or change customers, visits or ops data', async () => {
    const a = await t.as('partner-a@alfa.example.nl');
    expect((await a.get('/api/customers')).statusCode).toBe(403);
    expect((await a.get(`/api/customers/${t.fixtures.c1.id}`)).statusCode).toBe(403);
    expect((await a.post(`/api/customers/${t.fixtures.c2.id}/notes`, { body: 'x' })).statusCode).toBe(403);
    expect((await a.get('/api/visits')).statusCode).toBe(403);
    expect((await a.get('/api/dashboard/metrics')).statusCode).toBe(403);
  });
});

describe('customers see only themselves', () => {
  async function customer(email: string) {
    return requestLinkAndLogin(t, email);
  }
  it('lists only their own orders and sees only the lines they pay', async () => {
    const anna = await customer('anna@example.nl');
    const list = await anna.get('/api/orders');
    expect(list.json().items.map((o: { number: string }) => o.number)).toEqual(['ORD-2026-000001']);
    const detail = (await anna.get(`/api/orders/${t.fixtures.o1.id}`)).json();
    expect(detail.lines.every((l: { billTo: string }) => l.billTo === 'customer')).toBe(true);
    expect(detail.totalCents).toBe(35000);
    expect((await anna.get(`/api/orders/${t.fixtures.o2.id}`)).statusCode).toBe(404);
    expect((await anna.get(`/api/customers/${t.fixtures.c2.id}`)).statusCode).toBe(403);
  });
});

describe('technicians see their own team', () => {
  it("lists today's visits of their team only, whatever team they ask for", async () => {
    const tom = await t.as('tech1@chargecars.nl');
    const own = (await tom.get('/api/visits')).json();
    expect(own.items.map((v: { number: string }) => v.number)).toEqual(['BZ-000001']);
    const other = (await tom.get(`/api/visits?teamId=${t.fixtures.team2.id}`)).json();
    expect(other.items.map((v: { number: string }) => v.number)).toEqual(['BZ-000001']);
    expect((await tom.get('/api/orders')).statusCode).toBe(403);
    expect((await tom.get(`/api/orders/${t.fixtures.o2.id}`)).statusCode).toBe(403);
  });
});

describe('staff', () => {
  it('see every order and customer, and pick any team', async () => {
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/orders')).json().total).toBe(2);
    expect((await ops.get('/api/customers')).json().total).toBe(2);
    const t2 = (await ops.get(`/api/visits?teamId=${t.fixtures.team2.id}`)).json();
    expect(t2.items.map((v: { number: string }) => v.number)).toEqual(['BZ-000002']);
  });
});
