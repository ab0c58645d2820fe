import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding, portalIndexPages } from './portal-preloads.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'cc-portal-preloads-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** A build as Vite leaves it: the entry with a shared chunk, and lazy portal modules with their own imports. */
function build(withManifest: boolean) {
  mkdirSync(path.join(dist, '.vite'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  const manifest = {
    'src/main.tsx': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared.js'] },
    '_shared.js': { file: 'assets/shared-1.js' },
    '_table.js': { file: 'assets/table-1.js', imports: ['_shared.js'], css: ['assets/table-1.css'] },
    'src/app/routes/technician/technician-portal.tsx': {
      file: 'assets/technician-1.js',
      imports: ['_shared.js', '_table.js'],
    },
    'src/app/routes/signing/signing-route.tsx': { file: 'assets/signing-1.js', imports: ['_shared.js'] },
  };
  if (withManifest) writeFileSync(path.join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  else rmSync(path.join(dist, '.vite/manifest.json'), { force: true });
}

describe("each portal's page announces its chunks", () => {
  it('preloads the portal module, what it imports beyond the entry, its styles, and the session when it needs one', () => {
    build(true);
    const pageFor = portalIndexPages(dist);
    const technician = pageFor('/technician/visits').identity.toString();
    expect(technician).toContain('<link rel="modulepreload" crossorigin href="/assets/technician-1.js">');
    expect(technician).toContain('<link rel="modulepreload" crossorigin href="/assets/table-1.js">');
    expect(technician).toContain('<link rel="stylesheet" crossorigin href="/assets/table-1.css">');
    expect(technician).toContain('href="/api/auth/me" as="fetch"');
    // The entry's own chunks are in index.html already.
    expect(technician).not.toContain('shared-1.js');

    const signing = pageFor('/sign/abc').identity.toString();
    expect(signing).toContain('/assets/signing-1.js');
    expect(signing).not.toContain('/api/auth/me');
    expect(brotliDecompressSync(pageFor('/sign/abc').br).toString()).toBe(signing);

    expect(pageFor('/').identity.toString()).not.toContain('modulepreload');
  });

  it('serves the plain page when the build has no manifest', () => {
    build(false);
    expect(portalIndexPages(dist)('/technician').identity.toString()).not.toContain('modulepreload');
  });
});

describe('choosing the encoding of a page', () => {
  it('takes brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0.0, gzip; q=0')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});
