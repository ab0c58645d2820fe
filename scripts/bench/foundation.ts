// npm run bench:foundation [-- --skip-scale10]: the figures of the foundation issue.
//  1. seeding at scale 1 (goal < 60 s)  2. cold start to /readyz on existing data (goal < 5 s)
//  3. customer list API at scale 10, page of 50, search by name / postcode / email (goal p95 < 50 ms)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import { seedDemoData } from '../seed/seed-demo.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH_DATA = path.join(ROOT, 'data', 'bench');
const { values } = parseArgs({
  options: {
    'skip-scale1': { type: 'boolean', default: false },
    'skip-scale10': { type: 'boolean', default: false },
    requests: { type: 'string', default: '300' },
  },
});

async function seedInto(dir: string, scale: number) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  const summary = await seedDemoData(database, { scale, progress: () => undefined });
  await database.close();
  return summary;
}

printMachine('ChargeCars foundation benchmark');
const results: Record<string, number> = {};

// 1. Seeding at scale 1, into a fresh embedded database on disk.
const scale1 = path.join(BENCH_DATA, 'scale1');
if (!values['skip-scale1']) {
  const s1 = await seedInto(scale1, 1);
  results.seedScale1Seconds = s1.seconds;
  process.stdout.write(
    `seed scale 1: ${s1.records.toLocaleString('en')} records in ${s1.seconds.toFixed(1)} s (goal < 60 s)\n`,
  );

  // 2. Cold start on existing data, three times; the median counts.
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await startServerProcess({ DATA_DIR: scale1, RUN_WORKERS: 'true' }, 3900 + i);
    starts.push(server.readyMs);
    await server.stop();
  }
  results.coldStartMs = summarize(starts).p50;
  process.stdout.write(
    `cold start to /readyz: median ${results.coldStartMs.toFixed(0)} ms of ${starts.map((s) => s.toFixed(0)).join(', ')} (goal < 5000 ms)\n`,
  );
}

// 3. Customer list at scale 10.
if (!values['skip-scale10']) {
  const scale10 = path.join(BENCH_DATA, 'scale10');
  if (!existsSync(path.join(scale10, 'PG_VERSION'))) {
    process.stdout.write('seeding scale 10 (once; kept in data/bench/scale10) ...\n');
    const s10 = await seedInto(scale10, 10);
    process.stdout.write(`seed scale 10: ${s10.records.toLocaleString('en')} records in ${s10.seconds.toFixed(1)} s\n`);
  }
  const server = await startServerProcess({ DATA_DIR: scale10, RUN_WORKERS: 'false' }, 3910);
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operations@chargecars.nl', password: 'ChargeCars-demo-2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const sample = (await (
      await fetch(`${server.url}/api/customers?pageSize=200&sort=-createdAt`, { headers: { cookie } })
    ).json()) as { items: { name: string; postcode: string; email: string }[] };
    const queries = sample.items.flatMap((c) => [
      c.name.split(' ').at(-1)!,
      c.postcode.slice(0, 4),
      c.email.slice(0, 6),
      '',
    ]);
    const kinds = ['name', 'postcode', 'email', 'no search'];
    const timings: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, []]));
    const all: number[] = [];
    const n = Number(values.requests);
    for (let i = 0; i < n + 20; i++) {
      const q = queries[i % queries.length]!;
      const page = 1 + (i % 3);
      const t0 = performance.now();
      const res = await fetch(
        `${server.url}/api/customers?pageSize=50&page=${page}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        { headers: { cookie } },
      );
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (!res.ok) throw new Error(`customer list answered ${res.status}`);
      if (i >= 20) {
        timings[kinds[i % 4]!]!.push(ms);
        all.push(ms);
      } // the first 20 warm up
    }
    for (const k of kinds) {
      const s = summarize(timings[k]!);
      process.stdout.write(`customer list (${k}): p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})\n`);
    }
    const s = summarize(all);
    results.customerListP95Ms = s.p95;
    process.stdout.write(
      `customer list at scale 10, all queries: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (goal p95 < 50 ms)\n`,
    );
  } finally {
    await server.stop();
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
