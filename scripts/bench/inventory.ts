// npm run bench:inventory [-- --scale 10 --requests 200 --pg <url>]: the figures of the inventory issue,
// on the embedded database (kept in data/bench) or on PostgreSQL when --pg names a server.
//  1. stock overview (GET /api/inventory/stock, with and without filters): goal p95 < 50 ms
//  2. serial lookup with its hops, order and customer (GET /api/inventory/serials): goal p95 < 50 ms
//  3. a team's picking list for a day (GET /api/inventory/picking-list): goal p95 < 100 ms
//  4. 50 concurrent reservations for the last 10 units of a product: exactly 10 succeed, the rest are
//     refused with 409, on hand never negative, and the balances agree with the ledger afterwards.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import { DEMO_PASSWORD } from '../seed/generate-users.ts';
import { openTarget, seedDemoOnce, targetEnv, type BenchTarget } from './bench-world.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
    pg: { type: 'string' },
  },
});
const scale = Number(values.scale);
const n = Number(values.requests);
const WARM_UP = 20;
const RACERS = 50;
const LAST_UNITS = 10;
const tag = String(scale).replace('.', '_');
const target: BenchTarget = values.pg
  ? { kind: 'postgres', adminUrl: values.pg, name: `cc_bench_inventory_s${tag}` }
  : { kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', `inventory-scale${tag}`) };

printMachine('ChargeCars inventory benchmark');
process.stdout.write(`cores (availableParallelism): ${availableParallelism()}\n`);
process.stdout.write(`database: ${target.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}, scale ${scale}\n`);
await seedDemoOnce(target, scale, 'stock_moves');

// What the measurements ask for: serials (half installed, half in stock), 50 planned visits, and a
// product of its own for the race with exactly 10 units at the warehouse.
const setup = await openTarget(target);
const serials = (
  await setup.execute(
    `(select serial_number from stock_serials where visit_id is not null order by serial_number limit 200)
     union all (select serial_number from stock_serials where visit_id is null order by serial_number limit 200)`,
    [],
  )
).rows.map((r) => String(r.serial_number));
const visitIds = (
  await setup.execute(`select id from visits where status = 'scheduled' order by number limit ${RACERS}`, [])
).rows.map((r) => String(r.id));
// The busiest team-days, so the picking list has visits to list.
const teamDays = (
  await setup.execute(
    `select team_id, scheduled_date::text date from visits where status = 'scheduled' and team_id is not null
     group by 1, 2 order by count(*) desc, 2 limit 20`,
    [],
  )
).rows.map((r) => ({ teamId: String(r.team_id), date: String(r.date) }));
const vanId = String(
  (await setup.execute(`select id from stock_locations where kind = 'van' order by code limit 1`, [])).rows[0]!.id,
);
const supplierId = String(
  (await setup.execute(`select id from stock_locations where kind = 'supplier' and parent_id is not null limit 1`, []))
    .rows[0]!.id,
);
const warehouseId = String(
  (await setup.execute(`select id from stock_locations where code = 'MAG-NKK'`, [])).rows[0]!.id,
);
const [raceProduct] = await setup.db
  .insert(s.products)
  .values({
    sku: `BENCH-${Date.now().toString(36).toUpperCase()}`,
    name: 'Benchmark-bevestigingsset',
    categoryCode: 'mounting',
    unit: 'piece',
  })
  .returning({ id: s.products.id });
await setup.close();
if (visitIds.length < RACERS || !serials.length || !teamDays.length)
  throw new Error('the benchmark data has too few visits or serials');

const server = await startServerProcess(
  { ...targetEnv(target), RUN_WORKERS: 'false', API_RATE_LIMIT_PER_MINUTE: '10000000' },
  3931,
);
const results: Record<string, number | string> = { scale, cores: availableParallelism(), database: target.kind };
try {
  const warehouse = await logIn('magazijn@chargecars.nl');
  const operations = await logIn('operations@chargecars.nl');

  const overviewUrls = [
    '/api/inventory/stock',
    '/api/inventory/stock?belowReorderPoint=true',
    '/api/inventory/stock?q=zap',
    `/api/inventory/stock?locationId=${vanId}`,
    `/api/inventory/stock?locationId=${warehouseId}`,
  ];
  const overview = await measure((i) => warehouse.get(overviewUrls[i % overviewUrls.length]!));
  report('stock overview', 'stockOverview', overview);
  const lookup = await measure((i) =>
    warehouse.get(`/api/inventory/serials?serial=${encodeURIComponent(serials[i % serials.length]!)}`),
  );
  report('serial lookup', 'serialLookup', lookup);
  const picking = await measure((i) => {
    const day = teamDays[i % teamDays.length]!;
    return warehouse.get(`/api/inventory/picking-list?teamId=${day.teamId}&date=${day.date}`);
  });
  report('picking list (team-day)', 'pickingList', picking, 100);

  // The race: 10 units received, then 50 visits reserve one each at the same moment.
  const receipt = await warehouse.post('/api/inventory/postings', {
    idempotencyKey: `bench-race-${randomUUID()}`,
    documentType: 'purchase_receipt',
    documentRef: 'BENCH-RACE',
    moves: [
      { productId: raceProduct!.id, quantity: LAST_UNITS, fromLocationId: supplierId, toLocationId: warehouseId },
    ],
  });
  if (receipt.status !== 201) throw new Error(`receipt answered ${receipt.status}: ${JSON.stringify(receipt.body)}`);
  const t0 = performance.now();
  const answers = await Promise.all(
    visitIds.map((visitId) =>
      warehouse.post(`/api/inventory/visits/${visitId}/reservations`, {
        lines: [{ productId: raceProduct!.id, quantity: 1 }],
      }),
    ),
  );
  const raceMs = performance.now() - t0;
  const won = answers.filter((a) => a.status === 200).length;
  const refused = answers.filter((a) => a.status === 409 && a.body?.code === 'insufficient_stock').length;
  const other = answers.length - won - refused;
  const stock = (await warehouse.get(`/api/inventory/stock?productId=${raceProduct!.id}`)).body as unknown as {
    onHand: number;
    reserved: number;
  }[];
  const onHand = stock.reduce((a, r) => a + r.onHand, 0);
  const reserved = stock.reduce((a, r) => a + r.reserved, 0);
  const check = (await operations.get('/api/inventory/balance-check')).body as unknown as { differences: unknown[] };
  process.stdout.write(
    `reservation race: ${RACERS} concurrent for the last ${LAST_UNITS}: ${won} succeeded, ${refused} refused (409), ${other} other, in ${raceMs.toFixed(0)} ms; ` +
      `on hand ${onHand}, reserved ${reserved}; rebuild differences: ${check.differences.length} ` +
      `(goal: exactly ${LAST_UNITS} succeed, none negative, no differences)\n`,
  );
  Object.assign(results, {
    raceSucceeded: won,
    raceRefused: refused,
    raceOther: other,
    raceMs: Math.round(raceMs),
    raceOnHand: onHand,
    raceReserved: reserved,
    rebuildDifferences: check.differences.length,
  });
  for (const visitId of visitIds) await warehouse.post(`/api/inventory/visits/${visitId}/reservations/release`);
  if (won !== LAST_UNITS || other || onHand < 0 || check.differences.length) process.exitCode = 1;
} finally {
  await server.stop();
}
process.stdout.write(`${JSON.stringify(results)}\n`);

type Answer = { status: number; body: { code?: string } & Record<string, unknown> };
async function logIn(email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email} answered ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (method: string, url: string, body?: unknown): Promise<Answer> => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : {} };
  };
  return { get: (url: string) => send('GET', url), post: (url: string, body?: unknown) => send('POST', url, body) };
}

async function measure(call: (i: number) => Promise<Answer>) {
  const ms: number[] = [];
  for (let i = 0; i < n + WARM_UP; i++) {
    const t0 = performance.now();
    const res = await call(i);
    const took = performance.now() - t0;
    if (res.status !== 200) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (i >= WARM_UP) ms.push(took);
  }
  return summarize(ms);
}

function report(label: string, key: string, m: ReturnType<typeof summarize>, goalMs = 50) {
  results[`${key}P50Ms`] = Number(m.p50.toFixed(1));
  results[`${key}P95Ms`] = Number(m.p95.toFixed(1));
  process.stdout.write(
    `${label}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (n=${m.n}; goal p95 < ${goalMs} ms)\n`,
  );
}
