import { describe, expect, it } from 'vitest';
import { recencyLexemes } from './window.js';

describe('recencyLexemes', () => {
  it.each([
    { from: 20451, through: 20451, lexemes: [' d20451'] },
    // Days up to an 8-day boundary, then the 8-day block holding the rest.
    { from: 20442, through: 20451, lexemes: [' d20442', ' d20443', ' d20444', ' d20445', ' d20446', ' d20447', ' w2556'] },
    // Aligned: whole blocks from the start.
    { from: 20416, through: 20479, lexemes: [' m319'] },
    { from: 19968, through: 20479, lexemes: [' y39'] },
    { from: 20400, through: 20900, lexemes: [' w2550', ' w2551', ' m319', ' y40'] },
    { from: 20452, through: 20451, lexemes: [] },
  ])('days $from … $through', ({ from, through, lexemes }) => {
    expect(recencyLexemes(from, through)).toEqual(lexemes);
  });

  it('covers every day of the range exactly once, and nothing before it', () => {
    const sizes: Record<string, number> = { d: 1, w: 8, m: 64, y: 512 };
    for (const [from, through] of [
      [0, 3000],
      [20001, 20451],
      [12345, 12346],
      [511, 1537],
    ] as const) {
      const days = recencyLexemes(from, through).flatMap((l) => {
        const size = sizes[l[1]!]!;
        const start = Number(l.slice(2)) * size;
        return Array.from({ length: size }, (_, i) => start + i);
      });
      expect(new Set(days).size).toBe(days.length);
      expect(Math.min(...days)).toBe(from);
      for (let d = from; d <= through; d++) expect(days).toContain(d);
    }
  });
});
