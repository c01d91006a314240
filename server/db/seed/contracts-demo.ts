import { eq, inArray, sql } from 'drizzle-orm';
import { CONTRACT_SUBTYPE_LABELS, CONTRACT_TYPE_LABELS, type ContractSubtype } from '../../../common/contracts.js';
import type { Tx } from '../client.js';
import { organizations, regions, technicalFields, users } from '../schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { createRandom } from '../../lib/random.js';
import { reserveRegistrationNumber } from '../../modules/contracts/registration-number.js';
import { rebuildRollups } from '../../modules/statistics/rollup.js';
import { planCity, DEMO_ASSUMPTIONS, type PlannedContract } from '../../modules/statistics/synthetic.js';
import {
  counterpartOf,
  datesOf,
  DEMO_BROKERS,
  fieldOf,
  skewedIndex,
  syntheticOrganization,
  type SyntheticParty,
} from '../../modules/statistics/synthetic-parties.js';
import { readYearbook } from '../../modules/statistics/yearbook.js';
import { PLATFORM_CITY } from './regions.js';

/**
 * Demo technology contracts (demo mode only): every year of the yearbook series for Tianjin
 * (2000, 2005, 2010, 2012–2023), both sides, at 1/DEMO_CONTRACT_SCALE of the official counts and
 * amounts, exactly (server/modules/statistics/synthetic.ts says what comes from the file and what
 * is assumed). They are real rows — certified contracts with registration numbers at the demo
 * registration point, their two parties, and the statistics facts and rollups — written with bulk
 * INSERTs (one audit entry for the batch) so a fresh `npm start` stays quick.
 */
export const DEMO_CONTRACT_SCALE = 10;
const SEED = 20_231_231;
const BATCH = 4000;

export interface DemoContractOrg {
  id: string;
  name: string;
  type: string;
  regionCode: string;
}

interface Party extends SyntheticParty {
  organizationId: string | null;
}

/** Generated organisations of the city, about 360, spread over the districts by the demo weights. */
function cityOrganizations(): Array<SyntheticParty & { id: string }> {
  const out: Array<SyntheticParty & { id: string }> = [];
  let i = 0;
  for (const [district, w] of Object.entries(DEMO_ASSUMPTIONS.districts)) {
    for (let k = 0; k < Math.max(4, Math.round(360 * w)); k++)
      out.push({ ...syntheticOrganization('天津', district, i++, 'MD'), id: newId() });
  }
  return out;
}

async function insertJson(tx: Tx, table: string, columns: Array<[string, string]>, rows: Array<Record<string, unknown>>) {
  const names = columns.map(([c]) => c).join(', ');
  const defs = columns.map(([c, t]) => `${c} ${t}`).join(', ');
  for (let at = 0; at < rows.length; at += BATCH) {
    const json = JSON.stringify(rows.slice(at, at + BATCH));
    await tx.execute(
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(defs)})`,
    );
  }
}

const CONTRACT_COLUMNS: Array<[string, string]> = [
  ['id', 'uuid'],
  ['organization_id', 'uuid'],
  ['status', 'varchar'],
  ['version', 'int'],
  ['source', 'varchar'],
  ['type', 'varchar'],
  ['subtype', 'varchar'],
  ['title', 'text'],
  ['subject', 'text'],
  ['field_code', 'varchar'],
  ['signed_on', 'date'],
  ['seller_organization_id', 'uuid'],
  ['seller_region_code', 'varchar'],
  ['seller_country', 'varchar'],
  ['buyer_organization_id', 'uuid'],
  ['buyer_region_code', 'varchar'],
  ['buyer_country', 'varchar'],
  ['broker_user_id', 'uuid'],
  ['broker_name', 'text'],
  ['registration_organization_id', 'uuid'],
  ['registration_region_code', 'varchar'],
  ['contract_amount_fen', 'bigint'],
  ['non_technical_costs_fen', 'bigint'],
  ['technology_transaction_amount_fen', 'bigint'],
  ['submitted_at', 'timestamptz'],
  ['review_working_days', 'int'],
  ['expert_review_required', 'boolean'],
  ['expert_review', 'jsonb'],
  ['reviewed_by', 'uuid'],
  ['reviewed_at', 'timestamptz'],
  ['registration_number', 'varchar'],
  ['certified_at', 'timestamptz'],
  ['certified_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const PARTY_COLUMNS: Array<[string, string]> = [
  ['contract_id', 'uuid'],
  ['role', 'varchar'],
  ['name', 'text'],
  ['credit_code', 'varchar'],
  ['organization_id', 'uuid'],
  ['organization_type', 'varchar'],
  ['region_code', 'varchar'],
  ['country', 'varchar'],
];
/**
 * The statistics facts of the demo contracts, in one INSERT … SELECT: the same row putContractFact
 * writes (statistics/facts.ts factRow: the party's region path, `/abroad/XX/` abroad; the Beijing-time
 * certification year and month) — the demo-data test checks that they agree.
 */
async function insertDemoFacts(tx: Tx, recordedAt: Date) {
  const side = (p: 's' | 'b') =>
    `${p}.organization_id, ${p}.name, ${p}.organization_type, ${p}.region_code, ${p}.country, coalesce(r${p}.path, CASE WHEN ${p}.country <> 'CN' THEN '/abroad/' || ${p}.country || '/' ELSE '/unknown/' END)`;
  const beijing = `(c.certified_at AT TIME ZONE 'UTC' + interval '8 hours')`;
  await tx.execute(sql`INSERT INTO contract_facts (contract_id, registration_number, type, subtype, field_code, certified_at, year, month, signed_on, contract_amount_fen, technology_transaction_amount_fen,
      seller_organization_id, seller_name, seller_organization_type, seller_region_code, seller_country, seller_region_path,
      buyer_organization_id, buyer_name, buyer_organization_type, buyer_region_code, buyer_country, buyer_region_path,
      registration_organization_id, broker_user_id, broker_name, deal_id, recorded_at)
    SELECT c.id, c.registration_number, c.type, c.subtype, c.field_code, c.certified_at, extract(year FROM ${sql.raw(beijing)}), extract(month FROM ${sql.raw(beijing)}), c.signed_on,
      c.contract_amount_fen, c.technology_transaction_amount_fen, ${sql.raw(side('s'))}, ${sql.raw(side('b'))}, c.registration_organization_id, c.broker_user_id, c.broker_name, c.deal_id, ${recordedAt}
    FROM contracts c
    JOIN contract_parties s ON s.contract_id = c.id AND s.role = 'seller' LEFT JOIN regions rs ON rs.code = s.region_code
    JOIN contract_parties b ON b.contract_id = c.id AND b.role = 'buyer' LEFT JOIN regions rb ON rb.code = b.region_code
    WHERE c.source = 'demo' AND c.status = 'certified'`);
}
const kindLabel = (c: PlannedContract) =>
  c.subtype
    ? (CONTRACT_SUBTYPE_LABELS[c.subtype as ContractSubtype]?.zh ?? CONTRACT_TYPE_LABELS[c.type].zh).replace(/^一般/, '')
    : CONTRACT_TYPE_LABELS[c.type].zh;
const snake = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/** Seeds the demo contracts; returns how many. `organizations` are the demo organisations of the city (they get contracts too). */
export async function seedContractsDemo(
  tx: Tx,
  actor: Actor,
  opts: { organizations: DemoContractOrg[]; registrationPointId: string },
): Promise<number> {
  const rnd = createRandom(SEED);
  const plan = planCity({ rows: readYearbook(), city: PLATFORM_CITY.code, factor: DEMO_CONTRACT_SCALE, rnd });
  const [point] = await tx.select().from(organizations).where(eq(organizations.id, opts.registrationPointId));
  const pointRegion = point!.regionCode.slice(0, 6);
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, ['registrar@jinqiao.demo', 'broker@jinqiao.demo']));
  const registrar = people.find((u) => u.email.startsWith('registrar'))?.id ?? null;
  const brokerUser = people.find((u) => u.email.startsWith('broker'));
  const fieldNames = new Map(
    (await tx.select({ code: technicalFields.code, name: technicalFields.nameZh }).from(technicalFields)).map((f) => [f.code, f.name]),
  );
  const provinceNames = new Map(
    (await tx.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 'province'))).map((r) => [
      r.code,
      r.name,
    ]),
  );

  // Organisations of the city: the demo ones first (so they rank high), then generated ones.
  const generated = cityOrganizations();
  await tx.insert(organizations).values(
    generated.map((o) => ({
      id: o.id,
      type: o.organizationType,
      name: o.name,
      creditCode: o.creditCode!,
      regionCode: o.regionCode!,
      status: 'active',
    })),
  );
  const demoCodes = await tx
    .select({ id: organizations.id, creditCode: organizations.creditCode })
    .from(organizations)
    .where(
      inArray(
        organizations.id,
        opts.organizations.map((o) => o.id),
      ),
    );
  const pool: Party[] = [
    ...opts.organizations.map((o) => ({
      name: o.name,
      organizationType: o.type,
      creditCode: demoCodes.find((d) => d.id === o.id)?.creditCode ?? null,
      regionCode: o.regionCode,
      country: 'CN',
      organizationId: o.id,
    })),
    ...generated.map((o) => ({ ...o, organizationId: o.id })),
  ];
  const byDistrict = new Map<string, Party[]>();
  for (const d of Object.keys(DEMO_ASSUMPTIONS.districts))
    byDistrict.set(
      d,
      pool.filter((o) => o.regionCode!.startsWith(d)),
    );
  const partyOf = (p: PlannedContract['seller'], draw: number): Party =>
    p.where === 'city'
      ? byDistrict.get(p.code)![skewedIndex(draw, byDistrict.get(p.code)!.length)]!
      : { ...counterpartOf(p, draw, (c) => provinceNames.get(c) ?? c), organizationId: null };

  const sequence = new Map<number, number>();
  const contracts: Array<Record<string, unknown>> = [];
  const parties: Array<Record<string, unknown>> = [];
  const planned = [...plan].sort((a, b) => a.year - b.year || a.month - b.month || a.day - b.day);
  for (const c of planned) {
    const id = newId();
    const seller = partyOf(c.seller, c.draws[0]);
    const buyer = partyOf(c.buyer, c.draws[1]);
    const applicant = seller.organizationId ?? buyer.organizationId!;
    const fieldCode = fieldOf(c.draws[1]);
    const { certifiedAt, submittedAt, signedOn } = datesOf(c, c.draws[2]);
    const seq = (sequence.get(c.year) ?? 0) + 1;
    sequence.set(c.year, seq);
    const registrationNumber = `${c.year}${pointRegion}${String(seq).padStart(6, '0')}`;
    const broker =
      c.draws[2] < 0.02 && brokerUser
        ? { id: brokerUser.id, name: brokerUser.name }
        : c.draws[2] < 0.12
          ? { id: null, name: DEMO_BROKERS[Math.floor(c.draws[2] * 100) % DEMO_BROKERS.length]! }
          : null;
    const expert = c.technologyTransactionAmountFen >= 500_000_000;
    const field = fieldNames.get(fieldCode) ?? '';
    contracts.push(
      snake({
        id,
        organizationId: applicant,
        status: 'certified',
        version: 1,
        source: 'demo',
        type: c.type,
        subtype: c.subtype,
        title: `${field.replace(/产业$/, '')}领域${kindLabel(c)}合同`,
        subject: `${seller.name}向${buyer.name}提供${field}领域的技术成果与服务（演示数据）。`,
        fieldCode,
        signedOn,
        sellerOrganizationId: seller.organizationId,
        sellerRegionCode: seller.regionCode,
        sellerCountry: seller.country,
        buyerOrganizationId: buyer.organizationId,
        buyerRegionCode: buyer.regionCode,
        buyerCountry: buyer.country,
        brokerUserId: broker?.id ?? null,
        brokerName: broker?.name ?? null,
        registrationOrganizationId: opts.registrationPointId,
        registrationRegionCode: pointRegion,
        contractAmountFen: c.amountFen,
        nonTechnicalCostsFen: c.amountFen - c.technologyTransactionAmountFen,
        technologyTransactionAmountFen: c.technologyTransactionAmountFen,
        submittedAt,
        reviewWorkingDays: expert ? 30 : 15,
        expertReviewRequired: expert,
        expertReview: expert
          ? {
              experts: [{ name: '技术合同认定专家组' }],
              opinion: '经评审，属于技术合同，技术交易额核定无误。（演示数据）',
              conclusion: 'supports',
              recordedAt: certifiedAt.toISOString(),
              recordedBy: null,
            }
          : null,
        reviewedBy: registrar,
        reviewedAt: certifiedAt,
        registrationNumber,
        certifiedAt,
        certifiedBy: registrar,
        createdAt: submittedAt,
        updatedAt: certifiedAt,
      }),
    );
    for (const [role, p] of [
      ['seller', seller],
      ['buyer', buyer],
    ] as const) {
      parties.push(
        snake({
          contractId: id,
          role,
          name: p.name,
          creditCode: p.creditCode,
          organizationId: p.organizationId,
          organizationType: p.organizationType,
          regionCode: p.regionCode,
          country: p.country,
        }),
      );
    }
  }
  // The rows are consistent by construction (their references were read or written just above):
  // a superuser (the embedded database) skips the per-row foreign-key checks of this bulk load.
  await tx.execute(
    sql`SELECT set_config('session_replication_role', 'replica', true) WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)`,
  );
  await insertJson(tx, 'contracts', CONTRACT_COLUMNS, contracts);
  await insertJson(tx, 'contract_parties', PARTY_COLUMNS, parties);
  await tx.execute(
    sql`SELECT set_config('session_replication_role', 'origin', true) WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)`,
  );
  await insertDemoFacts(tx, clock.now());
  await rebuildRollups(tx);
  for (const [year, last] of sequence) await reserveRegistrationNumber(tx, year, pointRegion, last);
  await writeAudit(tx, actor, {
    action: 'contract.demo_seed',
    entity: 'contract',
    entityId: opts.registrationPointId,
    organizationId: opts.registrationPointId,
    after: {
      contracts: contracts.length,
      organizations: generated.length,
      scale: `1/${DEMO_CONTRACT_SCALE}`,
      source: 'tech-market-by-province.csv',
    },
  });
  return contracts.length;
}
