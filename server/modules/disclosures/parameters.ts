/** Periods of the disclosure flow, as data with their sources. */
export const DISCLOSURE_PARAMETERS = {
  /** Decide within this many months of a complete disclosure (submitted, every inventor confirmed). */
  decisionMonths: {
    value: 4,
    source: '平台默认值（按单位知识产权管理办法设定）；教科技〔2020〕1号要求专利申请前评估',
  },
  /** Remind the TTO this many days before the decision is due (and once when overdue). */
  reminderDaysBefore: { value: 14, source: '平台默认值' },
  /** Novelty grace period after a qualifying first disclosure. */
  graceMonths: {
    value: 6,
    source: '《中华人民共和国专利法》（2020年修正）第二十四条：申请日以前六个月内特定情形的公开不丧失新颖性',
  },
  /** Priority period for filing abroad after the first (Chinese) filing. */
  parisPriorityMonths: { value: 12, source: '《保护工业产权巴黎公约》第四条C款：发明专利优先权期限十二个月' },
} as const;
