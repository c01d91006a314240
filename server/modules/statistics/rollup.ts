import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { contractFacts } from './schema.js';

/**
 * The rollups and how one fact contributes to them. A fact adds one unit to a row of each table on
 * each side; an amendment applies (new − old), a cancellation (− old). `rebuildRollups` computes the
 * same tables from the facts in bulk (seed, benchmark, repair) — the two must agree, and the
 * statistics tests check that they do.
 */
export type FactRow = typeof contractFacts.$inferSelect;

export interface Measures {
  contracts: number;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
}

interface Table {
  name: string;
  keys: string[];
  /** Columns set on conflict besides the measures (the latest name of a party). */
  refresh?: string[];
}

export const ROLLUP_TABLES = {
  yearly: { name: 'stats_yearly', keys: ['side', 'year', 'region_path'] },
  monthly: { name: 'stats_monthly', keys: ['side', 'year', 'month', 'region_path', 'type', 'subtype'] },
  dimensions: { name: 'stats_dimensions', keys: ['side', 'year', 'dimension', 'region_path', 'key'] },
  flows: { name: 'stats_flows', keys: ['year', 'seller_path', 'buyer_path'] },
  parties: { name: 'stats_parties', keys: ['kind', 'side', 'year', 'party_key'], refresh: ['region_path', 'name', 'organization_type'] },
} satisfies Record<string, Table>;
export type RollupName = keyof typeof ROLLUP_TABLES;
const ORDER: RollupName[] = ['yearly', 'monthly', 'dimensions', 'flows', 'parties'];

export interface Delta extends Measures {
  table: RollupName;
  /** Key column values in ROLLUP_TABLES[table].keys order, then the refresh columns. */
  values: Array<string | number | null>;
}

export const partyKey = (id: string | null, name: string) => id ?? `name:${name}`;

/** The rollup rows one fact adds to (sign +1) or removes from (sign −1). */
export function contributions(f: FactRow, sign: 1 | -1): Delta[] {
  const m = {
    contracts: sign,
    contractAmountFen: sign * f.contractAmountFen,
    technologyTransactionAmountFen: sign * f.technologyTransactionAmountFen,
  };
  const out: Delta[] = [];
  const add = (table: RollupName, values: Delta['values']) => out.push({ table, values, ...m });
  const sides = [
    {
      side: 'output',
      path: f.sellerRegionPath,
      orgType: f.sellerOrganizationType,
      party: partyKey(f.sellerOrganizationId, f.sellerName),
      name: f.sellerName,
    },
    {
      side: 'absorption',
      path: f.buyerRegionPath,
      orgType: f.buyerOrganizationType,
      party: partyKey(f.buyerOrganizationId, f.buyerName),
      name: f.buyerName,
    },
  ];
  const broker = f.brokerUserId || f.brokerName ? { key: f.brokerUserId ?? `name:${f.brokerName}`, name: f.brokerName ?? '' } : null;
  for (const s of sides) {
    add('yearly', [s.side, f.year, s.path]);
    add('monthly', [s.side, f.year, f.month, s.path, f.type, f.subtype ?? '']);
    add('dimensions', [s.side, f.year, 'field', s.path, f.fieldCode ?? '']);
    add('dimensions', [s.side, f.year, 'organization_type', s.path, s.orgType]);
    add('parties', ['organization', s.side, f.year, s.party, s.path, s.name, s.orgType]);
    if (broker) add('parties', ['broker', s.side, f.year, `${broker.key}@${s.path}`, s.path, broker.name, null]);
  }
  add('flows', [f.year, f.sellerRegionPath, f.buyerRegionPath]);
  return out;
}

/** Sums deltas with the same key; drops those that cancel out; sorts by table and key (a fixed lock order). */
export function mergeDeltas(deltas: Delta[]): Delta[] {
  const byKey = new Map<string, Delta>();
  for (const d of deltas) {
    const n = ROLLUP_TABLES[d.table].keys.length;
    const key = JSON.stringify([d.table, ...d.values.slice(0, n)]);
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...d });
    else {
      prev.contracts += d.contracts;
      prev.contractAmountFen += d.contractAmountFen;
      prev.technologyTransactionAmountFen += d.technologyTransactionAmountFen;
      // An added contribution carries the latest party name.
      if (d.contracts > 0) prev.values = d.values;
    }
  }
  const keyOf = (d: Delta) => JSON.stringify(d.values.slice(0, ROLLUP_TABLES[d.table].keys.length));
  return [...byKey.values()]
    .filter((d) => d.contracts !== 0 || d.contractAmountFen !== 0 || d.technologyTransactionAmountFen !== 0)
    .sort((a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table) || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

const ident = (s: string) => sql.raw(`"${s}"`);
const MEASURE_COLUMNS = ['contracts', 'contract_amount_fen', 'technology_transaction_amount_fen'];

/** Applies merged deltas in one statement (one upsert per table), then removes rows that fell to zero. */
export async function applyDeltas(tx: DbOrTx, deltas: Delta[]): Promise<void> {
  if (deltas.length === 0) return;
  const parts: SQL[] = [];
  const removals: SQL[] = [];
  for (const name of ORDER) {
    const rows = deltas.filter((d) => d.table === name);
    if (rows.length === 0) continue;
    const t: Table = ROLLUP_TABLES[name];
    const columns = [...t.keys, ...(t.refresh ?? []), ...MEASURE_COLUMNS];
    const values = sql.join(
      rows.map(
        (d) =>
          sql`(${sql.join(
            [...d.values, d.contracts, d.contractAmountFen, d.technologyTransactionAmountFen].map((v) => sql`${v}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    const set = [
      ...MEASURE_COLUMNS.map((c) => sql`${ident(c)} = ${ident(t.name)}.${ident(c)} + excluded.${ident(c)}`),
      // A party's region, name and type: those of its latest added contract.
      ...(t.refresh ?? []).map(
        (c) => sql`${ident(c)} = CASE WHEN excluded.contracts > 0 THEN excluded.${ident(c)} ELSE ${ident(t.name)}.${ident(c)} END`,
      ),
    ];
    parts.push(sql`${ident(`u_${name}`)} AS (
      INSERT INTO ${ident(t.name)} (${sql.join(columns.map(ident), sql`, `)})
      SELECT ${sql.join(
        columns.map((c, i) => castColumn(c, i)),
        sql`, `,
      )} FROM (VALUES ${values}) AS v(${sql.join(
        columns.map((_, i) => sql.raw(`c${i}`)),
        sql`, `,
      )})
      ON CONFLICT (${sql.join(t.keys.map(ident), sql`, `)}) DO UPDATE SET ${sql.join(set, sql`, `)})`);
    const shrinking = rows.filter((d) => d.contracts < 0);
    if (shrinking.length) {
      const tuples = sql.join(
        shrinking.map(
          (d) =>
            sql`(${sql.join(
              d.values.slice(0, t.keys.length).map((v, i) => castValue(t.keys[i]!, v)),
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      removals.push(sql`DELETE FROM ${ident(t.name)} WHERE contracts = 0 AND (${sql.join(t.keys.map(ident), sql`, `)}) IN (${tuples})`);
    }
  }
  await tx.execute(sql`WITH ${sql.join(parts, sql`, `)} SELECT 1`);
  for (const r of removals) await tx.execute(r);
}

const INTEGER_COLUMNS = new Set(['year', 'month', 'contracts', 'contract_amount_fen', 'technology_transaction_amount_fen']);
/** VALUES lists are untyped: cast each column to its table type. */
function castColumn(column: string, i: number): SQL {
  const c = sql.raw(`v.c${i}`);
  if (column === 'year' || column === 'month') return sql`${c}::smallint`;
  if (INTEGER_COLUMNS.has(column)) return sql`${c}::bigint`;
  return sql`${c}::text`;
}
function castValue(column: string, v: string | number | null): SQL {
  if (column === 'year' || column === 'month') return sql`${v}::smallint`;
  return sql`${v}::text`;
}

/** Recomputes every rollup from the facts (inside the caller's transaction when given one). */
export async function rebuildRollups(db: DbOrTx): Promise<void> {
  const SUM = 'count(*), sum(contract_amount_fen), sum(technology_transaction_amount_fen)';
  const sides = (select: (side: 'output' | 'absorption', p: 'seller' | 'buyer') => string) =>
    sql.raw(`${select('output', 'seller')} UNION ALL ${select('absorption', 'buyer')}`);
  await db.execute(sql`TRUNCATE stats_yearly, stats_monthly, stats_dimensions, stats_flows, stats_parties`);
  await db.execute(sql`INSERT INTO stats_yearly (side, year, region_path, contracts, contract_amount_fen, technology_transaction_amount_fen)
    ${sides((s, p) => `SELECT '${s}', year, ${p}_region_path, ${SUM} FROM contract_facts GROUP BY year, ${p}_region_path`)}`);
  await db.execute(sql`INSERT INTO stats_monthly (side, year, month, region_path, type, subtype, contracts, contract_amount_fen, technology_transaction_amount_fen)
    ${sides((s, p) => `SELECT '${s}', year, month, ${p}_region_path, type, coalesce(subtype, ''), ${SUM} FROM contract_facts GROUP BY year, month, ${p}_region_path, type, coalesce(subtype, '')`)}`);
  await db.execute(sql`INSERT INTO stats_dimensions (side, year, dimension, region_path, key, contracts, contract_amount_fen, technology_transaction_amount_fen)
    ${sides(
      (
        s,
        p,
      ) => `SELECT '${s}', year, 'field', ${p}_region_path, coalesce(field_code, ''), ${SUM} FROM contract_facts GROUP BY year, ${p}_region_path, coalesce(field_code, '')
      UNION ALL SELECT '${s}', year, 'organization_type', ${p}_region_path, ${p}_organization_type, ${SUM} FROM contract_facts GROUP BY year, ${p}_region_path, ${p}_organization_type`,
    )}`);
  await db.execute(sql`INSERT INTO stats_flows (year, seller_path, buyer_path, contracts, contract_amount_fen, technology_transaction_amount_fen)
    SELECT year, seller_region_path, buyer_region_path, ${sql.raw(SUM)} FROM contract_facts GROUP BY year, seller_region_path, buyer_region_path`);
  await db.execute(sql.raw(PARTIES_REBUILD));
}

/**
 * stats_parties from the facts. Organisations: one row per party and year at its region (should a
 * party appear under two regions in a year, the greater path; the incremental path keeps the
 * latest). Brokers: one row per broker, region and year (key `<broker>@<path>`).
 */
export const PARTIES_REBUILD = (() => {
  const select = (kind: 'organization' | 'broker', s: string, p: string) => {
    const who =
      kind === 'organization'
        ? `coalesce(${p}_organization_id::text, 'name:' || ${p}_name)`
        : `coalesce(broker_user_id::text, 'name:' || broker_name)`;
    const key = kind === 'organization' ? who : `${who} || '@' || ${p}_region_path`;
    const name = kind === 'organization' ? `max(${p}_name)` : `max(coalesce(broker_name, ''))`;
    const type = kind === 'organization' ? `max(${p}_organization_type)` : 'NULL::varchar';
    const where = kind === 'broker' ? 'WHERE broker_user_id IS NOT NULL OR broker_name IS NOT NULL' : '';
    return `SELECT '${kind}', '${s}', year, ${key}, max(${p}_region_path), ${name}, ${type}, count(*), sum(contract_amount_fen), sum(technology_transaction_amount_fen)
      FROM contract_facts ${where} GROUP BY year, ${key}`;
  };
  return `INSERT INTO stats_parties (kind, side, year, party_key, region_path, name, organization_type, contracts, contract_amount_fen, technology_transaction_amount_fen)
    ${[select('organization', 'output', 'seller'), select('organization', 'absorption', 'buyer'), select('broker', 'output', 'seller'), select('broker', 'absorption', 'buyer')].join(' UNION ALL ')}`;
})();
