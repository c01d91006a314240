import { describe, expect, it } from 'vitest';
import { dataCodewords, encodeQr, formatBits, QR_LEVEL_M, readCodewords, rsDivisor, rsRemainder } from './qr.js';

/** GF(256) multiplication, written again here so the block check does not rest on the encoder's own. */
function gf(x: number, y: number) {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}
/** Evaluates a codeword polynomial (highest degree first) at α^i: zero for every i < ecc length when the block is valid. */
function syndrome(block: number[], i: number) {
  let alpha = 1;
  for (let k = 0; k < i; k++) alpha = gf(alpha, 2);
  return block.reduce((acc, c) => gf(acc, alpha) ^ c, 0);
}

describe('QR encoder', () => {
  it('has the standard capacities at level M (versions 1, 2, 5, 10: 16, 28, 86, 216 data codewords)', () => {
    expect([1, 2, 5, 10].map(dataCodewords)).toEqual([16, 28, 86, 216]);
  });

  it('format bits match the standard table for level M (mask 0 → 101010000010010, mask 5 → 100000011001110, mask 7 → 100101010100000)', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010');
    expect(formatBits(5).toString(2).padStart(15, '0')).toBe('100000011001110');
    expect(formatBits(7).toString(2).padStart(15, '0')).toBe('100101010100000');
  });

  it('a known Reed–Solomon example: "HELLO WORLD" 1-M data codewords give the published error correction', () => {
    // ISO/IEC 18004 annex / thonky.com tutorial: 1-M, alphanumeric HELLO WORLD.
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(rsRemainder(data, rsDivisor(10))).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it.each(['http://127.0.0.1:3000/verify/2026120101000123', 'https://jinqiao.example.org/verify/' + '1'.repeat(80)])(
    'encodes %s in the smallest version; reading the matrix back gives the byte-mode data and valid blocks',
    (text) => {
      const qr = encodeQr(text);
      expect(qr.size).toBe(qr.version * 4 + 17);
      expect(dataCodewords(qr.version - 1) * 8 < 4 + 8 + text.length * 8 || qr.version === 1).toBe(true);
      // Finder pattern corners are dark, the separator light.
      expect([qr.modules[0]![0], qr.modules[0]![qr.size - 1], qr.modules[qr.size - 1]![0], qr.modules[7]![7]]).toEqual([
        true,
        true,
        true,
        false,
      ]);

      const all = readCodewords(qr);
      const blocks = QR_LEVEL_M.blocks[qr.version]!;
      const ecc = QR_LEVEL_M.eccPerBlock[qr.version]!;
      const dataLen = dataCodewords(qr.version);
      const raw = dataLen + blocks * ecc;
      const numShort = blocks - (raw % blocks);
      const shortData = Math.floor(raw / blocks) - ecc;
      // De-interleave.
      const lens = Array.from({ length: blocks }, (_, i) => shortData + (i < numShort ? 0 : 1));
      const dataBlocks: number[][] = lens.map(() => []);
      let k = 0;
      for (let i = 0; i < shortData + 1; i++) for (let j = 0; j < blocks; j++) if (i < lens[j]!) dataBlocks[j]!.push(all[k++]!);
      const eccBlocks: number[][] = lens.map(() => []);
      for (let i = 0; i < ecc; i++) for (let j = 0; j < blocks; j++) eccBlocks[j]!.push(all[k++]!);
      for (let j = 0; j < blocks; j++) {
        const block = [...dataBlocks[j]!, ...eccBlocks[j]!];
        for (let i = 0; i < ecc; i++) expect(syndrome(block, i)).toBe(0);
      }
      const data = dataBlocks.flat();
      // Byte mode (0100), the length, then the bytes.
      const bits = data.map((b) => b.toString(2).padStart(8, '0')).join('');
      expect(bits.slice(0, 4)).toBe('0100');
      const countBits = qr.version <= 9 ? 8 : 16;
      expect(parseInt(bits.slice(4, 4 + countBits), 2)).toBe(text.length);
      const payload = bits.slice(4 + countBits, 4 + countBits + text.length * 8);
      const decoded = String.fromCharCode(...payload.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
      expect(decoded).toBe(text);
    },
  );

  it('refuses text beyond version 10', () => {
    expect(() => encodeQr('x'.repeat(300))).toThrow(RangeError);
  });
});
