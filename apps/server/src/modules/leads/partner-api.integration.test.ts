import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { apiClient, completeLead, createApiKey, runLeadPipeline } from '../../test/partner-api.ts';
import { leads, leadTimeline } from './leads.schema.ts';
import { customers } from '../crm/crm.schema.ts';

let t: TestApp;
let alfa: ReturnType<typeof apiClient>;
let bravo: ReturnType<typeof apiClient>;
let readOnly: ReturnType<typeof apiClient>;
const leadCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(leads))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  alfa = apiClient(
    t,
    (await createApiKey(t, 'partner-a@alfa.example.nl', t.fixtures.partnerA.id, ['leads:write', 'leads:read'])).secret,
  );
  bravo = apiClient(
    t,
    (await createApiKey(t, 'partner-b@bravo.example.nl', t.fixtures.partnerB.id, ['leads:write', 'leads:read'])).secret,
  );
  readOnly = apiClient(
    t,
    (await createApiKey(t, 'partner-a@alfa.example.nl', t.fixtures.partnerA.id, ['leads:read'])).secret,
  );
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/leads', () => {
  it('takes a complete lead from received to qualified without a human, with score breakdown and timeline', async () => {
    const res = await alfa.post(
      '/api/v1/leads',
      completeLead({ partnerReference: 'ALFA-77', phone: '06 12 34 56 70' }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // The answer comes as soon as the lead is stored; the pipeline runs after it.
    expect(body).toMatchObject({
      status: 'received',
      score: null,
      partnerReference: 'ALFA-77',
      links: { self: `/api/v1/leads/${body.id}` },
    });
    expect(res.headers.location).toBe(`/api/v1/leads/${body.id}`);
    expect(await runLeadPipeline(t)).toBe(1);
    expect((await alfa.get(`/api/v1/leads/${body.id}`)).json()).toMatchObject({
      status: 'qualified',
      isRepeat: false,
      score: expect.any(Number),
    });
    const [row] = await t.database.db.select().from(leads).where(eq(leads.id, body.id));
    expect(row).toMatchObject({
      phone: '+31612345670',
      postcode: '3861 AB',
      regionCode: 'MIDDEN',
      municipality: 'Nijkerk',
      entityId: 'chargecars',
      source: 'api',
    });
    expect(row!.scoreReasons!.map((r) => r.factor)).toEqual([
      'regio',
      'partnerkwaliteit',
      'volledigheid',
      'productinteresse',
    ]);
    expect(row!.scoreReasons!.reduce((s, r) => s + r.points, 0)).toBe(row!.score);
    const steps = await t.database.db.select().from(leadTimeline).where(eq(leadTimeline.leadId, body.id));
    expect(steps.map((s) => s.step)).toEqual([
      'received',
      'enriched',
      'deduplicated',
      'scored',
      'routed',
      'intake_sent',
      'qualified',
    ]);
  });

  it('keeps an incomplete lead waiting for the intake', async () => {
    const res = await alfa.post('/api/v1/leads', { email: 'alleen.naam@example.nl', name: 'Alleen Naam' });
    expect(res.statusCode).toBe(201);
    await runLeadPipeline(t);
    expect((await alfa.get(`/api/v1/leads/${res.json().id}`)).json().status).toBe('awaiting_intake');
  });

  it('attaches a repeat lead to the existing customer, matched by email, phone or address', async () => {
    const processed = async (res: { json(): { id: string } }) => {
      await runLeadPipeline(t);
      return (await alfa.get(`/api/v1/leads/${res.json().id}`)).json();
    };
    const byEmail = await alfa.post('/api/v1/leads', completeLead({ email: 'ANNA@example.nl' }));
    expect((await processed(byEmail)).isRepeat).toBe(true);
    const byPhone = await alfa.post('/api/v1/leads', completeLead({ phone: '0687654321' }));
    expect((await processed(byPhone)).isRepeat).toBe(true);
    const byAddress = await alfa.post(
      '/api/v1/leads',
      completeLead({ address: { postcode: '3861 AB', houseNumber: 1, street: 'Kerkstraat', city: 'Nijkerk' } }),
    );
    expect((await processed(byAddress)).isRepeat).toBe(true);
    const rows = await t.database.db
      .select({ customerId: leads.customerId })
      .from(leads)
      .where(eq(leads.id, byAddress.json().id));
    expect(rows[0]!.customerId).toBe(t.fixtures.c1.id);
    const [bram] = await t.database.db
      .select({ customerId: leads.customerId })
      .from(leads)
      .where(eq(leads.id, byPhone.json().id));
    expect(bram!.customerId).toBe(t.fixtures.c2.id);
  });
});

describe('intake under load', () => {
  it('commits leads that arrive together in one transaction, each with its own answer', async () => {
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        alfa.post('/api/v1/leads', completeLead({ partnerReference: `BURST-${i}` }), {
          'idempotency-key': `burst-own-${i}`,
        }),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(sent.map((r) => r.json().partnerReference)).toEqual(Array.from({ length: 20 }, (_, i) => `BURST-${i}`));
    const ids = sent.map((r) => r.json().id as string);
    // Rows written by one transaction share its xmin: fewer transactions than leads means group commit.
    const tx = (await t.database.db.execute(
      sql`select count(distinct xmin::text)::int as n from leads where id in ${sql.raw(`(${ids.map((id) => `'${id}'`).join(',')})`)}`,
    )) as unknown as { rows: { n: number }[] };
    expect(tx.rows[0]!.n).toBeLessThan(20);
    // Each stored idempotent answer is its own request's.
    const replay = await alfa.post('/api/v1/leads', completeLead({ partnerReference: 'BURST-7' }), {
      'idempotency-key': 'burst-own-7',
    });
    expect(replay.statusCode).toBe(422);
    expect(await runLeadPipeline(t)).toBe(20);
  });

  it('processes leads a crash left received, in arrival order', async () => {
    const [first, second] = [
      await alfa.post('/api/v1/leads', completeLead()),
      await alfa.post('/api/v1/leads', completeLead()),
    ];
    // No loop ran: both are still received, as after a crash right after the 201.
    expect((await alfa.get(`/api/v1/leads/${first.json().id}`)).json().status).toBe('received');
    // Not processed yet, so there is no customer or score to quote from: ops cannot qualify it yet.
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.post(`/api/leads/${first.json().id}/qualify`)).statusCode).toBe(409);
    // Nor move it to another entity: the pipeline routes it and would overwrite that.
    expect((await ops.post(`/api/leads/${first.json().id}/assign`, { entityId: 'laderthuis' })).statusCode).toBe(409);
    expect(await runLeadPipeline(t)).toBe(2);
    for (const res of [first, second])
      expect((await alfa.get(`/api/v1/leads/${res.json().id}`)).json().status).toBe('qualified');
    expect(await runLeadPipeline(t)).toBe(0);
  });
});

describe('a lead the pipeline cannot process', () => {
  it('is parked for ops, escalated with the error on its timeline, and the leads around it go on', async () => {
    // A trigger stands in for whatever could make one lead fail: its customer cannot be written.
    await t.database.execute(`create function refuse_poison() returns trigger language plpgsql as $$
      begin if new.email = 'gif@example.nl' then raise exception 'klant kan niet worden opgeslagen'; end if; return new; end $$`);
    await t.database.execute(
      'create trigger refuse_poison before insert on customers for each row execute function refuse_poison()',
    );
    try {
      const sent = [];
      for (const email of ['voor@example.nl', 'gif@example.nl', 'na@example.nl'])
        sent.push((await alfa.post('/api/v1/leads', completeLead({ email }))).json());
      expect(await runLeadPipeline(t)).toBe(3);
      const statuses = await Promise.all(
        sent.map(async (l) => (await alfa.get(`/api/v1/leads/${l.id}`)).json().status),
      );
      expect(statuses).toEqual(['qualified', 'awaiting_intake', 'qualified']);
      const [parked] = await t.database.db.select().from(leads).where(eq(leads.id, sent[1].id));
      expect(parked!.escalatedAt).not.toBeNull();
      const steps = await t.database.db.select().from(leadTimeline).where(eq(leadTimeline.leadId, sent[1].id));
      expect(steps.map((s) => s.step)).toEqual(['received', 'pipeline_failed']);
      expect(JSON.stringify(steps[1]!.data)).toContain('klant kan niet worden opgeslagen');
    } finally {
      await t.database.execute('drop trigger refuse_poison on customers');
      await t.database.execute('drop function refuse_poison()');
    }
  });
});

describe('GET /api/v1/leads', () => {
  it("shows a partner its own leads only; another partner's lead is 404", async () => {
    const mine = (await alfa.post('/api/v1/leads', completeLead())).json();
    const theirs = (await bravo.post('/api/v1/leads', completeLead())).json();
    await runLeadPipeline(t);
    expect((await alfa.get(`/api/v1/leads/${mine.id}`)).json().id).toBe(mine.id);
    const cross = await alfa.get(`/api/v1/leads/${theirs.id}`);
    expect(cross.statusCode).toBe(404);
    expect(cross.headers['content-type']).toContain('application/problem+json');
    const list = (await readOnly.get('/api/v1/leads?status=qualified')).json().items as {
      id: string;
      status: string;
    }[];
    expect(list.some((l) => l.id === mine.id)).toBe(true);
    expect(list.some((l) => l.id === theirs.id)).toBe(false);
    expect(list.every((l) => l.status === 'qualified')).toBe(true);
    const future = (
      await alfa.get(`/api/v1/leads?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)
    ).json();
    expect(future.items).toEqual([]);
  });
});

describe('bad input changes nothing and gets the right 4xx problem', () => {
  const cases: [
    string,
    () => Promise<{
      statusCode: number;
      json(): { errors?: { field: string }[]; code?: string };
      headers: Record<string, unknown>;
    }>,
    number,
    string?,
  ][] = [
    ['missing email and name', () => alfa.post('/api/v1/leads', {}), 400, 'body.email'],
    ['invalid email', () => alfa.post('/api/v1/leads', completeLead({ email: 'geen-email' })), 400, 'body.email'],
    [
      'invalid postcode',
      () => alfa.post('/api/v1/leads', completeLead({ address: { postcode: '123 AB', houseNumber: 1 } })),
      400,
      'body.address.postcode',
    ],
    [
      'never-issued postcode letters',
      () => alfa.post('/api/v1/leads', completeLead({ address: { postcode: '1234 SS', houseNumber: 1 } })),
      422,
      'body.address.postcode',
    ],
    ['invalid phone', () => alfa.post('/api/v1/leads', completeLead({ phone: '12345678' })), 422, 'body.phone'],
    ['unknown field', () => alfa.post('/api/v1/leads', completeLead({ isAdmin: true })), 400],
    [
      'malformed JSON',
      () =>
        alfa.raw({
          method: 'POST',
          url: '/api/v1/leads',
          headers: { 'content-type': 'application/json' },
          payload: '{"email":',
        }),
      400,
    ],
    ['oversized body', () => alfa.post('/api/v1/leads', completeLead({ notes: 'x'.repeat(70_000) })), 413],
    ['no API key', () => t.app.inject({ method: 'POST', url: '/api/v1/leads', payload: completeLead() }), 401],
    [
      'unknown API key',
      () => apiClient(t, 'ccak_' + 'A'.repeat(43) + '00000000').post('/api/v1/leads', completeLead()),
      401,
    ],
    ['wrongly scoped key', () => readOnly.post('/api/v1/leads', completeLead()), 403],
    [
      'a session cookie is not an API key',
      async () => (await t.as('partner-a@alfa.example.nl')).post('/api/v1/leads', completeLead()),
      401,
    ],
    ['bad id', () => alfa.get('/api/v1/leads/not-a-uuid'), 400],
    ['bad since', () => alfa.get('/api/v1/leads?since=gisteren'), 400],
  ];
  for (const [name, send, status, field] of cases) {
    it(`${name} → ${status}`, async () => {
      const before = await leadCount();
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      if (field) expect(res.json().errors?.map((e) => e.field)).toContain(field);
      expect(await leadCount()).toBe(before);
    });
  }

  it('refuses a revoked key', async () => {
    const partnerA = t.fixtures.partnerA.id;
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', partnerA, ['leads:write'], 'weg');
    const portal = await t.as('partner-a@alfa.example.nl');
    expect((await portal.post(`/api/partners/${partnerA}/api-keys/${key.id}/revoke`)).statusCode).toBe(200);
    const res = await apiClient(t, key.secret).post('/api/v1/leads', completeLead());
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_api_key');
  });

  it('refuses a key revoked while its earlier answers are cached, at once', async () => {
    const partnerA = t.fixtures.partnerA.id;
    const key = await createApiKey(t, 'partner-a@alfa.example.nl', partnerA, ['leads:read'], 'in gebruik');
    const client = apiClient(t, key.secret);
    // Used just now: the instance trusts the resolved key for a few seconds (KEY_CACHE_MS).
    expect((await client.get('/api/v1/leads')).statusCode).toBe(200);
    const portal = await t.as('partner-a@alfa.example.nl');
    expect((await portal.post(`/api/partners/${partnerA}/api-keys/${key.id}/revoke`)).statusCode).toBe(200);
    const res = await client.get('/api/v1/leads');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_api_key');
  });
});

describe('rate limits per partner', () => {
  it('answers 429 with Retry-After past the limit, however many keys the partner made', async () => {
    const limited = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const key = (name: string) =>
        createApiKey(limited, 'partner-a@alfa.example.nl', limited.fixtures.partnerA.id, ['leads:read'], name);
      const clients = [
        apiClient(limited, (await key('eerste')).secret),
        apiClient(limited, (await key('tweede')).secret),
      ];
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await clients[i % 2]!.get('/api/v1/leads')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await clients[1]!.get('/api/v1/leads');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json().code).toBe('rate_limited');
      // Another partner's key still has its own allowance.
      const other = apiClient(
        limited,
        (await createApiKey(limited, 'partner-b@bravo.example.nl', limited.fixtures.partnerB.id, ['leads:read']))
          .secret,
      );
      expect((await other.get('/api/v1/leads')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response, refuses the key with another body, and scopes keys per API key', async () => {
    const body = completeLead();
    const first = await alfa.post('/api/v1/leads', body, { 'idempotency-key': 'order-1' });
    const again = await alfa.post('/api/v1/leads', body, { 'idempotency-key': 'order-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await alfa.post(
      '/api/v1/leads',
      { ...body, name: 'Iemand Anders' },
      { 'idempotency-key': 'order-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const otherPartner = await bravo.post('/api/v1/leads', body, { 'idempotency-key': 'order-1' });
    expect(otherPartner.statusCode).toBe(201);
    expect(otherPartner.json().id).not.toBe(first.json().id);
  });

  it('creates exactly one lead from fifty identical requests sent at once', async () => {
    // An address of its own, so it cannot match another test's random one.
    const body = completeLead({
      email: 'vijftig@example.nl',
      address: { postcode: '3861 AB', houseNumber: 50, addition: 'V', street: 'Hoofdstraat', city: 'Nijkerk' },
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => alfa.post('/api/v1/leads', body, { 'idempotency-key': 'burst-50' })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(responses.filter((r) => r.statusCode === 201).map((r) => r.json().id)).size).toBe(1);
    await runLeadPipeline(t);
    const rows = await t.database.db.select().from(leads).where(eq(leads.email, 'vijftig@example.nl'));
    expect(rows).toHaveLength(1);
    const [customer] = await t.database.db.select().from(customers).where(eq(customers.email, 'vijftig@example.nl'));
    expect(customer?.id).toBe(rows[0]!.customerId);
  });

  it('refuses a malformed key', async () => {
    const res = await alfa.post('/api/v1/leads', completeLead(), { 'idempotency-key': 'x'.repeat(300) });
    expect(res.statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the Partner API with its bearer-key security and problem responses', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const post = spec.paths['/api/v1/leads'].post;
    expect(post.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '413', '422', '429']),
    );
    expect(spec.paths['/api/partners/{id}/orders'].post).toBeDefined();
    expect(spec.paths['/api/partners/{id}/performance'].get).toBeDefined();
  });
});
