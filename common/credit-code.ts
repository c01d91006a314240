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

export type CreditCodeProblem = 'length' | 'character' | 'check_character';

/** Why a code is not valid, or null when it is. Lower case letters are accepted and normalised by the caller. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.toUpperCase();
  if (c.length !== 18) return 'length';
  for (const ch of c) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'character';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'check_character';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Builds a valid code from a 17-character body (used by demo data and test factories). */
export function completeCreditCode(first17: string): string {
  const check = creditCodeCheckChar(first17.toUpperCase());
  if (!check) throw new Error(`not a credit-code body: ${first17}`);
  return first17.toUpperCase() + check;
}
