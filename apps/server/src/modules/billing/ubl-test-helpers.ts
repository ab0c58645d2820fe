import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The official UBL 2.1 schemas, copied into the repository (see ubl-schema/SOURCES.md).
const UBL_DIR = fileURLToPath(new URL('./ubl-schema/maindoc/', import.meta.url));
let tmp: string | undefined;

/** xmllint's verdict against the official schema; throws with its message when invalid. */
export function validateUbl(xml: string, kind: 'Invoice' | 'CreditNote') {
  tmp ??= mkdtempSync(path.join(tmpdir(), 'ubl-'));
  const file = path.join(tmp, `${kind}-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--noout', '--schema', path.join(UBL_DIR, `UBL-${kind}-2.1.xsd`), file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
