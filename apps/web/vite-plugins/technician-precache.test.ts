import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { technicianFiles, technicianPrecache, type BuildManifest } from './technician-precache';

// The shape of a real build's .vite/manifest.json: a shared chunk imports the entry back, the entry
// lazily imports every portal, and the technician portal's scanner carries the zxing WASM.
const MANIFEST: BuildManifest = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    css: ['assets/index-1.css'],
    imports: ['_i18n.js'],
    dynamicImports: [
      'src/design/toast-list.tsx',
      'src/app/routes/login/login-page.tsx',
      'src/app/routes/ops/ops-portal.tsx',
      'src/app/routes/technician/technician-portal.tsx',
      'src/app/routes/customer/customer-portal.tsx',
    ],
  },
  '_i18n.js': { file: 'assets/i18n-1.js', dynamicImports: ['src/lib/i18n/messages-en.ts'] },
  'src/lib/i18n/messages-en.ts': { file: 'assets/messages-en-1.js' },
  'src/design/toast-list.tsx': { file: 'assets/toast-list-1.js', imports: ['index.html'] },
  '_button.js': { file: 'assets/button-1.js', imports: ['index.html'] },
  'src/app/routes/login/login-page.tsx': { file: 'assets/login-page-1.js', imports: ['_button.js'] },
  'src/app/routes/ops/ops-portal.tsx': {
    file: 'assets/ops-portal-1.js',
    imports: ['_button.js'],
    dynamicImports: ['src/features/planning-optimiser/netherlands-map.tsx'],
  },
  'src/features/planning-optimiser/netherlands-map.tsx': { file: 'assets/netherlands-map-1.js' },
  'src/app/routes/customer/customer-portal.tsx': { file: 'assets/customer-portal-1.js', css: ['assets/c-1.css'] },
  'src/app/routes/technician/technician-portal.tsx': {
    file: 'assets/technician-portal-1.js',
    imports: ['_button.js', 'index.html'],
    dynamicImports: ['src/features/field/components/serial-scanner.ts'],
  },
  'src/features/field/components/serial-scanner.ts': {
    file: 'assets/serial-scanner-1.js',
    assets: ['assets/zxing_reader-1.wasm'],
  },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the technician app's precache", () => {
  it("holds the shell, the technician's screens and the scanner's WASM, and no other portal", () => {
    expect([...technicianFiles(MANIFEST)].sort()).toEqual([
      'assets/button-1.js',
      'assets/i18n-1.js',
      'assets/index-1.css',
      'assets/index-1.js',
      'assets/messages-en-1.js',
      'assets/serial-scanner-1.js',
      'assets/technician-portal-1.js',
      'assets/toast-list-1.js',
      'assets/zxing_reader-1.wasm',
    ]);
  });

  it('keeps what the build manifest does not name (the page, the web manifest, the icons)', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'cc-precache-'));
    dirs.push(outDir);
    mkdirSync(path.join(outDir, '.vite'));
    writeFileSync(path.join(outDir, '.vite/manifest.json'), JSON.stringify(MANIFEST));
    const found = [
      'index.html',
      'manifest.webmanifest',
      'field-icon-192.png',
      'assets/index-1.js',
      'assets/technician-portal-1.js',
      'assets/zxing_reader-1.wasm',
      'assets/ops-portal-1.js',
      'assets/netherlands-map-1.js',
      'assets/customer-portal-1.js',
      'assets/c-1.css',
      'assets/login-page-1.js',
    ].map((url) => ({ url, revision: null, size: 1 }));
    const { manifest } = await technicianPrecache(outDir)(found);
    expect(manifest.map((e) => e.url)).toEqual([
      'index.html',
      'manifest.webmanifest',
      'field-icon-192.png',
      'assets/index-1.js',
      'assets/technician-portal-1.js',
      'assets/zxing_reader-1.wasm',
    ]);
  });
});
