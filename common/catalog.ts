/** Vocabulary of the catalogue (C1, C2): readiness levels, transfer modes, IP kinds, lifecycle. */

/** Technology readiness levels, wording after GB/T 22900 Annex A (paraphrased; check the standard's text). */
export const TRL_LEVELS = [
  { level: 1, zh: '发现或报道基本原理', en: 'Basic principles discovered or reported' },
  { level: 2, zh: '形成技术概念或应用方案', en: 'Technology concept or application formed' },
  { level: 3, zh: '关键功能和可行性经分析与实验验证', en: 'Key functions and feasibility proven by analysis and experiment' },
  { level: 4, zh: '部件或功能模块在实验室环境中验证', en: 'Components or modules validated in the laboratory' },
  { level: 5, zh: '部件在相关（模拟）环境中验证', en: 'Components validated in a relevant (simulated) environment' },
  { level: 6, zh: '系统或原型在相关环境中演示', en: 'System or prototype demonstrated in a relevant environment' },
  { level: 7, zh: '原型在真实使用环境中演示', en: 'Prototype demonstrated in the real operating environment' },
  { level: 8, zh: '最终产品通过试验和演示定型', en: 'Final product qualified through test and demonstration' },
  { level: 9, zh: '产品在实际使用中得到验证或批量生产', en: 'Product proven in actual use / in volume production' },
] as const;

export const TRANSFER_MODES = [
  'transfer', // 转让
  'license_exclusive', // 独占许可
  'license_sole', // 排他许可
  'license_ordinary', // 普通许可
  'equity', // 作价投资
  'joint_development', // 合作开发
  'technical_service', // 技术服务
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export const TRANSFER_MODE_LABELS: Record<TransferMode, { zh: string; en: string }> = {
  transfer: { zh: '转让', en: 'Assignment' },
  license_exclusive: { zh: '独占许可', en: 'Exclusive licence' },
  license_sole: { zh: '排他许可', en: 'Sole licence' },
  license_ordinary: { zh: '普通许可', en: 'Non-exclusive licence' },
  equity: { zh: '作价投资', en: 'Equity investment' },
  joint_development: { zh: '合作开发', en: 'Joint development' },
  technical_service: { zh: '技术服务', en: 'Technical service' },
};

export const IP_KINDS = [
  'invention_patent',
  'utility_model',
  'design_patent',
  'pct',
  'software_copyright',
  'ic_layout',
  'plant_variety',
  'know_how',
] as const;
export type IpKind = (typeof IP_KINDS)[number];
/** Kinds whose number is a Chinese patent application number (check digit validated). */
export const PATENT_KINDS: readonly IpKind[] = ['invention_patent', 'utility_model', 'design_patent', 'pct'];

export const IP_KIND_LABELS: Record<IpKind, { zh: string; en: string }> = {
  invention_patent: { zh: '发明专利', en: 'Invention patent' },
  utility_model: { zh: '实用新型', en: 'Utility model' },
  design_patent: { zh: '外观设计', en: 'Design patent' },
  pct: { zh: 'PCT 专利', en: 'PCT patent' },
  software_copyright: { zh: '软件著作权', en: 'Software copyright' },
  ic_layout: { zh: '集成电路布图设计', en: 'IC layout design' },
  plant_variety: { zh: '植物新品种', en: 'Plant variety' },
  know_how: { zh: '技术秘密', en: 'Know-how' },
};

/** Lifecycle of achievements and demands. Demands end in `closed` instead of trading states. */
export const RECORD_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'in_trade',
  'transferred',
  'closed',
  'withdrawn',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_LABELS: Record<RecordStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '审核通过', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  in_trade: { zh: '交易中', en: 'In trade' },
  transferred: { zh: '已转化', en: 'Transferred' },
  closed: { zh: '已完成', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Price bands for facets, in fen (¥ = 100 fen). */
export const PRICE_BANDS = [
  { key: 'lt100k', zh: '10万元以下', en: '< ¥100k', min: 0, max: 10_000_000 },
  { key: '100k_1m', zh: '10万–100万元', en: '¥100k–1M', min: 10_000_000, max: 100_000_000 },
  { key: '1m_10m', zh: '100万–1000万元', en: '¥1M–10M', min: 100_000_000, max: 1_000_000_000 },
  { key: 'gte10m', zh: '1000万元以上', en: '≥ ¥10M', min: 1_000_000_000, max: Number.MAX_SAFE_INTEGER },
  { key: 'negotiable', zh: '面议', en: 'Negotiable', min: null, max: null },
] as const;
export type PriceBandKey = (typeof PRICE_BANDS)[number]['key'];
