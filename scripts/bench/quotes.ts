// npm run bench:quotes [-- --scale 10 --requests 200]: the figures of the quotes issue.
//  1. create a quote from a template through the API at scale 10 (goal p95 < 50 ms)
//  2. render a quote PDF through the API (goal p95 < 300 ms)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import { seedDemoData } from '../seed/seed-demo.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, requests: { type: 'string', default: '200' } },
});
const scale = Number(values.scale);
const n = Number(values.requests);
const WARM_UP = 20;
// Its own data directory: the seeded world must hold the quote templates of this issue.
const dir = path.join(ROOT, 'data', 'bench', `quotes-scale${scale}`);

printMachine('ChargeCars quotes benchmark');
process.stdout.write(`availableParallelism: ${availableParallelism()}\n`);
if (!existsSync(path.join(dir, 'PG_VERSION'))) {
  process.stdout.write(`seeding scale ${scale} (once; kept in ${path.relative(ROOT, dir)}) ...\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  const s = await seedDemoData(database, { scale, progress: () => undefined });
  await database.close();
  process.stdout.write(`seeded ${s.records.toLocaleString('en')} records in ${s.seconds.toFixed(1)} s\n`);
}

// Real customers of ChargeCars with the partner that brought them, so allocation reads real agreements.
const database = await openDatabase({ dataDir: dir });
const { rows: pairs } = await database.execute(
  `select c.id as "customerId", c.source_partner_id as "partnerId" from customers c where c.source_entity_id = 'chargecars' and c.source_partner_id is not null order by c.number limit 200`,
  [],
);
await database.close();

const server = await startServerProcess({ DATA_DIR: dir, RUN_WORKERS: 'false' }, 3920);
const results: Record<string, number> = { scale, availableParallelism: availableParallelism() };
try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'operations@chargecars.nl', password: 'ChargeCars-demo-2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const templates = (await (
    await fetch(`${server.url}/api/quote-templates?entityId=chargecars`, { headers: { cookie } })
  ).json()) as { id: string }[];
  if (!templates.length || !pairs.length) throw new Error('no templates or customers in the benchmark data');

  const created: string[] = [];
  const createMs: number[] = [];
  for (let i = 0; i < n + WARM_UP; i++) {
    const pair = pairs[i % pairs.length]!;
    const body = {
      templateId: templates[i % templates.length]!.id,
      ...pair,
      answers: { cableMeters: 5 + (i % 20), meterCabinetUpgrade: i % 4 === 0, smartMeter: i % 3 === 0 },
    };
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/quotes/from-template`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string };
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`create from template answered ${res.status}: ${JSON.stringify(json)}`);
    created.push(json.id);
    if (i >= WARM_UP) createMs.push(ms);
  }
  const c = summarize(createMs);
  results.quoteFromTemplateP50Ms = c.p50;
  results.quoteFromTemplateP95Ms = c.p95;
  process.stdout.write(
    `quote from template (API): p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms (n=${c.n}; goal p95 < 50 ms)\n`,
  );

  const pdfMs: number[] = [];
  const pdfs = Math.min(n, created.length - WARM_UP);
  for (let i = 0; i < pdfs + WARM_UP; i++) {
    const view = i % 2 ? 'customer' : 'partner';
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/quotes/${created[i]}/pdf?view=${view}`, { headers: { cookie } });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`quote PDF answered ${res.status}`);
    if (i >= WARM_UP) pdfMs.push(ms);
  }
  const p = summarize(pdfMs);
  results.quotePdfP50Ms = p.p50;
  results.quotePdfP95Ms = p.p95;
  process.stdout.write(
    `quote PDF render (API): p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (n=${p.n}; goal p95 < 300 ms)\n`,
  );
} finally {
  await server.stop();
}
process.stdout.write(`${JSON.stringify(results)}\n`);
