import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRecord } from './app.ts';
import { isDocsRoute, type RouteAccess } from './platform/auth/auth.plugin.ts';
import type { Role } from './platform/auth/auth.schema.ts';
import { completeOrderVisits } from './test/complete-order-visits.ts';
import { planningProposals } from './modules/planning/planning-proposals.schema.ts';
import { notifications } from './modules/notifications/notifications.schema.ts';
import { fieldCases } from './modules/mobile/mobile.schema.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';
import { loadCatalogFixtures } from './test/catalog-fixtures.ts';
import { loadInventoryFixtures } from './test/inventory-fixtures.ts';
import { requestLinkAndLogin } from './test/magic-login.ts';
import { apiClient, completeLead } from './test/partner-api.ts';

/**
 * Every route of the route table against every kind of caller, so a route added tomorrow is checked
 * the day it is added. Records in paths are tenant A's (partner A, customer A, team 1); the callers of
 * tenant B must find them as if they did not exist, and no caller may get past the declared access.
 */

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Caller = {
  name: string;
  /** The session user's role; null for the anonymous caller and an API key. */
  role: Role | null;
  apiKey: boolean;
  /** Whose records the caller may see: A or B for scoped callers, null for staff and strangers. */
  tenant: 'A' | 'B' | null;
  send: (method: Method, url: string, payload?: object) => Promise<LightMyRequestResponse>;
};

const ALL_SCOPES = ['leads:write', 'leads:read', 'orders:write', 'performance:read', 'webhooks:manage'];
const SAFE = new Set(['GET', 'HEAD']);

let t: TestApp;
let backupDir: string;
let callers: Caller[];
/** Path parameter -> tenant A's record, per route prefix. */
let recordOf: (url: string, param: string) => string;
/** Ids of tenant A's records: none may reach a caller of tenant B. */
let markersOfA: string[];

beforeAll(async () => {
  backupDir = mkdtempSync(path.join(tmpdir(), 'cc-matrix-backups-'));
  t = await createTestApp({ BACKUP_DIR: backupDir, WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1' });
  const f = t.fixtures;
  // One login per caller, reused for the setup and the whole matrix.
  const [ops, admin, planner, warehouse, tech1, tech2, partnerA, partnerB, anna, bram] = await Promise.all([
    t.as('ops@chargecars.nl'),
    t.as('admin@chargecars.nl'),
    t.as('planner@chargecars.nl'),
    t.as('magazijn@chargecars.nl'),
    t.as('tech1@chargecars.nl'),
    t.as('tech2@chargecars.nl'),
    t.as('partner-a@alfa.example.nl'),
    t.as('partner-b@bravo.example.nl'),
    requestLinkAndLogin(t, 'anna@example.nl'),
    requestLinkAndLogin(t, 'bram@example.nl'),
  ]);
  const cat = await loadCatalogFixtures(t.database, f);
  const stock = await loadInventoryFixtures(t.database, f, cat);
  const purchaseOrderA = (
    await ops.post('/api/inventory/purchase-orders', {
      entityId: 'chargecars',
      supplierLocationId: stock.locations.supplier.id,
      lines: [{ productId: cat.products.charger.id, quantity: 2 }],
    })
  ).json().id as string;
  const toolA = (await warehouse.post('/api/inventory/tools', { type: 'Installatietester' })).json().id as string;
  const countA = (await warehouse.post('/api/inventory/counts', { locationId: stock.locations.warehouse.id })).json()
    .id as string;
  // Cable into the warehouse, some of it on its way to team 1's van; team 1's technician asks for more.
  await warehouse.post('/api/inventory/postings', {
    idempotencyKey: 'matrix-cable-receipt',
    documentType: 'purchase_receipt',
    documentRef: 'MATRIX-1',
    moves: [
      {
        productId: cat.products.cable.id,
        quantity: 50,
        fromLocationId: stock.locations.supplier.id,
        toLocationId: stock.locations.warehouse.id,
      },
    ],
  });
  const transferA = (
    await warehouse.post('/api/inventory/transfers', {
      idempotencyKey: 'matrix-transfer-1',
      fromLocationId: stock.locations.warehouse.id,
      toLocationId: stock.locations.van1.id,
      lines: [{ productId: cat.products.cable.id, quantity: 5 }],
    })
  ).json().id as string;
  const vanRequestA = (
    await tech1.post('/api/inventory/van-requests', {
      idempotencyKey: 'matrix-van-request-1',
      lines: [{ productId: cat.products.cable.id, quantity: 10 }],
    })
  ).json().id as string;
  const quoteA = (
    await ops.post('/api/quotes/from-template', {
      templateId: cat.template.id,
      customerId: f.c1.id,
      partnerId: f.partnerA.id,
      answers: { cableMeters: 14 },
    })
  ).json().id as string;
  await completeOrderVisits(t, f.o1.id);
  const invoices = (await ops.post(`/api/orders/${f.o1.id}/invoices`, {})).json() as { id: string; payer: string }[];
  const customerInvoice = invoices.find((i) => i.payer === 'customer')!.id;
  const newKey = async (portal: typeof partnerA, partnerId: string, scopes: string[]) =>
    (await portal.post(`/api/partners/${partnerId}/api-keys`, { name: 'matrix', scopes })).json() as {
      id: string;
      secret: string;
    };
  const keyA = await newKey(partnerA, f.partnerA.id, ALL_SCOPES);
  const keyB = await newKey(partnerB, f.partnerB.id, ALL_SCOPES);
  // Rotated and revoked by the matrix itself, so the callers' own keys stay valid.
  const spareKey = await newKey(partnerA, f.partnerA.id, ['leads:read']);
  const leadA = (await apiClient(t, keyA.secret).post('/api/v1/leads', completeLead())).json().id as string;
  const endpointA = (
    await partnerA.post(`/api/partners/${f.partnerA.id}/webhook-endpoints`, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['lead.received'],
    })
  ).json().id as string;
  const deliveryA = (await partnerA.post(`/api/partners/${f.partnerA.id}/webhook-endpoints/${endpointA}/test`)).json()
    .deliveryId as string;

  const deviceA = (await tech1.post('/api/mobile/devices', { label: 'matrix' })).json().deviceId as string;
  const photoA = (
    await t.app.inject({
      method: 'POST',
      url: '/api/mobile/photos',
      headers: { cookie: `cc_session=${tech1.cookie}`, 'x-csrf-token': tech1.csrf, 'content-type': 'image/png' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    })
  ).json().sha256 as string;

  const [proposalA] = await t.database.db
    .insert(planningProposals)
    .values({ kind: 'optimise', dateFrom: f.today, dateTo: f.today })
    .returning({ id: planningProposals.id });
  // A field case on tenant A's visit, for ops to close.
  const [caseA] = await t.database.db
    .insert(fieldCases)
    .values({
      visitId: f.v1.id,
      kind: 'checklist_conflict',
      field: 'notes',
      winner: { value: 'a' },
      loser: { value: 'b' },
      commandId: randomUUID(),
    })
    .returning({ id: fieldCases.id });
  // A notification of partner A's user: partner B may neither read nor mark it.
  const [notificationA] = await t.database.db
    .insert(notifications)
    .values({
      userId: f.users['partner-a@alfa.example.nl']!.id,
      type: 'order.created',
      title: 'Nieuwe order',
      body: 'Matrix',
      link: '/partner',
      dedupeKey: 'matrix:partner-a',
    })
    .returning({ id: notifications.id });
  const absenceA = (
    await planner.post(`/api/teams/${f.team1.id}/absences`, {
      dateFrom: '2099-01-05',
      dateTo: '2099-01-06',
      kind: 'training',
    })
  ).json().absence.id as string;

  const byPrefix: [RegExp, string][] = [
    [/^\/api\/mobile\/devices\/:id/, deviceA],
    [/^\/api\/mobile\/cases\/:id/, caseA!.id],
    [/^\/api\/customers\/:id/, f.c1.id],
    [/^\/api\/orders\/:id/, f.o1.id],
    [/^\/api\/quotes\/:id/, quoteA],
    [/^\/api\/invoices\/:id/, customerInvoice],
    [/^\/api\/visits\/:id/, f.v1.id],
    [/^\/api\/(v1\/)?leads\/:id/, leadA],
    [/^\/api\/partners\/:id/, f.partnerA.id],
    [/^\/api\/inventory\/products\/:id/, cat.products.charger.id],
    [/^\/api\/inventory\/visits\/:id/, f.v1.id],
    [/^\/api\/inventory\/purchase-orders\/:id/, purchaseOrderA],
    [/^\/api\/inventory\/tools\/:id/, toolA],
    [/^\/api\/inventory\/counts\/:id/, countA],
    [/^\/api\/inventory\/transfers\/:id/, transferA],
    [/^\/api\/inventory\/van-requests\/:id/, vanRequestA],
    [/^\/api\/planning\/proposals\/:id/, proposalA!.id],
    [/^\/api\/teams\/:id/, f.team1.id],
    [/^\/api\/notifications\/:id/, notificationA!.id],
  ];
  const fixed: Record<string, string> = {
    keyId: spareKey.id,
    endpointId: endpointA,
    deliveryId: deliveryA,
    absenceId: absenceA,
    from: '1',
    to: '1',
    month: f.today.slice(0, 7),
    token: 'x'.repeat(43),
    customerId: f.c1.id,
    channel: 'email',
    sha256: photoA,
    entityId: f.o1.entityId,
    type: 'visit_reminder',
    language: 'nl',
  };
  recordOf = (url, param) => {
    const value = param === 'id' ? byPrefix.find(([re]) => re.test(url))?.[1] : fixed[param];
    if (!value) throw new Error(`The authorization matrix has no record of tenant A for :${param} in ${url}: add one`);
    return value;
  };
  markersOfA = [
    f.o1.id,
    f.c1.id,
    f.v1.id,
    f.partnerA.id,
    quoteA,
    ...invoices.map((i) => i.id),
    leadA,
    endpointA,
    deliveryA,
    keyA.id,
    spareKey.id,
    notificationA!.id,
    vanRequestA,
  ];

  const session = (
    name: string,
    role: Role,
    tenant: Caller['tenant'],
    login: { cookie: string; csrf: string },
  ): Caller => ({
    name,
    role,
    apiKey: false,
    tenant,
    send: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: { cookie: `cc_session=${login.cookie}`, ...(SAFE.has(method) ? {} : { 'x-csrf-token': login.csrf }) },
        ...(payload ? { payload } : {}),
      }),
  });
  const key = (name: string, tenant: 'A' | 'B', secret: string): Caller => ({
    name,
    role: null,
    apiKey: true,
    tenant,
    send: (method, url, payload) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) }),
  });
  // Callers of tenant B go first on each route, before tenant A's callers can change or delete the record.
  callers = [
    {
      name: 'anonymous',
      role: null,
      apiKey: false,
      tenant: null,
      send: (method, url, payload) => t.app.inject({ method, url, ...(payload ? { payload } : {}) }),
    },
    session('partner B', 'partner', 'B', partnerB),
    session('customer B', 'customer', 'B', bram),
    session('technician team 2', 'technician', 'B', tech2),
    key('API key B', 'B', keyB.secret),
    session('partner A', 'partner', 'A', partnerA),
    session('customer A', 'customer', 'A', anna),
    session('technician team 1', 'technician', 'A', tech1),
    key('API key A', 'A', keyA.secret),
    session('planner', 'planner', null, planner),
    session('warehouse', 'warehouse', null, warehouse),
    session('operations', 'operations', null, ops),
    session('admin', 'admin', null, admin),
  ];
}, 180_000);

afterAll(async () => {
  await t?.close();
  rmSync(backupDir, { recursive: true, force: true });
});

/** Public routes that believe only a provider's signature or secret: no caller here has one, so all get 401. */
const SIGNED_CALLBACKS = new Set([
  '/api/messages/status/:channel',
  '/api/messages/inbound/email',
  '/api/messages/inbound/sms',
  '/api/messages/inbound/whatsapp',
]);

/** What the declared access lets a caller do: through, or the status that must stop it. */
function verdict(access: RouteAccess, caller: Caller, url = ''): 'through' | 401 | 403 {
  if (SIGNED_CALLBACKS.has(url)) return 401;
  if (access === 'public') return 'through';
  if (typeof access === 'object' && 'apiKey' in access) {
    if (caller.apiKey) return 'through';
    if (!access.roles || !caller.role) return 401;
    return access.roles.includes(caller.role) ? 'through' : 403;
  }
  if (!caller.role) return 401;
  if (access === 'authenticated') return 'through';
  return access.includes(caller.role) ? 'through' : 403;
}

/** Bodies that would pass validation, for the changes a caller of tenant B may reach by role: only the record's scope can stop them. */
const validBodies: Record<string, object> = {
  'POST /api/partners/:id/api-keys': { name: 'ingebroken', scopes: ['leads:read'] },
  'POST /api/partners/:id/orders': {
    customer: { name: 'Zakelijke Klant', email: 'zakelijk@example.nl', phone: '0331234567' },
    installationAddress: { postcode: '3861 AB', houseNumber: 44, street: 'Kerkstraat', city: 'Nijkerk' },
    lines: [{ description: 'Zaptec Go 2', quantity: 1, unitPriceCents: 90_000, vatRate: 21, billTo: 'partner' }],
  },
  'PUT /api/partners/:id/mail-settings': {
    email: 'ingebroken@bravo.example.nl',
    language: 'en',
    leadQualified: true,
    orderCreated: true,
  },
  'POST /api/partners/:id/webhook-endpoints': { url: 'http://127.0.0.1:9/ingebroken', eventTypes: ['lead.received'] },
  'PATCH /api/partners/:id/webhook-endpoints/:endpointId': { description: 'ingebroken' },
  'POST /api/partners/:id/webhook-endpoints/:endpointId/replay': { since: '2020-01-01T00:00:00Z' },
};

const concretePath = (url: string) => url.replace(/:(\w+)/g, (_, param: string) => recordOf(url, param));
const bodyFor = (route: RouteRecord) => (SAFE.has(route.method) || route.method === 'DELETE' ? undefined : {});
// Removing the record and revoking the spare key end its use for the callers after; logging out ends the session: last of all.
const lateness = (r: RouteRecord) =>
  r.url === '/api/auth/logout' ? 2 : r.method === 'DELETE' || r.url.endsWith('/revoke') ? 1 : 0;

function routes(): RouteRecord[] {
  return t.built.routeTable.filter((r) => !isDocsRoute(r.url)).sort((a, b) => lateness(a) - lateness(b));
}

/** A partner asks for the quote's PDF in its own view (the customer's view is refused, as it should be). */
const queryFor = (route: RouteRecord, caller: Caller) =>
  route.url === '/api/quotes/:id/pdf' && caller.role === 'partner' ? '?view=partner' : '';

/** The same path as the router may read it: percent-encoded letters (either case), doubled and trailing slashes. */
function spellings(url: string): string[] {
  const out = new Set<string>();
  if (url.startsWith('/api/')) out.add(`/%61pi${url.slice(4)}`);
  const m = /^(\/[^/]+\/)([a-z])/.exec(url);
  if (m) {
    const hex = m[2]!.charCodeAt(0).toString(16);
    out.add(`${m[1]}%${hex.toLowerCase()}${url.slice(m[0].length)}`);
    out.add(`${m[1]}%${hex.toUpperCase()}${url.slice(m[0].length)}`);
  }
  out.add(`/${url}`);
  out.add(url.replace(/^(\/[^/]+)\//, '$1//'));
  out.add(`${url}/`);
  out.delete(url);
  return [...out];
}

describe('the authorization matrix', () => {
  it('covers every route of the route table with a record of tenant A', () => {
    expect(routes().length).toBeGreaterThan(100);
    for (const r of routes()) {
      expect(r.access, `${r.method} ${r.url} declares no access`).toBeDefined();
      expect(() => concretePath(r.url)).not.toThrow();
    }
  });

  it('lets through exactly the declared callers, and never shows tenant A to tenant B', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const url = concretePath(route.url);
      const key = `${route.method} ${route.url}`;
      const recordInPath = /:(id|endpointId|keyId|deliveryId)\b/.test(route.url);
      for (const caller of callers) {
        const expected = verdict(route.access!, caller, route.url);
        const crossTenant = caller.tenant === 'B' && expected === 'through';
        const valid = crossTenant ? validBodies[key] : undefined;
        const res = await caller.send(route.method as Method, url + queryFor(route, caller), valid ?? bodyFor(route));
        const seen = `${key} as ${caller.name}: ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${seen} (server error)`);
        if (expected !== 'through') {
          if (res.statusCode !== expected) failures.push(`${seen}, expected ${expected}`);
          continue;
        }
        // Tenant B may be refused tenant A's record with 403 as well as 404; nobody let through may get 401.
        const refusedTheRecord = crossTenant && recordInPath && res.statusCode === 403;
        if ((res.statusCode === 401 || res.statusCode === 403) && !refusedTheRecord)
          failures.push(`${seen}, but the declared access lets it through`);
        if (!crossTenant) continue;
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (recordInPath && res.statusCode !== 403 && res.statusCode !== 404)
          failures.push(`${seen} on tenant A's record, expected 403 or 404`);
        if (ok && markersOfA.some((id) => res.body.includes(id))) failures.push(`${seen} shows a record of tenant A`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses other spellings of every closed path to the anonymous caller and a wrong role', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      if (route.access === 'public') continue;
      const url = concretePath(route.url);
      const outsiders = [callers[0]!, callers.find((c) => c.role && verdict(route.access!, c) !== 'through')].filter(
        (c): c is Caller => !!c,
      );
      for (const caller of outsiders) {
        for (const spelled of spellings(url)) {
          const res = await caller.send(route.method as Method, spelled, bodyFor(route));
          if (res.statusCode < 300) failures.push(`${route.method} ${spelled} as ${caller.name}: ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
