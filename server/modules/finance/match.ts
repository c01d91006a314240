/**
 * Investor ↔ project matching: a transparent component score of our own (the matching module's
 * `scoreMatch` compares a demand's text with an achievement's and needs its learned text model; an
 * investor profile has no text to compare, only preferences). Weights add up to 100; each component
 * says why.
 */
export const INVESTOR_WEIGHTS = { field: 30, stage: 20, ticket: 20, trl: 15, region: 10, instrument: 5 } as const;
type Key = keyof typeof INVESTOR_WEIGHTS;
const LABELS: Record<Key, string> = { field: '领域', stage: '阶段', ticket: '金额', trl: '成熟度', region: '地域', instrument: '融资方式' };

export interface InvestorPreferences {
  stages: string[];
  instruments: string[];
  ticketMinFen: number;
  ticketMaxFen: number;
  fieldCodes: string[];
  regionCodes: string[];
  trlMin: number;
  trlMax: number;
}

/** A financing request, or an achievement seen as one (stage and instrument unknown: null). */
export interface Project {
  fieldCode: string;
  trl: number;
  regionCode: string;
  amountFen: number | null;
  stage: string | null;
  instrument: string | null;
}

export interface ScoredComponent {
  key: Key;
  label: string;
  points: number;
  weight: number;
  reason: string;
}

/** GB/T 2260: a province is XX0000 and a city XXXX00, so its subtree is the codes starting with the non-zero head. */
export const regionPrefix = (code: string) => (code.length === 6 ? code.replace(/(00)+$/, '') : code);

const wan = (fen: number) => `${Math.round(fen / 10_000) / 100}万元`;

export function scoreInvestorMatch(inv: InvestorPreferences, p: Project): { total: number; components: ScoredComponent[] } {
  const c: ScoredComponent[] = [];
  const add = (key: Key, fraction: number, reason: string) =>
    c.push({
      key,
      label: LABELS[key],
      weight: INVESTOR_WEIGHTS[key],
      points: Math.round(INVESTOR_WEIGHTS[key] * fraction * 10) / 10,
      reason,
    });

  if (inv.fieldCodes.length === 0) add('field', 0.5, '投资方不限领域');
  else if (inv.fieldCodes.some((f) => p.fieldCode.startsWith(f))) add('field', 1, `领域 ${p.fieldCode} 在关注范围内`);
  else if (inv.fieldCodes.some((f) => f[0] === p.fieldCode[0])) add('field', 0.5, `同一大类（${p.fieldCode[0]}）`);
  else add('field', 0, `领域 ${p.fieldCode} 不在关注范围`);

  if (p.stage === null) add('stage', 0.5, '成果未标明融资阶段');
  else add('stage', inv.stages.includes(p.stage) ? 1 : 0, inv.stages.includes(p.stage) ? '阶段符合' : '阶段不符');

  if (p.amountFen === null) add('ticket', 0.5, '金额面议');
  else if (p.amountFen >= inv.ticketMinFen && p.amountFen <= inv.ticketMaxFen) add('ticket', 1, `${wan(p.amountFen)} 在单笔额度内`);
  else if (p.amountFen >= inv.ticketMinFen / 2 && p.amountFen <= inv.ticketMaxFen * 1.5)
    add('ticket', 0.5, `${wan(p.amountFen)} 接近单笔额度`);
  else add('ticket', 0, `${wan(p.amountFen)} 超出单笔额度 ${wan(inv.ticketMinFen)}–${wan(inv.ticketMaxFen)}`);

  const gap = p.trl < inv.trlMin ? inv.trlMin - p.trl : p.trl > inv.trlMax ? p.trl - inv.trlMax : 0;
  add(
    'trl',
    gap === 0 ? 1 : gap === 1 ? 0.5 : 0,
    gap === 0 ? `TRL ${p.trl} 在偏好区间 ${inv.trlMin}–${inv.trlMax}` : `TRL ${p.trl} 偏离偏好区间 ${inv.trlMin}–${inv.trlMax}`,
  );

  const inRegion = inv.regionCodes.some((r) => p.regionCode.startsWith(regionPrefix(r)));
  if (inv.regionCodes.length === 0) add('region', 1, '投资方不限地域');
  else add('region', inRegion ? 1 : 0, inRegion ? '在关注地域内' : '不在关注地域');

  if (p.instrument === null) add('instrument', 0.5, '方式待商定');
  else
    add(
      'instrument',
      inv.instruments.includes(p.instrument) ? 1 : 0,
      inv.instruments.includes(p.instrument) ? '融资方式一致' : '融资方式不一致',
    );

  return { total: Math.round(c.reduce((s, x) => s + x.points, 0) * 10) / 10, components: c };
}
