import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { intakeEmail } from './modules/leads/send-intake.ts';
import { formatDutchDate } from './platform/calendar.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

// Every mail the platform writes, as its source states it: the subject and body lines of storeEmail calls.
const mailLines = sourceFiles(SRC).flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ where: `${path.relative(SRC, file)}:${i + 1}`, line }))
    .filter(({ line }) => /^\s*(subject|bodyText):\s*[`'"]/.test(line)),
);

describe('mail texts', () => {
  it('finds the mails it checks', () => {
    expect(mailLines.length).toBeGreaterThanOrEqual(6);
  });

  it('address customers and partners as "u", as the portals do, never "je"', () => {
    const informal = mailLines.filter(({ line }) => /\b(je|jij|jou|jouw|jullie)\b/i.test(line));
    expect(informal.map((m) => m.where)).toEqual([]);
  });

  it('start every subject with a capital', () => {
    const lower = mailLines.filter(({ line }) => /^\s*subject:\s*[`'"]\p{Ll}/u.test(line));
    expect(lower.map((m) => m.where)).toEqual([]);
    const lead = { name: 'Anna de Vries', email: 'anna@example.nl', number: 'LD-2026-000009' };
    expect(intakeEmail(lead, 'https://x/intake/t', false).subject).toBe(
      'Een paar vragen over uw laadpaal (LD-2026-000009)',
    );
    expect(intakeEmail(lead, 'https://x/intake/t', true).subject).toMatch(/^Herinnering: een paar vragen/);
  });

  it('write dates as Dutch readers do, not as ISO dates', () => {
    expect(formatDutchDate('2026-12-20')).toBe('20 december 2026');
    expect(mailLines.filter(({ line }) => /validUntil\}/.test(line)).map((m) => m.where)).toEqual([]);
  });
});
