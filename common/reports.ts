/**
 * Reports (C9): the annual 科技成果转化年度报告 and S&T reports (科技报告) — vocabulary, the
 * parameters with their sources, and the pure rules the server and the web share.
 */
import { creditCodeProblem } from './credit-code.js';

// ---------------------------------------------------------------------------------------------
// Annual transformation report (促进科技成果转化法 art. 21; 财科教〔2017〕22号)

export const ANNUAL_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];
export const ANNUAL_REPORT_STATUS_LABELS: Record<AnnualReportStatus, { zh: string; en: string }> = {
  draft: { zh: '填报中', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned' },
  accepted: { zh: '已通过', en: 'Accepted' },
};

export const ANNUAL_REPORT_TRANSITIONS = ['submit', 'return', 'accept'] as const;
export type AnnualReportTransition = (typeof ANNUAL_REPORT_TRANSITIONS)[number];

/** A parameter's value and where it comes from (shown beside it). */
export interface ParameterInfo<T> {
  value: T;
  zh: string;
  source: string;
}

/**
 * The annual report's parameters. The window and due date are month-days of the year after the
 * reported one (the report covers the previous calendar year).
 */
export const ANNUAL_REPORT_PARAMETERS = {
  windowOpens: {
    value: '04-01',
    zh: '填报开始（次年月-日）',
    source: '主管部门年度报告工作通知（通常为次年 4–5 月填报）；促进科技成果转化法第二十一条、财科教〔2017〕22号',
  },
  dueOn: {
    value: '05-31',
    zh: '报送截止（次年月-日，当日 24 时）',
    source: '主管部门年度报告工作通知（通常为次年 4–5 月填报）',
  },
  reminderDaysBefore: {
    value: [30, 7, 1] as readonly number[],
    zh: '截止前提醒（天）',
    source: '平台默认',
  },
  integrityGraceDays: {
    value: 30,
    zh: '逾期未报记入诚信记录的宽限期（天）',
    source: '平台默认，由主管部门确定',
  },
  overduePenaltyMonths: {
    value: 12,
    zh: '逾期未报诚信记录的公示期（月）',
    source: '平台默认，由主管部门确定',
  },
  largeDealFen: {
    value: 100_000_000,
    zh: '单列的重大项目（合同金额 ≥ 100 万元）',
    source: '财科教〔2017〕22号 年度报告模板（重大项目清单；以当年模板为准）',
  },
  narrativeMinChars: {
    value: 20,
    zh: '“工作开展情况”和“政策落实情况”最少字数',
    source: '平台取值：财科教〔2017〕22号 年度报告模板要求填写这两部分，未规定字数',
  },
} as const;

/** The large-deal line in 万元 for labels (合同金额 N 万元及以上). */
export const largeDealWan = (): number => ANNUAL_REPORT_PARAMETERS.largeDealFen.value / 1_000_000;

/** Transfer modes as the report groups them (block 3). */
export const REPORT_TRANSFER_MODES = ['transfer', 'license', 'equity'] as const;
export type ReportTransferMode = (typeof REPORT_TRANSFER_MODES)[number];
export const REPORT_TRANSFER_MODE_LABELS: Record<ReportTransferMode, string> = { transfer: '转让', license: '许可', equity: '作价投资' };

/** Industry-academia cooperation contracts (block 4). */
export const REPORT_COOPERATION_TYPES = ['development', 'consulting', 'service'] as const;
export type ReportCooperationType = (typeof REPORT_COOPERATION_TYPES)[number];
export const REPORT_COOPERATION_TYPE_LABELS: Record<ReportCooperationType, string> = {
  development: '技术开发',
  consulting: '技术咨询',
  service: '技术服务',
};

/** The platform's transfer modes (common/catalog.ts) as the report counts them; null: block 4 instead. */
export function reportModeOf(transferMode: string): ReportTransferMode | null {
  if (transferMode === 'transfer') return 'transfer';
  if (transferMode.startsWith('license')) return 'license';
  if (transferMode === 'equity') return 'equity';
  return null;
}

/** Block 4 type of a deal's mode (joint development, technical service), or null. */
export function cooperationTypeOfMode(transferMode: string): ReportCooperationType | null {
  if (transferMode === 'joint_development') return 'development';
  if (transferMode === 'technical_service') return 'service';
  return null;
}

export const CO_BUILT_KINDS = ['lab', 'rd_institute', 'transfer_institution', 'alliance', 'other'] as const;
export const CO_BUILT_KIND_LABELS: Record<(typeof CO_BUILT_KINDS)[number], string> = {
  lab: '联合实验室',
  rd_institute: '共建研发机构',
  transfer_institution: '技术转移机构',
  alliance: '产业技术创新联盟',
  other: '其他',
};

/**
 * Who must report: publicly funded universities and research institutes — on the platform, an
 * organisation of type university or research_institute whose credit code was issued by a
 * 机构编制 authority (registration-authority character `1`: public institutions, GB 32100-2015).
 */
export function mustFileAnnualReport(org: { type: string; creditCode: string }): boolean {
  return (org.type === 'university' || org.type === 'research_institute') && org.creditCode.startsWith('1');
}

// ---------------------------------------------------------------------------------------------
// S&T reports (科技报告)

export const ST_REPORT_ACCESS = ['public', 'delayed'] as const;
export type StReportAccess = (typeof ST_REPORT_ACCESS)[number];
export const ST_REPORT_ACCESS_LABELS: Record<StReportAccess, string> = { public: '公开', delayed: '延期公开' };

export const ST_REPORT_RULES = {
  abstractMin: { value: 200, zh: '摘要最少字数', source: 'GB/T 7713.3-2014 科技报告编写规则（摘要；平台取值，以标准原文为准）' },
  abstractMax: { value: 1500, zh: '摘要最多字数', source: 'GB/T 7713.3-2014 科技报告编写规则（平台取值）' },
  keywordsMin: { value: 3, zh: '关键词最少个数', source: 'GB/T 7713.3-2014（3–8 个关键词）' },
  keywordsMax: { value: 8, zh: '关键词最多个数', source: 'GB/T 7713.3-2014（3–8 个关键词）' },
  delayYearsMax: { value: 5, zh: '延期公开最长（年）', source: '国家科技报告管理规定：延期公开期限一般不超过 5 年' },
  sequenceMax: { value: 99, zh: '同一项目报告序号上限', source: 'GB/T 15416-2014 科技报告编号规则（两位序号；平台取值）' },
} as const;

/** Project numbers as funders issue them: upper-case letters and digits (e.g. 2022YFB3803600). */
export const PROJECT_NUMBER_PATTERN = /^[0-9A-Z]{2,32}$/;

/** The 9-character organisation code: characters 9–17 of a valid unified social credit code, or null. */
export function organizationCodeOf(creditCode: string): string | null {
  const c = creditCode.toUpperCase();
  return creditCodeProblem(c) === null ? c.slice(8, 17) : null;
}

/** 科技报告编号: organisation code - project number - two-digit sequence. Throws on bad parts. */
export function stReportNumber(creditCode: string, projectNumber: string, sequence: number): string {
  const org = organizationCodeOf(creditCode);
  if (!org) throw new RangeError('not a valid unified social credit code');
  if (!PROJECT_NUMBER_PATTERN.test(projectNumber)) throw new RangeError('project number: 2–32 upper-case letters and digits');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > ST_REPORT_RULES.sequenceMax.value)
    throw new RangeError(`sequence: 1–${ST_REPORT_RULES.sequenceMax.value}`);
  return `${org}-${projectNumber}-${String(sequence).padStart(2, '0')}`;
}

/** Characters as a reader counts them (a CJK character or a Latin letter is one; surrogate pairs are one). */
export const textLength = (s: string): number => [...s.trim()].length;

/** Why the abstract is refused, or null. */
export function abstractProblem(abstract: string): string | null {
  const n = textLength(abstract);
  const { abstractMin: min, abstractMax: max } = ST_REPORT_RULES;
  if (n < min.value) return `摘要至少 ${min.value} 字（现 ${n} 字）`;
  if (n > max.value) return `摘要至多 ${max.value} 字（现 ${n} 字）`;
  return null;
}

/** Why the keywords are refused, or null: 3–8 distinct, non-empty, ≤ 40 characters each. */
export function keywordsProblem(keywords: readonly string[]): string | null {
  const { keywordsMin: min, keywordsMax: max } = ST_REPORT_RULES;
  const clean = keywords.map((k) => k.trim());
  if (clean.some((k) => k.length === 0)) return '关键词不能为空';
  if (clean.some((k) => textLength(k) > 40)) return '每个关键词至多 40 字';
  if (new Set(clean).size !== clean.length) return '关键词不能重复';
  if (clean.length < min.value || clean.length > max.value) return `关键词 ${min.value}–${max.value} 个（现 ${clean.length} 个）`;
  return null;
}

/** Adds calendar years to a `YYYY-MM-DD` date (29 Feb → 28 Feb in a common year). */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Adds calendar months to a `YYYY-MM-DD` date, clamping to the month's last day. */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Why a delayed release date is refused (after `today`, at most 5 years on), or null. */
export function releaseProblem(access: StReportAccess, releaseOn: string | null | undefined, today: string): string | null {
  if (access === 'public') return releaseOn ? '公开的报告不设延期公开日期' : null;
  if (!releaseOn) return '延期公开须填写公开日期';
  if (releaseOn <= today) return '延期公开日期须晚于今天';
  const max = addYears(today, ST_REPORT_RULES.delayYearsMax.value);
  if (releaseOn > max) return `延期公开至多 ${ST_REPORT_RULES.delayYearsMax.value} 年（最晚 ${max}）`;
  return null;
}
