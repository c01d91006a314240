import { CONTRACT_SUBTYPES, type ContractType } from '../../../common/contracts.js';
import { shuffled } from '../../lib/random.js';
import { counterpartWeights, yearbookFigure, type YearbookRow } from './yearbook.js';

/**
 * Synthetic technology contracts whose totals are exactly a yearbook figure (count and amount to
 * the fen), for demo data and `npm run stats:reproduce`. What the yearbook gives is used as given:
 * each year's count and amount on each side, and where the counterparts are (each province in
 * proportion to its amount on the opposite side that year, abroad by the national remainder). What
 * it does not give is a stated assumption (DEMO_ASSUMPTIONS): the mix of contract types, the
 * months, the districts of the city, the size distribution of single contracts.
 */
export interface PlannedParty {
  where: 'city' | 'province' | 'abroad';
  /** A district of the city, a province code, or an ISO country code. */
  code: string;
}

export interface PlannedContract {
  year: number;
  month: number;
  day: number;
  type: ContractType;
  subtype: string | null;
  amountFen: number;
  technologyTransactionAmountFen: number;
  seller: PlannedParty;
  buyer: PlannedParty;
  /** 0..1 draws the writer uses to pick an organisation, a field and a broker. */
  draws: [number, number, number];
}

export const DEMO_ASSUMPTIONS = {
  /** Share of contracts by type (counts), roughly the national mix of recent years. */
  types: { development: 0.3, transfer: 0.06, license: 0.04, consulting: 0.1, service: 0.5 } satisfies Record<ContractType, number>,
  /** Relative size of a contract by type. */
  typeSize: { development: 2, transfer: 1.5, license: 1.2, consulting: 0.3, service: 0.8 } satisfies Record<ContractType, number>,
  /** Technology transaction amount as a share of the contract amount: [min, max] by type. */
  technologyShare: { development: [0.8, 1], transfer: [0.9, 1], license: [1, 1], consulting: [1, 1], service: [0.6, 1] } satisfies Record<
    ContractType,
    [number, number]
  >,
  /** Registrations per month, December's rush included. */
  months: [5, 6, 8, 8, 8, 9, 8, 8, 9, 8, 9, 14],
  /** Where in Tianjin sellers and buyers are (districts, GB/T 2260). */
  districts: {
    '120116': 0.385,
    '120104': 0.1,
    '120111': 0.08,
    '120103': 0.07,
    '120101': 0.05,
    '120112': 0.05,
    '120113': 0.05,
    '120110': 0.05,
    '120114': 0.05,
    '120102': 0.025,
    '120105': 0.025,
    '120106': 0.015,
    '120115': 0.015,
    '120118': 0.015,
    '120117': 0.01,
    '120119': 0.01,
  } as Record<string, number>,
  /** Countries of parties abroad. */
  countries: { US: 0.25, DE: 0.15, JP: 0.15, KR: 0.1, GB: 0.08, SG: 0.07, HK: 0.1, FR: 0.05, TW: 0.05 } as Record<string, number>,
  /** Log-normal spread of single contract amounts (σ of ln), and the floor of a contract (fen). */
  sigma: 2.2,
  minimumFen: 100_000,
};

function weighted<K extends string>(weights: Record<K, number>, rnd: () => number): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = rnd() * total;
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}

/** `n` items spread over the keys in proportion to the weights (largest remainder), in random order. */
export function stratify<K>(n: number, weights: Array<{ key: K; weight: number }>, rnd: () => number): K[] {
  const total = weights.reduce((a, w) => a + w.weight, 0);
  if (n <= 0 || total <= 0) return [];
  const exact = weights.map((w) => (n * w.weight) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = n - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]!.i]! += 1;
  return shuffled(
    weights.flatMap((w, i) => Array.from({ length: counts[i]! }, () => w.key)),
    rnd,
  );
}

/** Splits `totalFen` into amounts proportional to `weights`, each ≥ `minimumFen` when possible, summing exactly to the total (whole yuan, the last fen on the largest). */
export function splitAmount(totalFen: number, weights: number[], minimumFen: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.min(minimumFen, Math.floor(totalFen / n / 100) * 100);
  const restYuan = Math.floor((totalFen - floor * n) / 100);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (restYuan * w) / sum);
  const yuan = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = restYuan - yuan.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) yuan[order[k % n]!.i]! += 1;
  const out = yuan.map((y) => floor + y * 100);
  const largest = out.indexOf(Math.max(...out));
  out[largest]! += totalFen - out.reduce((a, b) => a + b, 0);
  return out;
}

const normal = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/** `count` contracts of one year and side of the city, totalling exactly `amountFen`. */
export function planContracts(opts: {
  rows: YearbookRow[];
  city: string;
  year: number;
  side: 'output' | 'absorption';
  count: number;
  amountFen: number;
  rnd: () => number;
}): PlannedContract[] {
  const { rnd, city } = opts;
  if (opts.count <= 0) return [];
  const counterparts = stratify(
    opts.count,
    counterpartWeights(opts.rows, opts.year, opts.side, city, opts.side === 'output').map((w) => ({ key: w.code, weight: w.weight })),
    rnd,
  );
  const party = (code: string): PlannedParty =>
    code === city
      ? { where: 'city', code: weighted(DEMO_ASSUMPTIONS.districts, rnd) }
      : code === 'abroad'
        ? { where: 'abroad', code: weighted(DEMO_ASSUMPTIONS.countries, rnd) }
        : { where: 'province', code };
  const planned = counterparts.map((other) => {
    const type = weighted(DEMO_ASSUMPTIONS.types, rnd);
    const subs = CONTRACT_SUBTYPES[type] as readonly string[];
    const month = pickMonth(rnd);
    const local = party(city);
    const away = party(other);
    return {
      year: opts.year,
      month,
      day: 1 + Math.floor(rnd() * 28),
      type,
      subtype: subs.length ? subs[Math.floor(rnd() * subs.length)]! : null,
      amountFen: 0,
      technologyTransactionAmountFen: 0,
      seller: opts.side === 'output' ? local : away,
      buyer: opts.side === 'output' ? away : local,
      draws: [rnd(), rnd(), rnd()] as [number, number, number],
      weight: DEMO_ASSUMPTIONS.typeSize[type] * Math.exp(DEMO_ASSUMPTIONS.sigma * normal(rnd)),
    };
  });
  const amounts = splitAmount(
    opts.amountFen,
    planned.map((p) => p.weight),
    DEMO_ASSUMPTIONS.minimumFen,
  );
  return planned.map(({ weight: _w, ...p }, i) => {
    const [lo, hi] = DEMO_ASSUMPTIONS.technologyShare[p.type];
    const amount = amounts[i]!;
    const tech = Math.min(amount, Math.round((amount * (lo + (hi - lo) * rnd())) / 100) * 100);
    return { ...p, amountFen: amount, technologyTransactionAmountFen: tech };
  });
}

function pickMonth(rnd: () => number): number {
  const w = DEMO_ASSUMPTIONS.months;
  let x = rnd() * w.reduce((a, b) => a + b, 0);
  for (let m = 0; m < 12; m++) if ((x -= w[m]!) < 0) return m + 1;
  return 12;
}

/**
 * Every year of the file for the city, both sides, scaled down by `factor`: the output side's
 * sellers are in the city (buyers anywhere, the city included); the absorption side adds contracts
 * with buyers in the city and sellers elsewhere, so that both of the city's totals match the file.
 */
export function planCity(opts: {
  rows: YearbookRow[];
  city: string;
  factor: number;
  rnd: () => number;
  years?: number[];
}): PlannedContract[] {
  const scaled = (n: number) => Math.round(n / opts.factor);
  const years = opts.years ?? [...new Set(opts.rows.filter((r) => r.code === opts.city).map((r) => r.year))].sort();
  const out: PlannedContract[] = [];
  for (const year of years) {
    const o = yearbookFigure(opts.rows, opts.city, year, 'output');
    const a = yearbookFigure(opts.rows, opts.city, year, 'absorption');
    const sold =
      o?.contracts && o.amountFen
        ? planContracts({ ...opts, year, side: 'output', count: scaled(o.contracts), amountFen: scaled(o.amountFen) })
        : [];
    out.push(...sold);
    if (!a?.contracts || !a.amountFen) continue;
    const local = sold.filter((c) => c.buyer.where === 'city');
    const localAmount = local.reduce((s, c) => s + c.amountFen, 0);
    out.push(
      ...planContracts({
        ...opts,
        year,
        side: 'absorption',
        count: scaled(a.contracts) - local.length,
        amountFen: Math.max(0, scaled(a.amountFen) - localAmount),
      }),
    );
  }
  return out;
}
