import type { Rng } from '../demo/index.ts';

/** How much to make: the PRD's current volumes, multiplied by the scale. */
export const BASELINE = {
  partners: 391,
  teams: 7,
  customers: 6_959,
  openLeads: 833,
  quotes: 5_321,
  orders: 5_576,
  visits: 5_197,
} as const;

export type Counts = { -readonly [K in keyof typeof BASELINE]: number };

export function countsFor(scale: number): Counts {
  const out = {} as Counts;
  // Seven teams at the least, one per region: a visit belongs to a team that serves its region.
  for (const [k, v] of Object.entries(BASELINE))
    out[k as keyof Counts] = Math.max(k === 'teams' ? BASELINE.teams : 2, Math.round(v * scale));
  return out;
}

/** Deterministic UUIDs (v4 layout) from the seeded generator, so a seed run is repeatable. */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 16 }, () => rng.int(0, 255).toString(16).padStart(2, '0'));
  hex[6] = ((Number.parseInt(hex[6]!, 16) & 0x0f) | 0x40).toString(16).padStart(2, '0');
  hex[8] = ((Number.parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const DAY = 86_400_000;
/** Local calendar date (Europe/Amsterdam) of an instant, YYYY-MM-DD. */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
export const localDate = (d: Date) => AMSTERDAM_DATE.format(d);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
/** Installation teams work Monday to Saturday. */
export const isWorkday = (d: Date) => new Date(`${localDate(d)}T12:00:00Z`).getUTCDay() !== 0;
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
