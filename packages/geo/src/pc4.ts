import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.ts';
import { toPc4 } from './postcode.ts';

/** The twelve provinces, spelled as in `pc4.csv` (CBS spelling, e.g. "Fryslân"). */
export const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];

/** A latitude/longitude pair in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** One row of `data/pc4.csv`: the address-weighted centroid of a PC4 area and where it lies. */
export interface Pc4Info extends LatLon {
  pc4: string;
  municipality: string;
  province: Province;
}

/** Where the CSV lives, resolved relative to this module so it works from any working directory. */
export const PC4_CSV_URL = new URL('../data/pc4.csv', import.meta.url);

let table: { byPc4: Map<string, Pc4Info>; all: readonly Pc4Info[] } | undefined;

function load(): NonNullable<typeof table> {
  if (table) return table;
  const [header, ...rows] = parseCsv(readFileSync(PC4_CSV_URL, 'utf8'));
  if (header?.join(',') !== 'pc4,lat,lon,municipality,province') {
    throw new Error(`pc4.csv: unexpected header ${JSON.stringify(header)}`);
  }
  const provinces = new Set<string>(PROVINCES);
  const byPc4 = new Map<string, Pc4Info>();
  rows.forEach((row, index) => {
    const [pc4 = '', lat = '', lon = '', municipality = '', province = ''] = row;
    const info = { pc4, lat: Number(lat), lon: Number(lon), municipality, province: province as Province };
    if (
      row.length !== 5 ||
      !/^[1-9]\d{3}$/.test(pc4) ||
      !Number.isFinite(info.lat) ||
      !Number.isFinite(info.lon) ||
      lat === '' ||
      lon === '' ||
      municipality === '' ||
      !provinces.has(province) ||
      byPc4.has(pc4)
    ) {
      throw new Error(`pc4.csv: bad or duplicate row ${index + 2}: ${JSON.stringify(row)}`);
    }
    byPc4.set(pc4, Object.freeze(info));
  });
  const all = Object.freeze([...byPc4.values()].sort((a, b) => a.pc4.localeCompare(b.pc4)));
  table = { byPc4, all };
  return table;
}

/**
 * Looks up a PC4 area. Accepts "3861" or a full postcode ("3861 AB", "3861ab"). Returns undefined
 * for unknown or malformed input; PC4 codes created after 2021 are not in the data.
 * The CSV is read synchronously on the first call and kept in memory.
 *
 * @example
 * lookupPc4('3861'); // { pc4: '3861', lat: 52.22666, lon: 5.47561, municipality: 'Nijkerk', province: 'Gelderland' }
 */
export function lookupPc4(pc4: string): Pc4Info | undefined {
  const code = toPc4(pc4);
  return code === null ? undefined : load().byPc4.get(code);
}

/**
 * All PC4 areas in the data (4,073), sorted by code. The array and its objects are frozen.
 *
 * @example
 * allPc4().filter((p) => p.municipality === 'Nijkerk').map((p) => p.pc4); // ['3861', '3862', ...]
 */
export function allPc4(): readonly Pc4Info[] {
  return load().all;
}
