import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from './test/test-app.ts';
import { isDocsRoute } from './platform/auth/auth.plugin.ts';
import { auditLog, outboxEvents } from './platform/events/events.schema.ts';
import { technicians } from './modules/planning/planning.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('every route declares who may call it', () => {
  it('has an access declaration on every API route', () => {
    const undeclared = t.built.routeTable.filter((r) => r.url.startsWith('/api') && !isDocsRoute(r.url) && !r.access);
    expect(undeclared).toEqual([]);
    expect(t.built.routeTable.length).toBeGreaterThan(10);
  });
  it('refuses to register a route without a declaration', async () => {
    const { buildApp } = await import('./app.ts');
    const built = await buildApp({ config: t.config, database: t.database, logger: false });
    expect(() => built.app.get('/api/undeclared', async () => 'open')).toThrow(/declares no access/);
    await built.app.close();
  });
});

describe('errors are problem+json and never 500 for bad input', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().status).toBe(404);
  });
  it('names invalid fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'geen-email', password: '' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });
  it('handles malformed JSON, wrong content types, oversized bodies and bad ids', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/customers/not-a-uuid')).statusCode).toBe(400);
    expect((await ops.get('/api/customers?pageSize=100000')).statusCode).toBe(400);
    expect((await ops.get('/api/customers?q=' + 'x'.repeat(5000))).statusCode).toBe(400);
    expect((await ops.get('/api/customers?q=%27%3B drop table customers;--')).statusCode).toBe(200);
    expect((await ops.get('/api/customers?sort=password')).statusCode).toBe(400);
    for (const res of [broken, xml, huge]) expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('a mutation writes its audit record and its event in one transaction', () => {
  it('records who added a note, before and after, and an outbox event', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const res = await ops.post(`/api/customers/${t.fixtures.c1.id}/notes`, {
      body: 'Klant belt terug over de laadpaal',
    });
    expect(res.statusCode).toBe(201);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, t.fixtures.c1.id))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({
      action: 'customer.note_added',
      actorRole: 'operations',
      actorUserId: t.fixtures.users['ops@chargecars.nl']!.id,
    });
    expect(audit!.after).toMatchObject({ body: 'Klant belt terug over de laadpaal' });
    const events = await t.database.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.subjectId, t.fixtures.c1.id))
      .orderBy(asc(outboxEvents.id));
    expect(events.map((e) => e.type)).toContain('customer.note_added');
    const detail = (await ops.get(`/api/customers/${t.fixtures.c1.id}`)).json();
    expect(detail.notes[0].body).toBe('Klant belt terug over de laadpaal');
  });
  it('validates the note and changes nothing on bad input', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const before = await t.database.db.select().from(auditLog);
    expect((await ops.post(`/api/customers/${t.fixtures.c1.id}/notes`, { body: '   ' })).statusCode).toBe(400);
    expect(
      (await ops.post('/api/customers/00000000-0000-4000-8000-000000000000/notes', { body: 'x' })).statusCode,
    ).toBe(404);
    expect(await t.database.db.select().from(auditLog)).toHaveLength(before.length);
  });
});

describe('customer search', () => {
  it('finds by name, postcode, email and phone', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const find = async (q: string) =>
      (await ops.get(`/api/customers?q=${encodeURIComponent(q)}`)).json().items.map((c: { name: string }) => c.name);
    expect(await find('vries')).toEqual(['Anna de Vries']);
    expect(await find('anna de')).toEqual(['Anna de Vries']);
    expect(await find('1012 lg')).toEqual(['Bram Jansen']);
    expect(await find('1012')).toEqual(['Bram Jansen']);
    expect(await find('bram@exa')).toEqual(['Bram Jansen']);
    expect(await find('06 1234 5678')).toEqual(['Anna de Vries']);
    expect(await find('zzz')).toEqual([]);
  });
  it('shows each customer with the entities they dealt with', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const bram = (await ops.get('/api/customers?q=bram')).json().items[0];
    expect(bram.entities).toEqual(['chargecars', 'laderthuis']);
  });
  it('lists teams with their regions and technicians', async () => {
    await t.database.db.insert(technicians).values([
      { teamId: t.fixtures.team1.id, name: 'Tom Technicus' },
      { teamId: t.fixtures.team1.id, name: 'Kees Kabel' },
    ]);
    const ops = await t.as('ops@chargecars.nl');
    const teams = (await ops.get('/api/teams')).json();
    expect(
      teams.map((x: { code: string; regions: string[]; technicians: number }) => [x.code, x.regions, x.technicians]),
    ).toEqual([
      ['T1', ['MIDDEN'], 2],
      ['T2', ['NOORD-HOLLAND'], 0],
    ]);
  });
  it('filters by entity and sorts', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const lt = (await ops.get('/api/customers?entity=laderthuis')).json();
    expect(lt.items.map((c: { name: string }) => c.name)).toEqual(['Bram Jansen']);
    const desc = (await ops.get('/api/customers?sort=-name')).json();
    expect(desc.items.map((c: { name: string }) => c.name)).toEqual(['Bram Jansen', 'Anna de Vries']);
  });
});

describe('OpenAPI and health', () => {
  it('serves an OpenAPI 3.1 document with the API paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/customers', '/api/orders/{id}', '/api/auth/login']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
  it('answers /healthz and /readyz with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(
      (await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-12345678' } })).headers[
        'x-request-id'
      ],
    ).toBe('abc-12345678');
  });
});
