/**
 * The team's share of income from an achievement, as data with its source. The national floor is the
 * law; a region may set a higher floor (many provinces: 70 %). A region without a rule of its own
 * inherits its parent's (district → city → province), and the nation's where none sets one.
 *
 * Percentages are stored in basis points (1 % = 100) so the arithmetic stays in integers.
 */
export type DistributionRoute = 'transfer' | 'licence' | 'equity' | 'self_implementation';

export interface ShareRule {
  /** Floor of the team's share of net income (transfer, licence), of the shares (equity), of operating profit (self-implementation). */
  bp: Record<DistributionRoute, number>;
  /** Self-implementation: the share is paid yearly for this many years (law: 3–5). */
  selfImplementationYears: { min: number; max: number };
  source: string;
}

export const NATIONAL_RULE: ShareRule = {
  bp: { transfer: 5000, licence: 5000, equity: 5000, self_implementation: 500 },
  selfImplementationYears: { min: 3, max: 5 },
  source: '《中华人民共和国促进科技成果转化法》（2015年修正）第四十五条',
};

/**
 * Regional floors above the national one, keyed by region code. Only the transfer / licence / equity
 * floors differ; self-implementation follows the nation unless a region says otherwise.
 */
export const REGIONAL_RULES: Record<string, ShareRule> = {
  '120000': {
    bp: { transfer: 7000, licence: 7000, equity: 7000, self_implementation: 500 },
    selfImplementationYears: { min: 3, max: 5 },
    source:
      '《天津市促进科技成果转化条例》（2017年7月26日天津市第十六届人大常委会第三十七次会议通过，2017年9月1日施行）：转让、许可净收入及作价投资股份不低于70%',
  },
  '110000': {
    bp: { transfer: 7000, licence: 7000, equity: 7000, self_implementation: 500 },
    selfImplementationYears: { min: 3, max: 5 },
    source: '《北京市促进科技成果转化条例》（2019）：转让、许可净收入及作价投资股份不低于70%',
  },
  '310000': {
    bp: { transfer: 7000, licence: 7000, equity: 7000, self_implementation: 500 },
    selfImplementationYears: { min: 3, max: 5 },
    source: '《上海市促进科技成果转化条例》（2017）：转让、许可净收入及作价投资股份不低于70%',
  },
};

/** Tax notes printed on every payout statement. */
export const TAX_NOTES = {
  cash: '以技术转让、许可收入给予科技人员的现金奖励，可减按50%计入当月“工资、薪金所得”缴纳个人所得税（财税〔2018〕58号）。',
  equity: '以科技成果作价投资取得的股权奖励，符合条件的可递延至转让股权时按“财产转让所得”纳税（财税〔2016〕101号）。',
  wageCap:
    '科技成果转化奖励和报酬不受单位当年工资总额限制，不纳入工资总额基数（国发〔2016〕16号《实施〈中华人民共和国促进科技成果转化法〉若干规定》）。',
} as const;
