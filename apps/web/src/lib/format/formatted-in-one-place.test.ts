import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [path.join(dir, e.name)]
        : [],
  );

describe('amounts, numbers and dates', () => {
  // Issue 16: a page that formats on its own writes Dutch for an English reader ("Earliest: dinsdag 15
  // december 2026"). The formatters of lib/format, which pages take from useI18n(), are the only ones.
  it('are formatted only in lib/format, in the language the user chose', () => {
    const own = /\bnew Intl\.|\.toLocale(?:Date|Time)?String\(|['"]nl-NL['"]\s*,\s*\{/;
    const offenders = sources('.')
      .filter((f) => !f.startsWith(`lib${path.sep}format`) && !f.startsWith(`lib${path.sep}i18n`))
      .flatMap((f) =>
        readFileSync(path.join(SRC, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (own.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
