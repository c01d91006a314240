import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  completeCreditCode,
  creditCodeAreaMismatch,
  creditCodeCheckChar,
  creditCodeProblem,
  creditCodeFromSerialBody,
  isValidCreditCode,
  organizationCodeCheckChar,
} from './credit-code.js';

// Codes as published by large companies on their business licences: real input, not our own arithmetic.
const PUBLISHED = ['914403001922038216', '9144030071526726XG', '91330100716105852F', '91110108551385082Q', '12100000400000624D'];

describe('credit code check character (GB 32100-2015)', () => {
  it('matches a hand-computed example', () => {
    // Body 9 1 1 2 0 1 1 6 0…0 with weights 1 3 9 27 19 26 16 17 …:
    // 9·1 + 1·3 + 1·9 + 2·27 + 0·19 + 1·26 + 1·16 + 6·17 = 219; 219 mod 31 = 2; 31 − 2 = 29 → 'X'.
    expect(creditCodeCheckChar('91120116000000000')).toBe('X');
    expect(isValidCreditCode('91120116000000000X')).toBe(true);
  });

  it('maps a sum divisible by 31 to check character 0, not 31', () => {
    // All zeros: sum 0 → (31 − 0) mod 31 = 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['91120116MA05KQ0T9', '91120116MA05KQ0T9'],
    ['91120116ma05kq0t9', '91120116MA05KQ0T9'],
    // The organisation code's check digit is filled in when the body's is wrong.
    ['91120116MA05KQ0T3', '91120116MA05KQ0T9'],
  ])('completeCreditCode(%s) builds a valid, upper-case code', (body, upper) => {
    const code = completeCreditCode(body);
    expect(code.slice(0, 17)).toBe(upper);
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('completeCreditCode refuses a body that is not 17 alphabet characters', () => {
    expect(() => completeCreditCode('9112011600000000')).toThrow(/not a credit-code body/);
    expect(() => completeCreditCode('9112011600000000I')).toThrow(/not a credit-code body/);
  });
});

describe('organisation code check (GB 11714-1997), characters 9–17', () => {
  it('matches a hand-computed example and the published codes', () => {
    // 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1.
    expect(organizationCodeCheckChar('19220382')).toBe('1');
    for (const code of PUBLISHED) expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });
  it('maps 10 to X and 11 to 0', () => {
    expect(organizationCodeCheckChar('00000000')).toBe('0');
    expect(organizationCodeCheckChar('71526726')).toBe('X');
  });
});

describe('creditCodeProblem names what is wrong', () => {
  const valid = '91330100716105852F';
  it.each([
    ['too short (17)', valid.slice(0, 17), 'length'],
    ['too long (19)', valid + '0', 'length'],
    ['empty', '', 'length'],
    ['a space inside', '91330100 16105852F', 'character'],
    ['a hyphen', '9133-100716105852F', 'character'],
    ['a Chinese character', '9133010071610585中F', 'character'],
    ['wrong check character', '91330100716105852G', 'check_character'],
    ['two digits of the organisation code swapped', '91330100761105852F', 'organization_code'],
    ['its check digit changed', '91330100716105853F', 'organization_code'],
    // A forged code whose final check character was recomputed still fails the GB 11714 check inside it.
    [
      'organisation code wrong, final check recomputed',
      '91330100716105850' + creditCodeCheckChar('91330100716105850'),
      'organization_code',
    ],
  ])('%s → %s', (_label, code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('the letter %s is never used, anywhere in the code', (letter) => {
    expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
    // In the body…
    expect(creditCodeProblem(`9133010071610${letter}852F`)).toBe('character');
    // …and as the check character.
    expect(creditCodeProblem(`91330100716105852${letter}`)).toBe('character');
    expect(creditCodeCheckChar(`9133010071610${letter}852`)).toBeNull();
  });

  it('accepts lower case (callers normalise to upper case)', () => {
    expect(creditCodeProblem('9144030071526726xg')).toBeNull();
    expect(isValidCreditCode('9144030071526726xg')).toBe(true);
  });

  it('every wrong check character for a body is refused, and exactly one is accepted', () => {
    const body = '91120116MA05KQ0T9';
    const accepted = [...CREDIT_CODE_ALPHABET].filter((c) => isValidCreditCode(body + c));
    expect(accepted).toEqual([creditCodeCheckChar(body)]);
  });
});

describe('creditCodeFromSerialBody (demo data)', () => {
  it('keeps bodies that differ only in their last character distinct, and valid', () => {
    const codes = ['91120116MA0000107', '91120116MA0000108', '91120116MB0000107', '12120116MB0000107'].map(creditCodeFromSerialBody);
    expect(new Set(codes).size).toBe(4);
    for (const c of codes) expect(creditCodeProblem(c)).toBeNull();
  });
});

describe('creditCodeAreaMismatch: characters 3–8 against the organisation region (a warning)', () => {
  const code = (area: string) => completeCreditCode(`91${area}MA05K8XA0`);
  it.each([
    ['120116', '120116', null], // the district itself
    ['120116', '12011601', null], // a park is read as its district
    ['120100', '120116', null], // a city-level authority
    ['120000', '120104', null], // a province-level authority
    ['120104', '120116', '120104'], // another district of the city
    ['120107', '120116', '120107'], // a pre-2009 code (塘沽区) against 滨海新区: worth a look, not an error
    ['110108', '120116', '110108'], // another province
    ['130100', '120116', '130100'], // another province's city-level authority
    ['000000', '120116', '000000'], // no area at all
  ])('area %s, region %s → %s', (area, region, expected) => {
    expect(creditCodeAreaMismatch(code(area), region)).toBe(expected);
  });
  it('says nothing for a code of the wrong length (the validator reports that)', () => {
    expect(creditCodeAreaMismatch('91120116', '120104')).toBeNull();
  });
});
