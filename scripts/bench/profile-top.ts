// node --import tsx scripts/bench/profile-top.ts <file.cpuprofile> [count] [last-seconds]: the functions with
// the most self time in a V8 CPU profile (what BENCH_PROFILE_DIR writes), without opening DevTools;
// `last-seconds` keeps only the end of the profile (the load, not the start-up). PGlite's WASM counts as one.
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, count = '25', last] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const at: number[] = [];
profile.timeDeltas.reduce((t, dt, i) => (at[i] = t + dt), 0);
const from = last ? at.at(-1)! - Number(last) * 1e6 : -Infinity;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  if (at[i]! < from) return;
  total += dt;
  const where = n.callFrame.url
    ? `${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages|scripts)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
    : '';
  const key = n.callFrame.url.startsWith('wasm://')
    ? '(PGlite WASM)'
    : `${n.callFrame.functionName || '(anonymous)'} ${where}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
process.stdout.write(`total ${(total / 1e6).toFixed(1)} s sampled\n`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  process.stdout.write(
    `${(us / 1e3).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`,
  );
}
