import type { TransferMode } from '../../../common/catalog.js';

/**
 * Match scoring between a demand and an achievement: six components with fixed weights that add up
 * to 100. Each component says why it scored what it did, so the UI can show the bar and the reasons.
 * Text dominates: the other five adjust the order among records related by text (`orderMatches`).
 */
export const WEIGHTS = { text: 60, field: 12, trl: 10, region: 8, price: 6, mode: 4 } as const;
export type ComponentKey = keyof typeof WEIGHTS;

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  text: '文本相关度',
  field: '技术领域',
  trl: '成熟度匹配',
  region: '地域',
  price: '价格与预算',
  mode: '合作方式',
};

export interface Component {
  key: ComponentKey;
  label: string;
  points: number;
  weight: number;
  reason: string;
}

export interface DemandSide {
  fieldCode: string;
  trlMin: number | null;
  regionPath: string;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  budgetNegotiable: boolean;
  cooperationModes: TransferMode[];
}

export interface AchievementSide {
  fieldCode: string;
  trl: number;
  regionPath: string;
  priceFen: number | null;
  priceNegotiable: boolean;
  transferModes: TransferMode[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const BJ_TJ_HEBEI = ['/110000/', '/120000/', '/130000/'];
const wan = (fen: number) => `${round1(fen / 1_000_000)}万元`;

/** `textRelevance` is in [0, 1] (the square root of the learned text relevance, see text-model.ts). */
export function scoreMatch(
  demand: DemandSide,
  achievement: AchievementSide,
  textRelevance: number,
  fieldNames: (code: string) => string,
): { total: number; components: Component[] } {
  const c: Component[] = [];
  const add = (key: ComponentKey, fraction: number, reason: string) =>
    c.push({
      key,
      label: COMPONENT_LABELS[key],
      weight: WEIGHTS[key],
      points: round1(WEIGHTS[key] * Math.max(0, Math.min(1, fraction))),
      reason,
    });

  add(
    'text',
    textRelevance,
    textRelevance >= 0.5 ? '标题、关键词与摘要高度相关' : textRelevance > 0.15 ? '部分关键词相关' : '文本相关度较低',
  );

  const sameField = demand.fieldCode === achievement.fieldCode;
  add(
    'field',
    sameField ? 1 : 0,
    sameField ? `同属${fieldNames(demand.fieldCode)}` : `${fieldNames(achievement.fieldCode)} ≠ ${fieldNames(demand.fieldCode)}`,
  );

  if (demand.trlMin !== null) {
    const gap = demand.trlMin - achievement.trl;
    add(
      'trl',
      gap <= 0 ? 1 : 1 - gap / 3,
      gap <= 0 ? `TRL ${achievement.trl} 达到需求的 TRL ${demand.trlMin}` : `TRL ${achievement.trl} 低于需求的 TRL ${demand.trlMin}`,
    );
  } else {
    add('trl', achievement.trl / 9, `需求未限定成熟度；成果 TRL ${achievement.trl}`);
  }

  const [, dCity, dDistrict] = demand.regionPath.split('/');
  const [, aCity, aDistrict] = achievement.regionPath.split('/');
  if (dDistrict && dDistrict === aDistrict) add('region', 1, '同一区');
  else if (dCity === aCity) add('region', 0.6, '同一城市');
  else if (BJ_TJ_HEBEI.some((p) => demand.regionPath.startsWith(p)) && BJ_TJ_HEBEI.some((p) => achievement.regionPath.startsWith(p)))
    add('region', 0.4, '京津冀区域内');
  else add('region', 0, '跨区域');

  if (
    achievement.priceNegotiable ||
    demand.budgetNegotiable ||
    achievement.priceFen === null ||
    (demand.budgetMaxFen === null && demand.budgetMinFen === null)
  ) {
    add('price', 0.5, '价格或预算面议');
  } else {
    const max = demand.budgetMaxFen ?? Number.MAX_SAFE_INTEGER;
    const price = achievement.priceFen;
    if (price <= max) add('price', 1, `报价 ${wan(price)} 在预算内`);
    else add('price', 1 - (price - max) / max, `报价 ${wan(price)} 超出预算上限 ${wan(max)}`);
  }

  const shared = demand.cooperationModes.filter((m) => achievement.transferModes.includes(m));
  add('mode', shared.length > 0 ? 1 : 0, shared.length > 0 ? `可按 ${shared.length} 种方式合作` : '合作方式不一致');

  const total = round1(c.reduce((s, x) => s + x.points, 0));
  return { total, components: c };
}

/**
 * The matches among scored candidates, best first: a candidate with no textual relation (text
 * relevance 0) is no match at all, so no other component can lift it above one that has text.
 */
export function orderMatches<T extends { text: number; total: number; id: string }>(scored: T[]): T[] {
  return scored.filter((m) => m.text > 0).sort((x, y) => y.total - x.total || x.id.localeCompare(y.id));
}
