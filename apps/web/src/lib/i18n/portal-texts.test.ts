import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nlCustomerTexts } from './messages-nl-customer';
import { nlPortalExtras } from './messages-nl-portal-extras';
import { nlShell } from './messages-nl-shell';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

/** Every source file a module loads, statically or lazily, following our own relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = path.resolve(path.dirname(entry), spec!);
    const file = ['.tsx', '.ts', '/index.ts', '/index.tsx'].map((ext) => base + ext).find(existsSync);
    if (file && !file.includes('.test.')) reachable(file, seen);
  }
  return seen;
}

/** The text keys a portal's screens ask for by name (`t('area.key')`). */
function keysUsedFrom(entry: string): string[] {
  const keys = new Set<string>();
  for (const file of reachable(path.join(SRC, entry)))
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) keys.add(key!);
  return [...keys];
}

// Each portal loads the shell's Dutch texts and adds its own part when it loads; a key it uses from a
// part it does not load shows as the raw key. The customer's pages load a smaller part than the
// office portals, so a phone on a slow link fetches less before the first screen (issue 16).
describe('every portal loads the Dutch texts its screens use', () => {
  const loaded = {
    customer: { ...nlShell, ...nlCustomerTexts },
    office: { ...nlShell, ...nlPortalExtras },
  };
  it.each([
    ['app/routes/customer/customer-portal.tsx', loaded.customer],
    ['app/routes/signing/signing-route.tsx', loaded.customer],
    ['app/routes/intake/intake-page.tsx', loaded.customer],
    ['app/routes/survey/survey-page.tsx', loaded.office],
    ['app/routes/login/login-page.tsx', nlShell],
    ['app/routes/login/magic-link-page.tsx', nlShell],
    ['app/routes/technician/technician-portal.tsx', nlShell],
    ['app/routes/partner/partner-portal.tsx', loaded.office],
    ['app/routes/ops/ops-portal.tsx', loaded.office],
  ])('%s', (entry, texts) => {
    const used = keysUsedFrom(entry);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !(k in texts))).toEqual([]);
  });
});
