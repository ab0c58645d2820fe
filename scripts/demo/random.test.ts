import { describe, expect, it } from 'vitest';
import { createRng } from './random.ts';

const draw = (seed: string | number, n = 50): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw('demo')).toEqual(draw('demo'));
    expect(draw(42)).toEqual(draw('42'));
    expect(draw('demo')).not.toEqual(draw('demo2'));
  });
  it('pins the first values, so a change of algorithm is noticed', () => {
    const rng = createRng('chargecars');
    expect([rng.int(1, 1000), rng.int(1, 1000), rng.int(1, 1000)]).toMatchInlineSnapshot(`
      [
        959,
        571,
        481,
      ]
    `);
  });
  it('stays in range and is roughly uniform', () => {
    const rng = createRng('range');
    const counts = new Array<number>(6).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 60_000; i++) {
      const x = rng.int(1, 6);
      if (counts[x - 1] === undefined) outOfRange++;
      else counts[x - 1]!++;
    }
    expect(outOfRange).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const floats = Array.from({ length: 10_000 }, () => rng.next());
    expect(floats.every((f) => f >= 0 && f < 1)).toBe(true);
  });
  it('weighted() follows the weights and skips zero weights', () => {
    const rng = createRng('weights');
    const tally: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      tally[
        rng.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]!++;
    expect(tally.c).toBe(0);
    expect(tally.b! / tally.a!).toBeGreaterThan(2.6);
    expect(tally.b! / tally.a!).toBeLessThan(3.4);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });
  it('shuffle() and sample() permute without losing or repeating items', () => {
    const rng = createRng('shuffle');
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const s = rng.sample(items, 5);
    expect(new Set(s).size).toBe(5);
    expect(() => rng.sample(items, 21)).toThrow(RangeError);
  });
  it('normal() centres on the mean and respects the clamp', () => {
    const rng = createRng('normal');
    const xs = Array.from({ length: 20_000 }, () => rng.normal(100, 15));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 100)).toBeLessThan(0.5);
    for (let i = 0; i < 1000; i++) {
      const x = rng.normal(0, 10, -5, 5);
      expect(x >= -5 && x <= 5).toBe(true);
    }
  });
  it('date() stays between the bounds', () => {
    const rng = createRng('dates');
    const from = new Date('2025-01-01T00:00:00Z');
    const to = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 1000; i++) {
      const d = rng.date(from, to).getTime();
      expect(d >= from.getTime() && d < to.getTime()).toBe(true);
    }
  });
  it('fork() gives an independent, reproducible stream', () => {
    const a = createRng('root');
    const b = createRng('root');
    b.next(); // moving the parent does not change the fork
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
  it('digits() gives the asked number of digits', () => {
    expect(createRng(1).digits(8)).toMatch(/^\d{8}$/);
  });
});
