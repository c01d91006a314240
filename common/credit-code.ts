/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), organisation category (1), GB/T 2260 division (6),
 * organisation code (9), check character (1).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one of them is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character of a 9-character organisation code (GB 11714-1997): characters 9–17 of the
 * credit code are one, its last character checking the eight before it (digits 0–9, letters 10–35).
 */
export function organizationCodeCheckChar(first8: string): string | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const value = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (value < 0) return null;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 11 ? '0' : check === 10 ? 'X' : String(check);
}

export type CreditCodeProblem = 'length' | 'character' | 'organization_code' | 'check_character';

/** Why a code is not valid, or null when it is. Lower case letters are accepted and normalised by the caller. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.toUpperCase();
  if (c.length !== 18) return 'length';
  for (const ch of c) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'character';
  if (organizationCodeCheckChar(c.slice(8, 16)) !== c[16]) return 'organization_code';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'check_character';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/**
 * A valid code for demo data numbered by a serial at the end of its body (`91120116MA0000107`):
 * the organisation code is the body's characters 10–17 (its 9th, a fixed letter, dropped) plus its
 * GB 11714 check character, so bodies that differ only in their last character stay distinct.
 */
export function creditCodeFromSerialBody(body17: string): string {
  return completeCreditCode(body17.slice(0, 8) + body17.slice(9, 17) + '0');
}

/**
 * Builds a valid code from a 17-character body (used by demo data and test factories): its 17th
 * character becomes the organisation code's check character, then the code's own is appended.
 */
export function completeCreditCode(first17: string): string {
  const body = first17.toUpperCase();
  const orgCheck = organizationCodeCheckChar(body.slice(8, 16));
  if (!orgCheck || body.length !== 17 || ![...body].every((ch) => CREDIT_CODE_ALPHABET.includes(ch)))
    throw new Error(`not a credit-code body: ${first17}`);
  const fixed = body.slice(0, 16) + orgCheck;
  const check = creditCodeCheckChar(fixed);
  if (!check) throw new Error(`not a credit-code body: ${first17}`);
  return fixed + check;
}

/**
 * Does the code's registration area (characters 3–8, a GB/T 2260 division code) disagree with the
 * organisation's region? The area may name the district itself or a level above it (a city- or
 * province-level registration authority: 120100, 120000), so it agrees when the region's district
 * code starts with the area code less its trailing "00" pairs. A park (8 digits) is read as its district.
 * Disagreement is a warning, not an error: an organisation that moved keeps its code, and codes issued
 * before a redistricting (e.g. 塘沽区 120107, now 滨海新区 120116) carry the old area.
 */
export function creditCodeAreaMismatch(code: string, regionCode: string): string | null {
  if (code.length !== 18) return null;
  const area = code.slice(2, 8).toUpperCase();
  if (!/^\d{6}$/.test(area)) return area;
  const prefix = area.replace(/(00)+$/, '');
  if (prefix.length < 2) return area;
  return regionCode.slice(0, 6).startsWith(prefix) ? null : area;
}
