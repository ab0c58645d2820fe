import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import Fastify from 'fastify';
import { teamRegions } from '../../modules/planning/planning.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createDiskFullSignal } from './disk-full.ts';
import { registerProblemHandlers } from './problem.ts';
import { apiClient, completeLead, createApiKey } from '../../test/partner-api.ts';

let t: TestApp;
let port = 0;
let partnerApi: ReturnType<typeof apiClient>;
let admin: Awaited<ReturnType<TestApp['as']>>;
const UNKNOWN_ID = '7d1c0b9e-5a7f-4c3e-9b1a-2f6e8d4c0a11';

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
  partnerApi = apiClient(
    t,
    (await createApiKey(t, 'partner-a@alfa.example.nl', t.fixtures.partnerA.id, ['leads:write', 'leads:read'])).secret,
  );
  admin = await t.as('admin@chargecars.nl');
});
afterAll(async () => {
  await t?.close();
});

/** A refusal as the contract promises it: the status, problem+json, and the field that was wrong. */
function expectProblem(res: LightMyRequestResponse, status: number, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
}

describe('text that PostgreSQL cannot store is refused at the door', () => {
  it('refuses a NUL byte in the anonymous web form, the Partner API and the ops form', async () => {
    const web = await t.app.inject({
      method: 'POST',
      url: '/api/public/leads',
      payload: completeLead({ name: 'Sanne\u0000Bakker' }),
    });
    expectProblem(web, 400, 'body.name');
    expectProblem(
      await partnerApi.post('/api/v1/leads', completeLead({ notes: 'bel na\u000017:00' })),
      400,
      'body.notes',
    );
    expectProblem(
      await admin.post(
        '/api/leads',
        completeLead({ address: { postcode: '3861AB', houseNumber: 1, city: 'Nij\u0000kerk' } }),
      ),
      400,
      'body.address.city',
    );
  });

  it('refuses a NUL byte in a search or filter parameter', async () => {
    expectProblem(await admin.get('/api/customers?q=anna%00'), 400, 'querystring.q');
    expectProblem(await admin.get('/api/leads?region=MID%00DEN'), 400, 'querystring.region');
    expectProblem(await admin.get('/api/invoices?entityId=%00'), 400, 'querystring.entityId');
  });

  it('refuses an unpaired UTF-16 surrogate, and keeps a real pair (an emoji)', async () => {
    expectProblem(
      await partnerApi.post('/api/v1/leads', completeLead({ name: 'Sanne \ud83d Bakker' })),
      400,
      'body.name',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/leads',
        payload: completeLead({ notes: 'graag \udc00' }),
      }),
      400,
      'body.notes',
    );
    expect(
      (await partnerApi.post('/api/v1/leads', completeLead({ notes: 'graag snel \ud83d\udd0c' }))).statusCode,
    ).toBe(201);
  });
});

describe('numbers and dates the database would refuse', () => {
  it('refuses a lockVersion outside int4', async () => {
    for (const lockVersion of [-2_147_483_649, 2_147_483_648]) {
      expectProblem(await admin.post(`/api/quotes/${UNKNOWN_ID}/send`, { lockVersion }), 400, 'body.lockVersion');
    }
  });

  it('refuses dates that do not exist in the calendar', async () => {
    expectProblem(await admin.get('/api/visits?date=2026-02-30'), 400, 'querystring.date');
    expectProblem(
      await admin.get(`/api/finance/profit-and-loss?entityId=chargecars&from=2026-01-01&to=2026-02-29`),
      400,
      'querystring.to',
    );
    expectProblem(
      await admin.post(`/api/visits/${t.fixtures.v1.id}/schedule`, {
        date: '2026-04-31',
        teamId: t.fixtures.team1.id,
        block: 'morning',
      }),
      400,
      'body.date',
    );
    expect((await admin.get('/api/visits?date=2028-02-29')).statusCode).toBe(200);
  });
});

describe('ids the database does not know', () => {
  it('answers 422 with a Dutch detail when a foreign key catches an unknown id', async () => {
    // Every route now looks its ids up first (a quote's lead and partner are refused by field), so the
    // foreign key is the last line of defence: a database refusal reaches the one error handler the API
    // uses, from a real insert that names a team the database does not have.
    const probe = Fastify({ logger: false });
    registerProblemHandlers(probe, createDiskFullSignal());
    probe.get('/probe', async () => {
      await t.database.db.insert(teamRegions).values({ teamId: UNKNOWN_ID, regionCode: 'MIDDEN' });
      return { inserted: true };
    });
    try {
      const res = await probe.inject({ method: 'GET', url: '/probe' });
      expectProblem(res, 422);
      expect(res.json()).toMatchObject({
        code: 'unknown_reference',
        detail: 'De aanvraag verwijst naar iets dat niet bestaat',
      });
    } finally {
      await probe.close();
    }
  });

  it('refuses a quote that names a lead or partner it does not know, by field', async () => {
    for (const [field, body] of [
      ['leadId', { leadId: UNKNOWN_ID }],
      ['partnerId', { partnerId: UNKNOWN_ID }],
    ] as const) {
      const res = await admin.post('/api/quotes', {
        entityId: 'chargecars',
        customerId: t.fixtures.c1.id,
        ...body,
        lines: [{ description: 'Vrije regel', quantity: 1, unitPriceCents: 1000, vatRate: 21 }],
      });
      expectProblem(res, 422);
      expect(JSON.stringify(res.json().errors), field).toContain(field);
    }
  });
});

describe('deeply nested JSON', () => {
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('refuses 5,000 levels with a 400 before the Idempotency-Key is hashed, on a route without a body schema', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/leads/${UNKNOWN_ID}/qualify`,
      payload: deep(5_000),
      headers: {
        cookie: `cc_session=${admin.cookie}`,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
        'idempotency-key': 'deep-json-1',
      },
    });
    expectProblem(res, 400);
    expect(res.json().code).toBe('json_too_deep');
  });

  it('still takes ordinary nesting', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/leads/${UNKNOWN_ID}/qualify`,
      payload: deep(20),
      headers: {
        cookie: `cc_session=${admin.cookie}`,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
        'idempotency-key': 'deep-json-2',
      },
    });
    expectProblem(res, 404);
  });
});

/** Sends raw bytes over a real socket (what app.inject cannot: Node's HTTP parser answers these). */
function raw(request: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => {
      data += String(d);
    });
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      });
    });
    socket.on('error', reject);
  });
}

describe('errors before a route is found are problem+json too (real HTTP)', () => {
  const get = (target: string, headers = '') =>
    raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`);

  it('answers bad percent-encoding with a 400 problem', async () => {
    const res = await get('/api/customers/%E0%A4%A');
    expect(res).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'bad_url' });
  });

  it('answers a path parameter past its length with a 414 problem', async () => {
    const res = await get(`/api/customers/${'a'.repeat(300)}`);
    expect(res).toMatchObject({ status: 414, contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect(JSON.parse(res.body)).toMatchObject({ status: 414, code: 'uri_too_long' });
  });

  it('answers a request that is not HTTP with a 400 problem', async () => {
    const res = await raw('HELLO THERE\r\n\r\n');
    expect(res).toMatchObject({ status: 400, contentType: 'application/problem+json' });
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('answers headers that are too large with a 431 problem', async () => {
    const res = await get('/api/customers', `X-Filler: ${'a'.repeat(20_000)}\r\n`);
    expect(res).toMatchObject({ status: 431, contentType: 'application/problem+json' });
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });
});
