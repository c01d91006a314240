/**
 * Chinese patent application numbers (专利申请号). Since 1 Oct 2003: 12 digits `YYYY T NNNNNNN`
 * (year, type 1 invention / 2 utility model / 3 design / 8 PCT invention / 9 PCT utility model,
 * serial); before: 8 digits `YY T NNNNN`. Then `.` and a check character: Σ digitᵢ × weightᵢ mod 11
 * with weights 2…9 repeating from the first digit; 10 is written X. Publications prefix CN or ZL.
 */
export type PatentNumberProblem = 'format' | 'type' | 'check_character';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9];

export function patentCheckChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * WEIGHTS[i % 8]!;
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export interface ParsedPatentNumber {
  normalised: string; // 200310102344.5
  year: number;
  type: 'invention' | 'utility_model' | 'design' | 'pct_invention' | 'pct_utility_model';
}

const TYPES: Record<string, ParsedPatentNumber['type']> = {
  '1': 'invention',
  '2': 'utility_model',
  '3': 'design',
  '8': 'pct_invention',
  '9': 'pct_utility_model',
};

export function parsePatentNumber(input: string): ParsedPatentNumber | PatentNumberProblem {
  const s = input
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(CN|ZL)/, '');
  const m = /^(\d{12}|\d{8})\.?([0-9X])$/.exec(s);
  if (!m) return 'format';
  const digits = m[1]!;
  const long = digits.length === 12;
  const year = long ? Number(digits.slice(0, 4)) : 1900 + Number(digits.slice(0, 2)) + (Number(digits.slice(0, 2)) < 85 ? 100 : 0);
  const type = TYPES[digits[long ? 4 : 2]!];
  if (!type || (long && year < 2003) || (!long && year > 2004)) return 'type';
  if (patentCheckChar(digits) !== m[2]) return 'check_character';
  return { normalised: `${digits}.${m[2]}`, year, type };
}

/**
 * The number types an IP asset's kind admits: an invention patent is type 1 (or 8, a PCT
 * application entering China), a utility model 2 (or 9), a design 3; a PCT asset 8 or 9.
 */
const KIND_TYPES: Record<string, readonly ParsedPatentNumber['type'][]> = {
  invention_patent: ['invention', 'pct_invention'],
  utility_model: ['utility_model', 'pct_utility_model'],
  design_patent: ['design'],
  pct: ['pct_invention', 'pct_utility_model'],
};

/** Does the number's type digit fit the asset's kind? Kinds without patent numbers always fit. */
export function patentTypeFitsKind(kind: string, type: ParsedPatentNumber['type']): boolean {
  const allowed = KIND_TYPES[kind];
  return !allowed || allowed.includes(type);
}
