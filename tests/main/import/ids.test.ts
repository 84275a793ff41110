import { describe, expect, it } from 'vitest';
import { orderedId } from '../../../main/import/ids';

describe('orderedId', () => {
  it('gives distinct version-7 UUIDs that sort in the order they were made', () => {
    const ids = Array.from({ length: 50_000 }, orderedId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 1000))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('draws a fresh random tail each millisecond', async () => {
    const tails = new Set<string>();
    for (let i = 0; i < 5; i++) {
      tails.add(orderedId().slice(-12));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(tails.size).toBe(5);
  });
});
