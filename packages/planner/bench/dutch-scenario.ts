import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GeoPoint, Problem, Region, Team, Visit } from '../src/index.ts';
import { Rng } from '../src/search/rng.ts';
import { repoRoot } from './bench-io.ts';

export interface Pc4 extends GeoPoint {
  pc4: string;
  municipality: string;
}

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

export function readPc4(path = resolve(repoRoot, 'packages/geo/data/pc4.csv')): Pc4[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [pc4, lat, lon, municipality] = csvFields(line);
      return { pc4: pc4 as string, lat: Number(lat), lon: Number(lon), municipality: municipality ?? '' };
    });
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Seven overlapping service regions by two-digit postcode. */
export const REGIONS: Region[] = [
  { id: 'noord-holland', pc2: range(10, 21) },
  { id: 'zuid-holland', pc2: range(20, 33) },
  { id: 'midden', pc2: [...range(12, 14), ...range(34, 41)] },
  { id: 'oost', pc2: [...range(38, 39), ...range(65, 77), ...range(80, 83)] },
  { id: 'noord', pc2: range(77, 99) },
  { id: 'brabant-zeeland', pc2: range(42, 57) },
  { id: 'limburg-rivieren', pc2: [...range(40, 41), ...range(55, 68)] },
];

export const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
export const MORNING = { start: 8 * 60, end: 12 * 60 };
export const AFTERNOON = { start: 12 * 60, end: 17 * 60 };

export interface Scenario {
  problem: Problem;
  /** Spare locations (already in the matrix) for visits added later, e.g. by self-scheduling. */
  spareLocations: { location: number; pc2: string }[];
}

/** Service-start window that keeps the whole visit inside a block. */
function within(block: { start: number; end: number }, duration: number): { start: number; end: number } {
  return { start: block.start, end: Math.max(block.start, block.end - duration) };
}

export function makeVisit(rng: Rng, id: string, location: number, pc2: string): Visit {
  const survey = rng.next() < 0.2;
  const duration = survey ? 45 : 120 + 30 * rng.int(5);
  const u = rng.next();
  const block = u < 0.4 ? MORNING : u < 0.8 ? AFTERNOON : { start: MORNING.start, end: AFTERNOON.end };
  const skills = survey ? ['survey'] : ['charger-installation'];
  if (!survey && rng.next() < 0.3) skills.push('3-phase-meter-cabinet');
  if (!survey && rng.next() < 0.3) skills.push('ocpp-configuration');
  return {
    id,
    location,
    pc2,
    duration,
    skills,
    window: within(block, duration),
    demand: survey ? 0 : 1,
    priority: rng.int(4),
  };
}

/**
 * A realistic week: visits at real PC4 centroids, teams at home bases or HQ Nijkerk, each
 * serving its home region and a neighbour, with survey-then-installation orders, two-visit
 * orders on different days and a few pinned visits.
 */
export function dutchScenario(pc4: Pc4[], visitCount: number, teamCount: number, seed: number, spare = 0): Scenario {
  const rng = new Rng(seed);
  const pick = (): Pc4 => pc4[rng.int(pc4.length)] as Pc4;
  const locations: GeoPoint[] = [];
  const hq = pc4.find((p) => p.pc4 === '3861') ?? pick();
  locations.push(hq);
  const teams: Team[] = [];
  for (let t = 0; t < teamCount; t++) {
    const home = REGIONS[t % REGIONS.length] as Region;
    // A small company stretches each team over more regions to cover the country.
    const served = [home.id, (REGIONS[(t + 1) % REGIONS.length] as Region).id];
    if (teamCount < 20 || rng.next() < 0.3)
      served.push((REGIONS[(t + REGIONS.length - 1) % REGIONS.length] as Region).id);
    const inHome = pc4.filter((p) => home.pc2.includes(p.pc4.slice(0, 2)));
    const base = rng.next() < 0.3 ? 0 : locations.push(inHome[rng.int(inHome.length)] ?? pick()) - 1;
    const skills = ['charger-installation'];
    if (rng.next() < 0.6) skills.push('3-phase-meter-cabinet');
    if (rng.next() < 0.5) skills.push('ocpp-configuration');
    if (t % 3 === 0) skills.push('survey');
    teams.push({
      id: `team-${t + 1}`,
      start: base,
      end: base,
      skills,
      regions: served,
      maxVisitsPerDay: 4,
      capacity: 2 + rng.int(2),
      shifts: DAYS.map((day) => ({ day, start: 7 * 60 + 30, end: 17 * 60 + 30 })),
    });
  }
  const visits: Visit[] = [];
  for (let v = 0; v < visitCount; v++) {
    const p = pick();
    const visit = makeVisit(rng, `v${v + 1}`, locations.push(p) - 1, p.pc4.slice(0, 2));
    const previous = visits[visits.length - 1];
    const u = rng.next();
    if (
      previous &&
      previous.location !== visit.location &&
      u < 0.1 &&
      previous.skills?.includes('survey') &&
      !visit.skills?.includes('survey')
    ) {
      visit.location = previous.location;
      visit.pc2 = previous.pc2;
      visit.after = [previous.id];
    } else if (previous && u < 0.15 && !previous.skills?.includes('survey')) {
      visit.location = previous.location;
      visit.pc2 = previous.pc2;
      visit.differentDayFrom = [previous.id];
    } else if (u > 0.98) {
      visit.pin = { day: DAYS[rng.int(DAYS.length)] as string };
    }
    visits.push(visit);
  }
  const spareLocations: { location: number; pc2: string }[] = [];
  for (let s = 0; s < spare; s++) {
    const p = pick();
    spareLocations.push({ location: locations.push(p) - 1, pc2: p.pc4.slice(0, 2) });
  }
  return { problem: { days: DAYS, teams, visits, regions: REGIONS, locations }, spareLocations };
}
