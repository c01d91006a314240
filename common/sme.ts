/**
 * 科技型中小企业 self-assessment, 《科技型中小企业评价办法》 国科发政〔2017〕115号. Pure: the web form
 * shows the same score the server stores.
 *
 * 第六条 (二) size: 职工总数 ≤ 500, 年销售收入 ≤ 2亿元, 资产总额 ≤ 2亿元;
 * 第六条 (五) score ≥ 60 and the 科技人员 score not 0;
 * 第七条 the three indicators and their bands (below, each band's lower bound inclusive: "（含）");
 * 第八条 direct confirmation (valid 高新技术企业 certificate, a national science award in the last five
 * years ranked in the first three, a recognised provincial-or-higher R&D institution, having led an
 * international / national / industry standard in the last five years) replaces the score, not the size test.
 * 第六条 (一)(三)(四) (resident enterprise; products not prohibited, restricted or obsolete; no major
 * accident, serious environmental or research-integrity violation, not on the abnormal-operation or
 * serious-dishonesty lists) are the applicant's declarations.
 */
export const SME_RULE_SOURCE = '国科发政〔2017〕115号《科技型中小企业评价办法》';

export const SME_LIMITS = {
  maxStaff: 500, // 第六条（二）
  maxRevenueFen: 20_000_000_000, // ¥200M, 第六条（二）
  maxAssetsFen: 20_000_000_000, // ¥200M, 第六条（二）
  passScore: 60, // 第六条（五）
  source: `${SME_RULE_SOURCE} 第六条`,
} as const;

/** A band: `atLeastPercent` inclusive lower bound of the ratio (percent), and its points. */
export interface Band {
  atLeastPercent: number;
  points: number;
}

/** 第七条（一）科技人员数占职工总数的比例: 30%↑ 20, 25–30% 16, 20–25% 12, 15–20% 8, 10–15% 4, <10% 0. */
export const STAFF_BANDS: readonly Band[] = [
  { atLeastPercent: 30, points: 20 },
  { atLeastPercent: 25, points: 16 },
  { atLeastPercent: 20, points: 12 },
  { atLeastPercent: 15, points: 8 },
  { atLeastPercent: 10, points: 4 },
];
/** 第七条（二）1. 研发费用总额占销售收入总额的比例: 6%↑ 50, 5–6% 40, 4–5% 30, 3–4% 20, 2–3% 10, <2% 0. */
export const RD_REVENUE_BANDS: readonly Band[] = [
  { atLeastPercent: 6, points: 50 },
  { atLeastPercent: 5, points: 40 },
  { atLeastPercent: 4, points: 30 },
  { atLeastPercent: 3, points: 20 },
  { atLeastPercent: 2, points: 10 },
];
/** 第七条（二）2. 研发费用总额占成本费用支出总额的比例: 30%↑ 50, 25–30% 40, 20–25% 30, 15–20% 20, 10–15% 10, <10% 0. */
export const RD_COST_BANDS: readonly Band[] = [
  { atLeastPercent: 30, points: 50 },
  { atLeastPercent: 25, points: 40 },
  { atLeastPercent: 20, points: 30 },
  { atLeastPercent: 15, points: 20 },
  { atLeastPercent: 10, points: 10 },
];
/** 第七条（三）: ≥1 Class I right 30; Class II: ≥4 → 24, 3 → 18, 2 → 12, 1 → 6; none 0. */
export const IP_POINTS = { classI: 30, classII: [0, 6, 12, 18, 24] as readonly number[] } as const;

export const DIRECT_QUALIFICATIONS = ['high_tech_certificate', 'national_award', 'provincial_rd_institution', 'led_standard'] as const;
export type DirectQualification = (typeof DIRECT_QUALIFICATIONS)[number];
export const DIRECT_QUALIFICATION_LABELS: Record<DirectQualification, string> = {
  high_tech_certificate: '拥有有效期内高新技术企业资格证书',
  national_award: '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名',
  provincial_rd_institution: '拥有经认定的省部级以上研发机构',
  led_standard: '近五年内主导制定过国际标准、国家标准或行业标准',
};

export interface SmeInput {
  staff: number; // 职工总数
  techStaff: number; // 科技人员数
  revenueFen: number; // 销售收入 (主营业务收入 + 其他业务收入)
  assetsFen: number; // 资产总额
  rdExpenseFen: number; // 研发费用总额
  /** 成本费用支出总额; when given, the better of the two R&D ratios counts (第七条（二）: the enterprise chooses one). */
  costExpenseFen: number | null;
  classIRights: number; // Ⅰ类知识产权: 发明专利、植物新品种、国家新药、集成电路布图设计专有权 …
  classIIRights: number; // Ⅱ类知识产权: 实用新型、外观设计、软件著作权 …（不含商标）
  directQualifications: DirectQualification[];
  /** 第六条（一）（三）（四） declared. */
  declarationsConfirmed: boolean;
}

export interface SmeResult {
  sizeOk: boolean;
  staffScore: number;
  rdScore: number;
  rdBasis: 'revenue' | 'cost';
  ipScore: number;
  total: number;
  route: 'score' | 'direct' | 'none';
  qualified: boolean;
  reasons: string[];
}

/** Points of the first band whose inclusive lower bound `part / whole` reaches; exact in integers (no float edges). */
export function bandPoints(part: number, whole: number, bands: readonly Band[]): number {
  if (whole <= 0) return 0;
  // part / whole ≥ p / 100  ⇔  100·part ≥ p·whole (p may have one decimal: scale by 10)
  for (const b of bands) if (part * 1000 >= Math.round(b.atLeastPercent * 10) * whole) return b.points;
  return 0;
}

export function ipScore(classI: number, classII: number): number {
  if (classI >= 1) return IP_POINTS.classI;
  return IP_POINTS.classII[Math.min(Math.max(classII, 0), 4)]!;
}

export function assessSme(input: SmeInput): SmeResult {
  const reasons: string[] = [];
  const sizeOk =
    input.staff <= SME_LIMITS.maxStaff && input.revenueFen <= SME_LIMITS.maxRevenueFen && input.assetsFen <= SME_LIMITS.maxAssetsFen;
  if (input.staff > SME_LIMITS.maxStaff) reasons.push(`职工总数 ${input.staff} 人超过 ${SME_LIMITS.maxStaff} 人`);
  if (input.revenueFen > SME_LIMITS.maxRevenueFen) reasons.push('年销售收入超过 2 亿元');
  if (input.assetsFen > SME_LIMITS.maxAssetsFen) reasons.push('资产总额超过 2 亿元');
  if (!input.declarationsConfirmed) reasons.push('未确认第六条（一）（三）（四）项声明');

  const staffScore = bandPoints(input.techStaff, input.staff, STAFF_BANDS);
  const byRevenue = bandPoints(input.rdExpenseFen, input.revenueFen, RD_REVENUE_BANDS);
  const byCost = input.costExpenseFen !== null ? bandPoints(input.rdExpenseFen, input.costExpenseFen, RD_COST_BANDS) : -1;
  const rdBasis = byCost > byRevenue ? 'cost' : 'revenue';
  const rdScore = Math.max(byRevenue, byCost, 0);
  const ip = ipScore(input.classIRights, input.classIIRights);
  const total = staffScore + rdScore + ip;

  const direct = input.directQualifications.length > 0;
  const byScore = total >= SME_LIMITS.passScore && staffScore > 0;
  if (!direct) {
    if (total < SME_LIMITS.passScore) reasons.push(`综合评价得分 ${total} 分，低于 ${SME_LIMITS.passScore} 分`);
    if (staffScore === 0) reasons.push('科技人员指标得分为 0 分');
  }
  const eligible = sizeOk && input.declarationsConfirmed;
  const route = !eligible ? 'none' : direct ? 'direct' : byScore ? 'score' : 'none';
  return { sizeOk, staffScore, rdScore, rdBasis, ipScore: ip, total, route, qualified: route !== 'none', reasons };
}
