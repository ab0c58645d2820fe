import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GEO_ATTRIBUTION,
  GEO_DATA_FILES,
  HQ_NIJKERK,
  PROVINCES,
  REGIONS,
  REGION_CODES,
  allPc4,
  estimateTravel,
  haversineKm,
  lookupPc4,
  primaryRegion,
  regionsForPostcode,
} from './index.ts';

describe('pc4 data', () => {
  it('has the sanity rows of SOURCES.md', () => {
    expect(lookupPc4('3861')).toEqual({
      pc4: '3861',
      lat: 52.22666,
      lon: 5.47561,
      municipality: 'Nijkerk',
      province: 'Gelderland',
    });
    expect(lookupPc4('1012')).toMatchObject({
      lat: 52.37349,
      lon: 4.89507,
      municipality: 'Amsterdam',
      province: 'Noord-Holland',
    });
    expect(lookupPc4('6211')).toMatchObject({
      lat: 50.85037,
      lon: 5.68813,
      municipality: 'Maastricht',
      province: 'Limburg',
    });
  });
  it('has the counts of SOURCES.md: 4,073 PC4s, 342 municipalities, 12 provinces', () => {
    const rows = allPc4();
    expect(rows).toHaveLength(4073);
    expect(new Set(rows.map((r) => r.municipality)).size).toBe(342);
    expect(new Set(rows.map((r) => r.province))).toEqual(new Set(PROVINCES));
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.pc4 < r.pc4)).toBe(true);
  });
  it('parses the quoted municipality with commas', () => {
    expect(lookupPc4('5671')?.municipality).toBe('Nuenen, Gerwen en Nederwetten');
    expect(lookupPc4('5671')?.province).toBe('Noord-Brabant');
  });
  it('keeps the CBS spellings', () => {
    expect(lookupPc4('2511')?.municipality).toBe("'s-Gravenhage");
    expect(lookupPc4('8911')?.province).toBe('Fryslân');
  });
  it('accepts full postcodes and returns undefined for unknown input', () => {
    expect(lookupPc4('3861 AB')?.municipality).toBe('Nijkerk');
    expect(lookupPc4('0000')).toBeUndefined();
    expect(lookupPc4('nope')).toBeUndefined();
    expect(allPc4().some((p) => p.pc4 === '1000')).toBe(false);
    expect(lookupPc4('1000')).toBeUndefined();
  });
  it('freezes what it hands out', () => {
    expect(Object.isFrozen(allPc4())).toBe(true);
    expect(Object.isFrozen(lookupPc4('3861'))).toBe(true);
  });
});

describe('distances', () => {
  it('puts Amsterdam–Maastricht at about 170–180 km', () => {
    const km = haversineKm(lookupPc4('1012')!, lookupPc4('6211')!);
    expect(km).toBeGreaterThan(165);
    expect(km).toBeLessThan(185);
  });
  it('is zero for the same point and symmetric', () => {
    const a = lookupPc4('9711')!;
    const b = lookupPc4('4331')!;
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });
  it('estimates travel with defaults and options', () => {
    const a = HQ_NIJKERK;
    const b = lookupPc4('1012')!;
    const straight = haversineKm(a, b);
    expect(estimateTravel(a, b)).toEqual({ km: straight * 1.3, minutes: straight * 1.3 });
    const fast = estimateTravel(a, b, { roadFactor: 1.2, speedKmh: 90 });
    expect(fast.km).toBeCloseTo(straight * 1.2, 9);
    expect(fast.minutes).toBeCloseTo(((straight * 1.2) / 90) * 60, 9);
    expect(() => estimateTravel(a, b, { speedKmh: 0 })).toThrow(RangeError);
    expect(() => estimateTravel(a, b, { roadFactor: 0.5 })).toThrow(RangeError);
  });
});

describe('regions', () => {
  const dataPc2 = [...new Set(allPc4().map((p) => p.pc4.slice(0, 2)))];

  it('are exactly seven with unique codes and sorted, well-formed PC2 lists', () => {
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
    for (const r of REGIONS) {
      expect(r.pc2.every((p) => /^[1-9]\d$/.test(p))).toBe(true);
      expect([...r.pc2].sort()).toEqual(r.pc2);
      expect(new Set(r.pc2).size).toBe(r.pc2.length);
    }
  });
  it('cover every PC2 in the data, and list no PC2 outside it', () => {
    expect(dataPc2).toHaveLength(90);
    for (const pc2 of dataPc2) expect(regionsForPostcode(`${pc2}11`).length, pc2).toBeGreaterThanOrEqual(1);
    const listed = new Set(REGIONS.flatMap((r) => r.pc2));
    expect([...listed].filter((p) => !dataPc2.includes(p))).toEqual([]);
  });
  it('overlap: some PC2s lie in two regions, none in more', () => {
    const counts = dataPc2.map((pc2) => REGIONS.filter((r) => r.pc2.includes(pc2)).length);
    expect(counts.filter((c) => c === 2).length).toBe(17);
    expect(Math.max(...counts)).toBe(2);
  });
  it('share at least one PC2 between the neighbours named in regions.ts', () => {
    const shared = (a: string, b: string): string[] => {
      const ra = REGIONS.find((r) => r.code === a)!;
      const rb = REGIONS.find((r) => r.code === b)!;
      return ra.pc2.filter((p) => rb.pc2.includes(p));
    };
    expect(shared('NOORD-HOLLAND', 'MIDDEN')).toEqual(['12', '13']);
    expect(shared('NOORD-HOLLAND', 'ZUID-HOLLAND')).toEqual(['21']);
    expect(shared('ZUID-HOLLAND', 'MIDDEN')).toEqual(['34']);
    expect(shared('ZUID-HOLLAND', 'ZUID-WEST')).toEqual(['32', '33', '42']);
    expect(shared('ZUID-WEST', 'ZUID-OOST')).toEqual(['50', '51']);
    expect(shared('ZUID-OOST', 'MIDDEN')).toEqual(['53']);
    expect(shared('ZUID-OOST', 'OOST')).toEqual(['65']);
    expect(shared('OOST', 'MIDDEN')).toEqual(['73', '80', '82']);
    expect(shared('NOORD', 'OOST')).toEqual(['77', '79', '83']);
  });
  it('put each region hub inside the region, at its PC4 centroid', () => {
    for (const r of REGIONS) {
      const p = lookupPc4(r.hub.pc4)!;
      expect({ lat: r.hub.lat, lon: r.hub.lon }, r.code).toEqual({ lat: p.lat, lon: p.lon });
      expect(r.pc2, r.code).toContain(r.hub.pc4.slice(0, 2));
      expect(primaryRegion(r.hub.pc4)?.code).toBe(r.code);
    }
  });
  it('answer for postcodes, PC4s and unknown input', () => {
    expect(regionsForPostcode('3861 AB').map((r) => r.code)).toEqual(['MIDDEN']);
    expect(regionsForPostcode('1311').map((r) => r.code)).toEqual(['MIDDEN', 'NOORD-HOLLAND']);
    expect(regionsForPostcode('9711').map((r) => r.code)).toEqual(['NOORD']);
    expect(regionsForPostcode('6211').map((r) => r.code)).toEqual(['ZUID-OOST']);
    expect(regionsForPostcode('4331').map((r) => r.code)).toEqual(['ZUID-WEST']);
    expect(regionsForPostcode('2511').map((r) => r.code)).toEqual(['ZUID-HOLLAND']);
    expect(regionsForPostcode('7511').map((r) => r.code)).toEqual(['OOST']);
    expect(regionsForPostcode('garbage')).toEqual([]);
    expect(primaryRegion('garbage')).toBeUndefined();
  });
  it('pick a primary region for every PC4, nearest hub for border PC2s', () => {
    for (const p of allPc4()) expect(regionsForPostcode(p.pc4)).toContain(primaryRegion(p.pc4));
    expect(primaryRegion('3861')?.code).toBe('MIDDEN');
    expect(primaryRegion('5011')?.code).toBe('ZUID-OOST'); // Tilburg: Eindhoven is nearer than Roosendaal
    expect(primaryRegion('3311')?.code).toBe('ZUID-HOLLAND'); // Dordrecht
    expect(primaryRegion('8011')?.code).toBe('OOST'); // Zwolle
  });
  it('fall back to the PC2 centroid for a PC4 that is not in the data', () => {
    const missing = Array.from({ length: 100 }, (_, i) => `13${String(i).padStart(2, '0')}`).find(
      (c) => !lookupPc4(c) && c >= '1310',
    );
    expect(missing).toBeDefined();
    expect(['MIDDEN', 'NOORD-HOLLAND']).toContain(primaryRegion(missing!)?.code);
  });
});

describe('constants', () => {
  it('HQ_NIJKERK matches the 3861 centroid', () => {
    const p = lookupPc4('3861')!;
    expect(HQ_NIJKERK).toEqual({ pc4: '3861', lat: p.lat, lon: p.lon, label: 'Hoofdkantoor Nijkerk' });
  });
  it('GEO_ATTRIBUTION is the suggested attribution of SOURCES.md', () => {
    const sources = readFileSync(GEO_DATA_FILES.sources, 'utf8');
    const quoted = /Suggested attribution in the app: "([^"]+)"/.exec(sources)?.[1];
    expect(quoted?.replace(/\s*\n\s*/g, ' ')).toBe(GEO_ATTRIBUTION);
  });
  it('GEO_DATA_FILES point at files that exist', () => {
    for (const url of Object.values(GEO_DATA_FILES)) expect(readFileSync(url).length).toBeGreaterThan(1000);
    const topo = JSON.parse(readFileSync(GEO_DATA_FILES.pc2TopoJson, 'utf8')) as {
      objects: Record<string, { geometries: unknown[] }>;
    };
    expect(topo.objects.pc2?.geometries).toHaveLength(90);
  });
});

describe('immutability', () => {
  it('freezes the regions deeply', () => {
    const r = REGIONS[0]!;
    expect(Object.isFrozen(REGIONS) && Object.isFrozen(r) && Object.isFrozen(r.pc2) && Object.isFrozen(r.hub)).toBe(
      true,
    );
  });
});
