import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the plugin's two build hooks on a folder as Vite would after writing the bundle. */
async function runOn(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(path.join(tmpdir(), 'cc-precompress-'));
  dirs.push(root);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'dist', name)), { recursive: true });
    writeFileSync(path.join(root, 'dist', name), body);
  }
  const plugin = precompress() as unknown as {
    configResolved: (c: { root: string; build: { outDir: string } }) => void;
    closeBundle: () => Promise<void>;
  };
  plugin.configResolved({ root, build: { outDir: 'dist' } });
  await plugin.closeBundle();
  return path.join(root, 'dist');
}

describe('precompressing the build', () => {
  it('writes a brotli and a gzip copy beside each text asset that decompress to the original', async () => {
    const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `rij ${i}` })))};`;
    const dist = await runOn({
      'assets/index-abc.js': script,
      'index.html': `<!doctype html>${'<p>x</p>'.repeat(300)}`,
    });
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'assets/index-abc.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(path.join(dist, 'assets/index-abc.js.gz'))).toString()).toBe(script);
    expect(readFileSync(path.join(dist, 'assets/index-abc.js.br')).length).toBeLessThan(script.length / 3);
    expect(readdirSync(dist).sort()).toEqual(['assets', 'index.html', 'index.html.br', 'index.html.gz']);
  });

  it('leaves tiny files and binary formats alone', async () => {
    const dist = await runOn({ 'assets/tiny.js': 'export{}', 'assets/logo.png': Buffer.alloc(4096, 7) });
    expect(readdirSync(path.join(dist, 'assets')).sort()).toEqual(['logo.png', 'tiny.js']);
  });
});
