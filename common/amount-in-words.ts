/**
 * An amount of money in Chinese capitals (人民币大写), as cheques, receipts and certificates write it,
 * following the writing rules of 《支付结算办法》 (银发〔1997〕393号) 附件《正确填写票据和结算凭证的基本规定》:
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分; 10 is 壹拾, not 拾;
 * - an amount ending at 元 or 角 ends with 整; one ending at 分 does not;
 * - zeros between digits (one or several, also across 万 and 亿) are written as one 零;
 * - when the 元 digit is 0 and 角 is not, one 零 stands after 元 (壹仟陆佰捌拾元零叁角贰分); a zero 角
 *   before a non-zero 分 is written 零 (壹元零伍分);
 * - below one yuan no 零元 is written (伍角整, 伍分).
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
/** Groups of four digits: units, 万, 亿, 万亿. */
const GROUPS = ['', '万', '亿', '万亿'];

/** 0 < n < 10000 in words, inner zeros as one 零, trailing zeros left out. */
function groupInWords(n: number): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const place = PLACES[3 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    out += DIGITS[d]! + place;
    zero = false;
  });
  return out;
}

function integerInWords(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (out && (pendingZero || g < 1000)) out += '零';
    out += groupInWords(g) + GROUPS[i]!;
    pendingZero = false;
  }
  return out;
}

/** `fen` (an integer number of 分) in capitals: 123456 → 壹仟贰佰叁拾肆元伍角陆分. */
export function amountInChineseCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount must be a whole number of fen');
  if (fen < 0) return `负${amountInChineseCapitals(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  if (yuan >= 10_000 ** GROUPS.length) throw new RangeError('amount too large');
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let out = yuan > 0 ? `${integerInWords(yuan)}元` : '';
  if (jiao === 0 && cent === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${DIGITS[jiao]}角`;
  } else if (yuan > 0) out += '零';
  return cent > 0 ? `${out}${DIGITS[cent]}分` : `${out}整`;
}
