import { lookupPc4, parsePostcode } from '@chargecars/geo';
import { describe, expect, it } from 'vitest';
import { LETTER_PAIRS, demoAddress, demoTowns, pickTown } from './places.ts';
import { createRng } from './random.ts';

describe('demo towns and addresses', () => {
  it('resolves every town to PC4s of its municipality', () => {
    const towns = demoTowns();
    expect(towns.length).toBeGreaterThan(100);
    expect(new Set(towns.map((t) => t.name)).size).toBe(towns.length);
    for (const t of towns) {
      expect(t.pc4s.length, t.name).toBeGreaterThan(0);
      for (const p of t.pc4s) expect(p.municipality).toBe(t.municipality);
    }
    expect(towns.find((t) => t.name === 'Nijkerk')?.pc4s.map((p) => p.pc4)).toContain('3861');
  });
  it('uses only postcode letters that occur: no F, I, O, Q, U, Y, and no SA, SD or SS', () => {
    expect(LETTER_PAIRS).toHaveLength(20 * 20 - 3);
    expect(LETTER_PAIRS).not.toContain('SS');
    expect(LETTER_PAIRS.filter((p) => /[FIOQUY]/.test(p))).toEqual([]);
    // The letter pairs of the 50 real BAG addresses in ../shared/data/nl/addresses.sample.csv.
    const sample =
      'AJ AK AL AN AW AZ BC BJ BM CB CD CH CL CN CR DA DV EC EE GA GC GE GG HP JC KH KL KR KX LA MC PD PK PN RA RG SM SR TE TG TN VC VN'.split(
        ' ',
      );
    expect(sample.filter((pair) => !LETTER_PAIRS.includes(pair))).toEqual([]);
  });
  it('makes deterministic, valid addresses near their PC4 centroid', () => {
    const a = createRng('addr');
    const b = createRng('addr');
    for (let i = 0; i < 300; i++) {
      const x = demoAddress(a);
      expect(demoAddress(b)).toEqual(x);
      expect(parsePostcode(x.postcode)?.formatted).toBe(x.postcode);
      const centroid = lookupPc4(x.pc4)!;
      expect(Math.abs(x.lat - centroid.lat)).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(Math.abs(x.lon - centroid.lon)).toBeLessThanOrEqual(0.015 + 1e-9);
      expect(x.houseNumber >= 1 && x.houseNumber <= 300).toBe(true);
      expect(x.formatted).toContain(`, ${x.postcode} ${x.city}`);
    }
  });
  it('picks big cities more often than small towns', () => {
    const rng = createRng('towns');
    const tally = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const t = pickTown(rng).name;
      tally.set(t, (tally.get(t) ?? 0) + 1);
    }
    expect(tally.get('Amsterdam')!).toBeGreaterThan(3 * tally.get('Nijkerk')!);
  });
});
