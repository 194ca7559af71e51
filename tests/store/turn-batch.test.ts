import { describe, expect, it } from 'vitest';
import { turnBatcher } from '../../src/store/turn-batch.ts';

describe('turnBatcher', () => {
  it('writes the items added in one turn with one flush, and settles each add after it', async () => {
    const flushed: number[][] = [];
    const add = turnBatcher<number>((items) => {
      flushed.push([...items]);
    });
    const first = [add(1), add(2), add(3)];
    expect(flushed).toEqual([]);
    await Promise.all(first);
    expect(flushed).toEqual([[1, 2, 3]]);
    await add(4);
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every add of a batch whose flush failed, and the next batch is written', async () => {
    let fail = true;
    const written: string[] = [];
    const add = turnBatcher<string>((items) => {
      if (fail) throw new Error('disk full');
      written.push(...items);
    });
    const results = await Promise.allSettled([add('a'), add('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await add('c');
    expect(written).toEqual(['c']);
  });
});
