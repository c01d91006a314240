import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../../../common/credit-code.js';
import type { OrganizationType } from '../../../common/roles.js';
import type { PlannedContract, PlannedParty } from './synthetic.js';

/**
 * Names, types and credit codes for synthetic parties (demo data, stats:reproduce): organisations
 * in the city (which the writers register on the platform) and counterparts elsewhere in China or
 * abroad (parties only). Deterministic: the same index gives the same party.
 */
export interface SyntheticParty {
  name: string;
  organizationType: string;
  creditCode: string | null;
  regionCode: string | null;
  country: string;
}

const A = ['华', '中', '瑞', '科', '博', '恒', '联', '新', '天', '宏', '创', '远', '正', '信', '海', '泰', '安', '德', '嘉', '鼎'];
const B = ['源', '达', '研', '智', '能', '通', '盛', '晟', '拓', '锐', '元', '微', '康', '宇', '峰', '航', '光', '和'];
const KINDS: Array<{ suffix: string; type: OrganizationType; weight: number }> = [
  { suffix: '科技有限公司', type: 'enterprise', weight: 30 },
  { suffix: '技术有限公司', type: 'enterprise', weight: 14 },
  { suffix: '智能装备有限公司', type: 'enterprise', weight: 8 },
  { suffix: '生物医药有限公司', type: 'enterprise', weight: 7 },
  { suffix: '新材料股份有限公司', type: 'enterprise', weight: 7 },
  { suffix: '信息技术有限公司', type: 'enterprise', weight: 10 },
  { suffix: '工程技术研究院', type: 'research_institute', weight: 8 },
  { suffix: '技术转移中心', type: 'transfer_institution', weight: 4 },
  { suffix: '检测技术服务有限公司', type: 'service_provider', weight: 6 },
  { suffix: '理工大学', type: 'university', weight: 6 },
];
const ABROAD_NAMES = ['Aster', 'Borealis', 'Cobalt', 'Delta', 'Evergreen', 'Fulcrum', 'Granite', 'Helix', 'Ionic', 'Juniper'];
const ABROAD_SUFFIX: Record<string, string> = {
  US: 'Technologies Inc.',
  DE: 'Technik GmbH',
  JP: 'Co., Ltd.',
  KR: 'Co., Ltd.',
  GB: 'Technologies Ltd',
  SG: 'Pte. Ltd.',
  HK: 'Technology Limited',
  FR: 'Technologies SAS',
  TW: 'Technology Co., Ltd.',
};

function kindAt(i: number) {
  const total = KINDS.reduce((a, k) => a + k.weight, 0);
  let x = (i * 7919) % total;
  for (const k of KINDS) if ((x -= k.weight) < 0) return k;
  return KINDS[0]!;
}

/** A 9-character organisation-code part from a number (unique per number and prefix). */
function orgCode(prefix: string, n: number): string {
  let s = '';
  let v = n;
  for (let i = 0; i < 6; i++) {
    s = CREDIT_CODE_ALPHABET[v % 31]! + s;
    v = Math.floor(v / 31);
  }
  // The ninth character is the GB 11714 check digit, filled in by completeCreditCode.
  return `${prefix}${s}0`;
}

/** The i-th synthetic organisation of a region (a city district or a province): name, type, credit code. */
export function syntheticOrganization(placeName: string, regionCode: string, i: number, codePrefix = 'MC'): SyntheticParty {
  const k = kindAt(i);
  const name = `${placeName}${A[i % A.length]}${B[Math.floor(i / A.length) % B.length]}${k.suffix}${i >= A.length * B.length ? `（${Math.floor(i / (A.length * B.length)) + 1}）` : ''}`;
  const authority = k.type === 'university' || k.type === 'research_institute' ? '12' : k.type === 'transfer_institution' ? '52' : '91';
  return {
    name,
    organizationType: k.type,
    creditCode: completeCreditCode(`${authority}${regionCode.slice(0, 6)}${orgCode(codePrefix, i)}`),
    regionCode,
    country: 'CN',
  };
}

export function syntheticForeignParty(country: string, i: number): SyntheticParty {
  return {
    name: `${ABROAD_NAMES[i % ABROAD_NAMES.length]} ${ABROAD_SUFFIX[country] ?? 'Technologies Ltd'}`,
    organizationType: 'enterprise',
    creditCode: null,
    regionCode: null,
    country,
  };
}

/** Skewed pick (a few parties get most contracts, as in real markets): index into a list of `n`. */
export const skewedIndex = (draw: number, n: number): number => Math.min(n - 1, Math.floor(n * draw ** 2.5));

/** A counterpart outside the city: one of 40 synthetic organisations per province, or one of 10 per country. */
export function counterpartOf(p: PlannedParty, draw: number, provinceName: (code: string) => string): SyntheticParty {
  if (p.where === 'abroad') return syntheticForeignParty(p.code, skewedIndex(draw, 10));
  return syntheticOrganization(
    provinceName(p.code).replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''),
    p.code,
    skewedIndex(draw, 40),
  );
}

/** Industry fields (战略性新兴产业) of demo contracts and their weights. */
export const DEMO_FIELDS: Array<[string, number]> = [
  ['SEI1', 28],
  ['SEI2', 18],
  ['SEI3', 12],
  ['SEI4', 12],
  ['SEI5', 5],
  ['SEI6', 7],
  ['SEI7', 8],
  ['SEI8', 3],
  ['SEI9', 7],
];
export function fieldOf(draw: number): string {
  let x = draw * DEMO_FIELDS.reduce((a, [, w]) => a + w, 0);
  for (const [code, w] of DEMO_FIELDS) if ((x -= w) < 0) return code;
  return DEMO_FIELDS[0]![0];
}

export const DEMO_BROKERS = ['王建国', '李红梅', '张立新', '刘洋', '陈静', '杨帆', '赵磊', '黄晓燕', '周杰', '吴倩', '徐明', '孙悦'];

/** Dates of a planned contract: certified at 10:00 Beijing on its day; submitted 3–14 days and signed 7–60 days before. */
export function datesOf(c: PlannedContract, draw: number) {
  const certifiedAt = new Date(Date.UTC(c.year, c.month - 1, c.day, 2, Math.floor(draw * 360)));
  const submittedAt = new Date(certifiedAt.getTime() - (3 + Math.floor(draw * 11)) * 86400_000);
  const signedOn = new Date(certifiedAt.getTime() - (7 + Math.floor(draw * 53)) * 86400_000).toISOString().slice(0, 10);
  return { certifiedAt, submittedAt, signedOn };
}
