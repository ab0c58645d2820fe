import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('group commit', () => {
  it('writes what arrives in one turn of the event loop together, and what arrives during a write as the next batch', async () => {
    const batches: number[][] = [];
    let later: Promise<number[]> | null = null;
    const commit = createGroupCommit(async (items: number[]) => {
      batches.push(items);
      later ??= Promise.all([4, 5].map((i) => commit.submit(i)));
      await tick();
      return items.map((i) => i * 10);
    });
    const answers = await Promise.all([1, 2, 3].map((i) => commit.submit(i)));
    expect(answers).toEqual([10, 20, 30]);
    expect(await later).toEqual([40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('keeps batches within the maximum', async () => {
    const sizes: number[] = [];
    const commit = createGroupCommit(async (items: number[]) => {
      sizes.push(items.length);
      await tick();
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => commit.submit(i)));
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('fails a bad item alone: the rest of its batch is written one by one', async () => {
    const written: number[] = [];
    const commit = createGroupCommit(async (items: number[]) => {
      await tick();
      if (items.includes(3)) throw new Error('item 3 is refused');
      written.push(...items);
      return items;
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => commit.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('item 3 is refused');
    expect(written.sort()).toEqual([1, 2, 4]);
  });
});
