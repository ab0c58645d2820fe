import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding, portalIndexPages, withSession } from './portal-preloads.ts';

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
  it('preloads the portal module, what it imports beyond the entry, and its styles; says which pages read the session', () => {
    build(true);
    const pageFor = portalIndexPages(dist);
    const technician = pageFor('/technician/visits').html;
    expect(technician).toContain('<link rel="modulepreload" crossorigin href="/assets/technician-1.js">');
    expect(technician).toContain('<link rel="modulepreload" crossorigin href="/assets/table-1.js">');
    expect(technician).toContain('<link rel="stylesheet" crossorigin href="/assets/table-1.css">');
    expect(pageFor('/technician/visits').session).toBe(true);
    // A visitor without a session gets null written in, so the page knows without asking.
    expect(pageFor('/technician').anonymous.identity.toString()).toContain(
      '<script type="application/json" id="session-data">null</script>',
    );
    // The entry's own chunks are in index.html already.
    expect(technician).not.toContain('shared-1.js');

    const signing = pageFor('/sign/abc');
    expect(signing.html).toContain('/assets/signing-1.js');
    expect(signing.session).toBe(false);
    expect(brotliDecompressSync(signing.anonymous.br).toString()).toBe(signing.html);

    expect(pageFor('/').html).not.toContain('modulepreload');
    expect(pageFor('/').session).toBe(true);
  });

  it('serves the plain page when the build has no manifest', () => {
    build(false);
    expect(portalIndexPages(dist)('/technician').html).not.toContain('modulepreload');
  });
});

describe('the session written into a page', () => {
  it('is a JSON data block no value can break out of', () => {
    const page = withSession('<html><head></head></html>', { user: { name: '</script><script>alert(1)</script>' } });
    const block = /<script type="application\/json" id="session-data">(.*)<\/script>/.exec(page)![1]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block)).toEqual({ user: { name: '</script><script>alert(1)</script>' } });
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
