/**
 * Cell values and the readers that turn one cell into a value (or a message for the person who
 * filled it). Columns pick a reader; a module adds its own for cells only it has.
 */
export type Scalar = string | number | boolean | Date | null;
export type Read = { ok: true; value: unknown } | { ok: false; error: string };
export const ok = (value: unknown): Read => ({ ok: true, value });
export const bad = (error: string): Read => ({ ok: false, error });

export const text = (v: Scalar): string => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
/** For comparing what people type: no white space, lower case. */
export const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Separators of a list cell (关键词: 锂电池；正极材料) and of a cell of structured entries (a:b:c；d:e:f). */
export const LIST_SEPARATORS = /[；;，,、\n]+/;
export const ENTRY_SEPARATORS = /[；;\n]+/;
export const splitList = (v: Scalar, by: RegExp = LIST_SEPARATORS) =>
  text(v)
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);
/** The parts of one entry (类别:编号:名称). */
export const entryParts = (entry: string) => entry.split(/[:：]/).map((p) => p.trim());
export const joinList = (items: readonly string[]) => (items.length ? items.join('；') : null);
export const yesNo = (b: boolean) => (b ? '是' : '否');

export const readText = (v: Scalar): Read => ok(text(v) === '' ? undefined : text(v));

export function readBool(v: Scalar): Read {
  if (typeof v === 'boolean') return ok(v);
  const s = squash(text(v));
  if (s === '') return ok(undefined);
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(s)) return ok(true);
  if (['否', 'n', 'no', 'false', '0', '×'].includes(s)) return ok(false);
  return bad('use 是 or 否');
}

/** A date cell, a date typed into a General cell (its serial number: days since 1899-12-30), or 2026-12-31 / 2026年12月31日 → ISO date. */
export function readDate(v: Scalar, example = '2026-12-31'): Read {
  if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
  if (typeof v === 'number') return ok(new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10));
  const s = text(v);
  if (s === '') return ok(undefined);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? ok(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : bad(`must be a date like ${example}`);
}

/** A label (zh) or a code from a vocabulary. */
export function readLabel<K extends string>(labels: Record<K, { zh: string }>, what: string) {
  return (v: Scalar): Read => {
    const s = text(v);
    if (s === '') return ok(undefined);
    const key = (Object.keys(labels) as K[]).find((k) => squash(labels[k].zh) === squash(s) || k === s);
    return key ? ok(key) : bad(`「${s}」 is not a known ${what}`);
  };
}

/**
 * An amount unit: 元 (2 decimals) or 万元 (6 decimals), both exact to the 分. The cell's decimal
 * digits become integer fen without a float product (0.29 万元 is 290000 fen, not 290000.00000000006).
 */
export interface MoneyUnit {
  /** 元 or 万元: also accepted (and ignored) after the number. */
  name: string;
  /** Decimals of the unit that make one 分: 2 for 元, 6 for 万元. */
  decimals: number;
  example: string;
}
export const YUAN: MoneyUnit = { name: '元', decimals: 2, example: '1200000.00' };
export const WAN: MoneyUnit = { name: '万元', decimals: 6, example: '12.34' };

export function toFen(unit: MoneyUnit, input: string | number, alternative = ''): number | string {
  const suffix = new RegExp(`${unit.name === '万元' ? '万元?' : unit.name}$`);
  let s = typeof input === 'number' ? String(input) : input.trim().replace(/\s+/g, '').replace(suffix, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return `must be an amount in ${unit.name} such as ${unit.example}${alternative}`;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > unit.decimals) return `is finer than 1 分 (at most ${unit.decimals} decimals in ${unit.name})`;
  const fen = BigInt(m[1]!) * 10n ** BigInt(unit.decimals) + BigInt(frac.padEnd(unit.decimals, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return 'is implausibly large';
  return Number(fen);
}

/** Integer fen → the exact decimal in the unit (元: always two decimals; 万元: no trailing zeros). */
export function fromFen(unit: MoneyUnit, fen: number): string {
  const digits = String(Math.abs(fen)).padStart(unit.decimals + 1, '0');
  const int = `${fen < 0 ? '-' : ''}${digits.slice(0, -unit.decimals)}`;
  const frac = digits.slice(-unit.decimals);
  if (unit.decimals === 2) return `${int}.${frac}`;
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${int}.${trimmed}` : int;
}

/** A money reader in the unit; `negotiable` is the word that means 面议 (read as { negotiable: true }). */
export function readMoney(unit: MoneyUnit, negotiable?: string) {
  return (v: Scalar): Read => {
    const s = typeof v === 'number' ? v : text(v);
    if (s === '') return ok(undefined);
    if (negotiable && s === negotiable) return ok({ negotiable: true });
    const fen = toFen(unit, s, negotiable ? `, or ${negotiable}` : '');
    if (typeof fen === 'string') return bad(fen);
    return ok(negotiable ? { fen } : fen);
  };
}

/** Squashed name or code → code, for a column that takes either (技术领域: 材料科学与工程 or D15). */
export function codeLookup(items: ReadonlyArray<{ code: string; nameZh: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of items) {
    out.set(squash(f.code), f.code);
    out.set(squash(f.nameZh), f.code);
  }
  return out;
}
