import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nlShell } from './messages-nl-shell';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [path.join(dir, e.name)]
        : [],
  );

describe('the technician app texts', () => {
  // The technician app loads only the shell's Dutch texts (the office portals bring the rest), so a key it
  // uses from elsewhere shows as the raw key on the phone: the day map's sources did ("routes.attribution").
  it('finds every text key the technician app uses in the shell', () => {
    const files = [...sources('features/field'), ...sources('app/routes/technician'), 'design/netherlands-map.tsx'];
    const used = new Set(
      files.flatMap((f) =>
        [...readFileSync(path.join(SRC, f), 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in nlShell))).toEqual([]);
  });
});
