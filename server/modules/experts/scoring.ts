import { AppError } from '../../lib/errors.js';

/**
 * The shared scoring engine, pure (no database): score sheets of weighted criteria, the validation
 * of one expert's scores, a sheet's total, and the aggregation of several experts' totals. Panels
 * (panels.ts) and every module that scores (demonstration rounds, challenges, contract reviews,
 * disclosures) use these sheets rather than their own.
 */
export interface Criterion {
  key: string;
  label: string;
  /** The criterion's maximum points; a sheet's weights sum to 100. */
  weight: number;
}

export interface ScoreSheet {
  key: string;
  name: string;
  /** Where the criteria and weights come from (document, template). */
  source: string;
  criteria: Criterion[];
}

/** Scores are given in steps of one tenth of a point (e.g. 27.5); finer is refused. */
const STEP = 10;

/**
 * Aggregation rule: with at least this many experts, the highest and the lowest total are dropped
 * before the mean (去掉一个最高分和一个最低分), as in the provincial demonstration-institution template
 * and expert-review practice (issue 15). A parameter, not a magic number.
 */
export const DROP_EXTREMES_FROM = 5;

const sheet = (key: string, name: string, source: string, criteria: Array<[string, string, number]>): ScoreSheet => ({
  key,
  name,
  source,
  criteria: criteria.map(([k, label, weight]) => ({ key: k, label, weight })),
});

export const SHEETS: Record<string, ScoreSheet> = {
  demonstration_institution: sheet(
    'demonstration_institution',
    '技术转移示范机构评价',
    '《省级技术转移示范机构绩效评价考核指标》(省级模板：一级指标 基础条件10分、服务绩效30分、服务能力30分、规范管理20分、社会信誉10分)',
    [
      ['basic_conditions', '基础条件（员工总数、兼职专家数、全年经费）', 10],
      ['service_performance', '服务绩效（促成技术交易项数与金额、服务企业数）', 30],
      ['service_capability', '服务能力（百人技术转移项目数、百人服务企业数）', 30],
      ['management', '规范管理（章程与内部制度、信息化与专业数据库、示范带动）', 20],
      ['reputation', '社会信誉（诚信度、知名度和美誉度）', 10],
    ],
  ),
  challenge_proposal: sheet(
    'challenge_proposal',
    '揭榜方案评审',
    '评审要素按《中国创新挑战赛》与“揭榜挂帅”项目评审的通行要素（技术先进性、方案可行性、团队能力、经济社会效益、报价与进度）；权重为平台默认值',
    [
      ['advancement', '技术先进性与创新性', 30],
      ['feasibility', '技术方案可行性', 25],
      ['team', '团队能力与研发基础', 20],
      ['benefit', '经济社会效益', 15],
      ['budget_schedule', '报价与进度安排合理性', 10],
    ],
  ),
  roadshow_pitch: sheet(
    'roadshow_pitch',
    '项目路演评分',
    '评审要素按中国创新创业大赛评审的通行要素（技术与产品、行业与市场、商业模式、团队、路演答辩）；权重为平台默认值',
    [
      ['technology', '技术与产品创新性', 30],
      ['market', '行业与市场前景', 25],
      ['business_model', '商业模式与转化路径', 20],
      ['team', '团队', 15],
      ['presentation', '路演表现与答辩', 10],
    ],
  ),
  subsidy_application: sheet(
    'subsidy_application',
    '奖补申请评审',
    '评审要素按技术合同登记奖补申请的审查要点（政策符合性、合同真实性与技术含量、转化成效、材料规范）；权重为平台默认值',
    [
      ['eligibility', '政策符合性', 20],
      ['contract_quality', '技术合同真实性与技术含量', 30],
      ['outcome', '转化成效与带动作用', 30],
      ['documentation', '申报材料完整规范', 20],
    ],
  ),
  contract_registration: sheet(
    'contract_registration',
    '技术合同认定专家评审',
    '认定要点依《技术合同认定规则》（国科发政字〔2001〕253号：技术合同属性、合同类型、技术性收入核定）与《技术合同认定登记管理办法》（国科发政字〔2000〕063号）；权重为平台默认值',
    [
      ['technical_nature', '技术合同属性（标的为技术成果或技术服务）', 40],
      ['type_and_terms', '合同类型认定与条款完整性', 20],
      ['amount', '技术交易额核定（非技术性款项剔除）', 30],
      ['authenticity', '真实性与履约条件', 10],
    ],
  ),
  disclosure_assessment: sheet(
    'disclosure_assessment',
    '职务发明披露评估',
    '可专利性依《中华人民共和国专利法》第二十二条（新颖性、创造性、实用性）；技术成熟度依 GB/T 22900-2022《科学技术研究项目评价通则》技术就绪水平；市场前景为转化评估通行要素；权重为平台默认值',
    [
      ['patentability', '可专利性（新颖性、创造性、实用性）', 40],
      ['market', '市场前景', 30],
      ['readiness', '技术成熟度（技术就绪水平）', 30],
    ],
  ),
};

/** The sheet for a key, or a validation error naming `field`. */
export function sheetOf(key: string, field = 'sheetKey'): ScoreSheet {
  const s = Object.hasOwn(SHEETS, key) ? SHEETS[key] : undefined;
  if (!s) throw AppError.validation(field, `unknown score sheet ${key}`);
  return s;
}

/**
 * The total of one expert's scores on a sheet. Every criterion must be scored, between 0 and its
 * weight, in tenths of a point; unknown criteria are refused. Errors name `scores.<criterion>`.
 */
export function sheetTotal(sheet: ScoreSheet, scores: Record<string, number>, fieldPrefix = 'scores'): number {
  const known = new Set(sheet.criteria.map((c) => c.key));
  for (const key of Object.keys(scores))
    if (!known.has(key)) throw AppError.validation(`${fieldPrefix}.${key}`, `is not a criterion of ${sheet.name}`);
  let tenths = 0;
  for (const c of sheet.criteria) {
    const v = Object.hasOwn(scores, c.key) ? scores[c.key] : undefined;
    const field = `${fieldPrefix}.${c.key}`;
    if (v === undefined || v === null) throw AppError.validation(field, `score ${c.label} (0–${c.weight})`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw AppError.validation(field, 'must be a number');
    if (v < 0 || v > c.weight) throw AppError.validation(field, `must be between 0 and ${c.weight}`);
    const scaled = Math.round(v * STEP);
    if (Math.abs(scaled - v * STEP) > 1e-6) throw AppError.validation(field, 'at most one decimal place');
    tenths += scaled;
  }
  return tenths / STEP;
}

/**
 * The panel's score from its experts' totals: with `dropExtremesFrom` (default 5) or more totals the
 * highest and the lowest are dropped (one each), then the mean of the rest, to two decimals.
 */
export function aggregateTotals(
  totals: number[],
  opts: { dropExtremesFrom?: number } = {},
): { mean: number; used: number[]; dropped: number[] } {
  if (totals.length === 0) throw new Error('aggregateTotals needs at least one total');
  const from = opts.dropExtremesFrom ?? DROP_EXTREMES_FROM;
  const sorted = [...totals].sort((a, b) => a - b);
  const dropped = sorted.length >= from ? [sorted[0]!, sorted[sorted.length - 1]!] : [];
  const used = dropped.length ? sorted.slice(1, -1) : sorted;
  const mean = Math.round((used.reduce((s, t) => s + t, 0) / used.length) * 100) / 100;
  return { mean, used, dropped };
}
