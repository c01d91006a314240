/**
 * Technology contracts (C5): the vocabulary and the pure rules the server and the web share —
 * contract types and subtypes (民法典 843–887 and the registration rules), the registrar's standard
 * refusal reasons, the amount arithmetic (技术交易额), VAT-exemption eligibility, the registration
 * number format and the registration-deadline parameters.
 */

export const CONTRACT_TYPES = ['development', 'transfer', 'license', 'consulting', 'service'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_LABELS: Record<ContractType, { zh: string; en: string }> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  license: { zh: '技术许可', en: 'Technology licence' },
  consulting: { zh: '技术咨询', en: 'Technical consulting' },
  service: { zh: '技术服务', en: 'Technical service' },
};

/** Subtypes per type; a type with an empty list (consulting) takes no subtype (null). */
export const CONTRACT_SUBTYPES = {
  development: ['commissioned', 'cooperative'],
  transfer: [
    'patent_right',
    'patent_application_right',
    'technical_secret',
    'ic_layout',
    'plant_variety',
    'software_copyright',
    'biomedicine_variety',
  ],
  license: ['patent_license', 'technical_secret_license'],
  consulting: [],
  service: ['general', 'training', 'intermediary'],
} as const satisfies Record<ContractType, readonly string[]>;
export type ContractSubtype = (typeof CONTRACT_SUBTYPES)[ContractType][number];
export const ALL_CONTRACT_SUBTYPES = Object.values(CONTRACT_SUBTYPES).flat() as ContractSubtype[];

export const CONTRACT_SUBTYPE_LABELS: Record<ContractSubtype, { zh: string; en: string }> = {
  commissioned: { zh: '委托开发', en: 'Commissioned development' },
  cooperative: { zh: '合作开发', en: 'Cooperative development' },
  patent_right: { zh: '专利权转让', en: 'Patent assignment' },
  patent_application_right: { zh: '专利申请权转让', en: 'Patent application right assignment' },
  technical_secret: { zh: '技术秘密转让', en: 'Technical secret (know-how) transfer' },
  ic_layout: { zh: '集成电路布图设计专有权转让', en: 'IC layout-design right assignment' },
  plant_variety: { zh: '植物新品种权转让', en: 'Plant variety right assignment' },
  software_copyright: { zh: '计算机软件著作权转让', en: 'Software copyright assignment' },
  biomedicine_variety: { zh: '生物医药新品种权转让', en: 'New biomedicine variety right assignment' },
  patent_license: { zh: '专利实施许可', en: 'Patent licence' },
  technical_secret_license: { zh: '技术秘密使用许可', en: 'Know-how licence' },
  general: { zh: '一般技术服务', en: 'General technical service' },
  training: { zh: '技术培训', en: 'Technical training' },
  intermediary: { zh: '技术中介', en: 'Technology intermediary' },
};

export function subtypeFits(type: ContractType, subtype: string | null | undefined): boolean {
  const allowed = CONTRACT_SUBTYPES[type] as readonly string[];
  return allowed.length === 0 ? subtype == null : subtype != null && allowed.includes(subtype);
}

/** Lifecycle states (server/modules/contracts/lifecycle.ts holds the transition table). */
export const CONTRACT_STATUSES = ['draft', 'submitted', 'returned', 'certified', 'refused', 'cancelled', 'withdrawn'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  certified: { zh: '已认定登记', en: 'Certified' },
  refused: { zh: '不予登记', en: 'Refused' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The standard reasons a registrar refuses registration (DOMAIN.md C5). A free-text note goes beside one. */
export const REFUSAL_REASONS = [
  'not_technical_contract',
  'unclear_subject_or_price',
  'missing_approval',
  'title_content_mismatch',
  'monopolistic_clauses',
  'missing_documents',
  'seal_mismatch',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REFUSAL_REASON_LABELS: Record<RefusalReason, { zh: string; en: string }> = {
  not_technical_contract: { zh: '不属于技术合同', en: 'Not a technology contract' },
  unclear_subject_or_price: { zh: '合同标的不明确或价款、报酬不明确', en: 'Subject or price unclear' },
  missing_approval: { zh: '依法应当办理批准手续而未办理', en: 'Required approval missing' },
  title_content_mismatch: { zh: '合同名称与合同内容不符', en: 'Title does not match the content' },
  monopolistic_clauses: { zh: '含有非法垄断技术、妨碍技术进步的条款', en: 'Monopolistic clauses hindering technical progress' },
  missing_documents: { zh: '申请材料不齐全', en: 'Required documents missing' },
  seal_mismatch: { zh: '合同印章与当事人名称不一致', en: 'Seal does not match the party' },
};

/** Party roles on a contract. The applicant is the seller, or the domestic buyer when the seller is abroad. */
export const PARTY_ROLES = ['seller', 'buyer', 'intermediary'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
/** Organisation types of a party: common/roles.ts ORGANIZATION_TYPES plus these two. */
export const EXTRA_PARTY_TYPES = ['individual', 'other'] as const;

// ---------------------------------------------------------------------------------------------
// Amounts (all integer fen)

/**
 * Non-technical cost items. The first four are deducted from the contract amount to give the
 * technology transaction amount; `technical_carrier` (the direct cost of a reasonable quantity of
 * technical carriers: drawings, samples, prototypes, media) is itemised but not deducted.
 */
export const COST_ITEM_KINDS = ['equipment', 'instrument', 'part', 'raw_material', 'technical_carrier'] as const;
export type CostItemKind = (typeof COST_ITEM_KINDS)[number];
export const DEDUCTED_COST_KINDS: readonly CostItemKind[] = ['equipment', 'instrument', 'part', 'raw_material'];

export const COST_ITEM_KIND_LABELS: Record<CostItemKind, { zh: string; en: string }> = {
  equipment: { zh: '设备', en: 'Equipment' },
  instrument: { zh: '仪器', en: 'Instruments' },
  part: { zh: '零部件', en: 'Parts' },
  raw_material: { zh: '原材料', en: 'Raw materials' },
  technical_carrier: { zh: '技术载体（合理数量，不扣除）', en: 'Technical carriers (reasonable quantity, not deducted)' },
};

export interface CostItemAmount {
  kind: CostItemKind;
  amountFen: number;
}

export interface AmountInput {
  contractAmountFen: number;
  nonTechnicalCosts: readonly CostItemAmount[];
  /** Registrar's adjustment of the computed technology transaction amount (signed fen); 0 when none. */
  adjustmentFen?: number;
}

export interface Amounts {
  contractAmountFen: number;
  /** Σ deducted items (equipment, instruments, parts, raw materials). */
  nonTechnicalCostsFen: number;
  /** Σ technical-carrier items (itemised, not deducted). */
  technicalCarrierFen: number;
  /** contract amount − deducted items. */
  computedTechnologyTransactionAmountFen: number;
  adjustmentFen: number;
  /** computed + adjustment: the amount that is registered and counted. */
  technologyTransactionAmountFen: number;
}

/** A problem with the amounts, naming the field as the API body spells it. */
export interface AmountIssue {
  path: Array<string | number>;
  message: string;
}

const yuan = (fen: number) => formatYuan(fen);

/**
 * 技术交易额 = 合同成交额 − 非技术性费用 (equipment, instruments, parts, raw materials), then the
 * registrar's adjustment. Returns the amounts, or every issue with the field it concerns: an item
 * above the contract amount, deducted items that together exceed it, or an adjustment that takes
 * the result below zero or above the contract amount.
 */
export function computeAmounts(input: AmountInput): { amounts: Amounts; issues: AmountIssue[] } {
  const issues: AmountIssue[] = [];
  const contract = input.contractAmountFen;
  let deducted = 0;
  let carriers = 0;
  input.nonTechnicalCosts.forEach((item, i) => {
    const path = ['nonTechnicalCosts', i, 'amountFen'];
    if (item.amountFen > contract) {
      issues.push({ path, message: `exceeds the contract amount (${yuan(item.amountFen)} > ${yuan(contract)} 元)` });
      return;
    }
    if (DEDUCTED_COST_KINDS.includes(item.kind)) {
      deducted += item.amountFen;
      if (deducted > contract)
        issues.push({
          path,
          message: `brings the deducted non-technical costs to ${yuan(deducted)} 元, above the contract amount (${yuan(contract)} 元)`,
        });
    } else {
      carriers += item.amountFen;
    }
  });
  const computed = Math.max(0, contract - deducted);
  const adjustment = input.adjustmentFen ?? 0;
  const final = computed + adjustment;
  if (!Number.isInteger(adjustment)) issues.push({ path: ['adjustmentFen'], message: 'must be a whole number of fen' });
  else if (final < 0)
    issues.push({ path: ['adjustmentFen'], message: `takes the technology transaction amount below zero (${yuan(computed)} 元 computed)` });
  else if (final > contract)
    issues.push({
      path: ['adjustmentFen'],
      message: `takes the technology transaction amount above the contract amount (${yuan(contract)} 元)`,
    });
  return {
    amounts: {
      contractAmountFen: contract,
      nonTechnicalCostsFen: deducted,
      technicalCarrierFen: carriers,
      computedTechnologyTransactionAmountFen: computed,
      adjustmentFen: adjustment,
      technologyTransactionAmountFen: Math.min(contract, Math.max(0, final)),
    },
    issues,
  };
}

/** `123456789` fen → `"1,234,567.89"` (元, two decimals, thousands separated). */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

// ---------------------------------------------------------------------------------------------
// VAT exemption (财税〔2016〕36号 附件3 第一条第（二十六）项)

export interface VatExemption {
  eligible: boolean;
  /** Which part is exempt: the whole contract price, or none. */
  scope: 'contract' | 'none';
  /** Whether related consulting/services in the contract are exempt too (only when invoiced with the transfer/development price). */
  relatedServicesExempt: boolean;
  reasonZh: string;
  reasonEn: string;
}

/**
 * Technology transfer and development (and licences: 36号文 counts transferring the right to use a
 * technology as 技术转让) are exempt from VAT; consulting and services related to them are exempt
 * only when their price is invoiced on the same invoice as the transfer/development price. Stand-alone
 * consulting and service contracts (incl. training and intermediary) are not.
 */
export function vatExemption(type: ContractType, relatedServicesInvoicedTogether: boolean): VatExemption {
  const basis = '依据财税〔2016〕36号附件3第一条第（二十六）项';
  switch (type) {
    case 'development':
    case 'transfer':
    case 'license': {
      const kindZh = type === 'development' ? '技术开发' : type === 'transfer' ? '技术转让' : '技术许可（转让技术使用权，属技术转让范围）';
      const kindEn =
        type === 'development'
          ? 'technology development'
          : type === 'transfer'
            ? 'technology transfer'
            : 'a licence (transfer of the right to use a technology counts as technology transfer)';
      return {
        eligible: true,
        scope: 'contract',
        relatedServicesExempt: relatedServicesInvoicedTogether,
        reasonZh: relatedServicesInvoicedTogether
          ? `${basis}，${kindZh}合同可免征增值税；与之相关的技术咨询、技术服务价款与其在同一张发票上开具，一并免征。`
          : `${basis}，${kindZh}合同可免征增值税；相关的技术咨询、技术服务须与其价款在同一张发票上开具方可一并免征。`,
        reasonEn: relatedServicesInvoicedTogether
          ? `Exempt as ${kindEn} (Caishui [2016] No. 36, Annex 3, 1.(26)); the related consulting/services are on the same invoice and exempt too.`
          : `Exempt as ${kindEn} (Caishui [2016] No. 36, Annex 3, 1.(26)); related consulting/services are exempt only when invoiced on the same invoice.`,
      };
    }
    case 'consulting':
    case 'service':
      return {
        eligible: false,
        scope: 'none',
        relatedServicesExempt: false,
        reasonZh: `${basis}，免征增值税的是技术转让、技术开发及与之相关并在同一张发票上开具的技术咨询、技术服务；独立的${type === 'consulting' ? '技术咨询' : '技术服务（含技术培训、技术中介）'}合同不在免税范围内。`,
        reasonEn: `Not eligible: the exemption covers technology transfer and development and the consulting/services related to them on the same invoice; a stand-alone ${type === 'consulting' ? 'consulting' : 'service (incl. training and intermediary)'} contract is outside it.`,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Registration number: {year:4}{region:6}{sequence:6}, e.g. 2026120116000001

export const REGISTRATION_NUMBER_PATTERN = /^(\d{4})(\d{6})(\d{6})$/;
export const MAX_REGISTRATION_SEQUENCE = 999_999;

/** The 6-digit GB/T 2260 code of a registration point's region (a park's 8-digit code → its district). */
export const registrationRegionOf = (regionCode: string): string => regionCode.slice(0, 6);

export function formatRegistrationNumber(year: number, regionCode: string, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have 4 digits');
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('region code must have 6 digits');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_REGISTRATION_SEQUENCE)
    throw new RangeError('sequence must be 1–999999');
  return `${year}${regionCode}${String(sequence).padStart(6, '0')}`;
}

export function parseRegistrationNumber(n: string): { year: number; regionCode: string; sequence: number } | null {
  const m = REGISTRATION_NUMBER_PATTERN.exec(n.trim());
  if (!m) return null;
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return { year: Number(m[1]), regionCode: m[2]!, sequence };
}

// ---------------------------------------------------------------------------------------------
// Registration deadlines (parameters; defaults from the 2024 draft registration measures)

export const CONTRACT_PARAMETER_KEYS = ['reviewWorkingDays', 'expertReviewWorkingDays', 'expertReviewThresholdFen'] as const;
export type ContractParameterKey = (typeof CONTRACT_PARAMETER_KEYS)[number];
export type ContractParameters = Record<ContractParameterKey, number>;

export const CONTRACT_PARAMETER_DEFAULTS: ContractParameters = {
  reviewWorkingDays: 15,
  expertReviewWorkingDays: 30,
  expertReviewThresholdFen: 500_000_000, // ¥5,000,000
};

export const CONTRACT_PARAMETER_INFO: Record<ContractParameterKey, { zh: string; en: string; source: string }> = {
  reviewWorkingDays: {
    zh: '认定登记办理时限（工作日，自申请材料齐全之日起）',
    en: 'Review deadline in working days from a complete application',
    source: '技术合同认定登记管理办法（2024 征求意见稿）',
  },
  expertReviewWorkingDays: {
    zh: '需专家评审时的办理时限（工作日）',
    en: 'Deadline in working days when expert review is required',
    source: '技术合同认定登记管理办法（2024 征求意见稿）',
  },
  expertReviewThresholdFen: {
    zh: '需专家评审的技术交易额下限（分）',
    en: 'Technology transaction amount (fen) from which expert review is required',
    source: '技术合同认定登记管理办法（2024 征求意见稿）',
  },
};

/** Whether an application needs expert review, and how many working days the registrar then has. */
export function reviewPeriod(
  technologyTransactionAmountFen: number,
  p: ContractParameters,
): { expertReviewRequired: boolean; workingDays: number } {
  const expertReviewRequired = technologyTransactionAmountFen >= p.expertReviewThresholdFen;
  return { expertReviewRequired, workingDays: expertReviewRequired ? p.expertReviewWorkingDays : p.reviewWorkingDays };
}
