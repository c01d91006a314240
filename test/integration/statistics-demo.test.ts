import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractSummary } from '../../common/api/contracts.js';
import type { FlowsView, OverviewView, TopView } from '../../common/api/statistics.js';
import { queryRows } from '../../server/db/client.js';
import { DEMO_CONTRACT_SCALE } from '../../server/db/seed/contracts-demo.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { factRow, loadRegionPaths, type ContractFact } from '../../server/modules/statistics/facts.js';
import { counterpartWeights, readYearbook, yearbookFigure } from '../../server/modules/statistics/yearbook.js';
import { loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * The demo contracts as an officer meets them: every year of the yearbook series on the dashboard,
 * both sides, at 1/10 of the official count and amount exactly; real certified contracts with
 * registration numbers and parties; facts that are what certification would have written.
 */
const t = useTestApp();
const yearbook = readYearbook();
let officer: LoggedIn;
let binhai: LoggedIn;

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
  officer = await loginAs(t.app, { email: 'officer@jinqiao.demo', password: DEMO_PASSWORD });
  binhai = await loginAs(t.app, { email: 'officer.binhai@jinqiao.demo', password: DEMO_PASSWORD });
}, 120_000);

const scaled = (n: number) => Math.round(n / DEMO_CONTRACT_SCALE);

describe('demo contracts', () => {
  it("follow Tianjin's yearbook series on both sides, scaled down by the stated factor, to the fen", async () => {
    const years = [...new Set(yearbook.filter((r) => r.code === '120000').map((r) => r.year))];
    expect(years.length).toBe(15);
    for (const year of years) {
      const o = (await officer.inject({ method: 'GET', url: `/api/statistics/overview?year=${year}` })).json() as OverviewView;
      for (const side of ['output', 'absorption'] as const) {
        const f = yearbookFigure(yearbook, '120000', year, side)!;
        expect(o[side], `${year} ${side}`).toMatchObject({ contracts: scaled(f.contracts!), contractAmountFen: scaled(f.amountFen!) });
      }
    }
  });

  it('are certified contracts with unique registration numbers, two parties each, and no dangling reference', async () => {
    const [c] = await queryRows<{ n: number; numbers: number; bad: number }>(
      t.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT registration_number)::int AS numbers,
            count(*) FILTER (WHERE status <> 'certified' OR certified_at IS NULL OR technology_transaction_amount_fen > contract_amount_fen
              OR contract_amount_fen - non_technical_costs_fen + adjustment_fen <> technology_transaction_amount_fen)::int AS bad
          FROM contracts WHERE source = 'demo'`,
    );
    expect(c!.n).toBeGreaterThan(20_000);
    expect(c!.numbers).toBe(c!.n);
    expect(c!.bad).toBe(0);
    const [orphans] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT (SELECT count(*) FROM contracts c WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = c.organization_id))
          + (SELECT count(*) FROM contract_parties p WHERE p.region_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = p.region_code))
          + (SELECT count(*) FROM contract_parties p WHERE p.organization_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = p.organization_id))
          + (SELECT count(*) FROM contracts c WHERE (SELECT count(*) FROM contract_parties p WHERE p.contract_id = c.id) <> 2)
          + (SELECT count(*) FROM contracts c WHERE c.field_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM technical_fields f WHERE f.code = c.field_code)) AS n`,
    );
    expect(Number(orphans!.n)).toBe(0);
    // The registration counter continues after the demo numbers.
    const [seq] = await queryRows<{ last_value: number }>(
      t.db,
      sql`SELECT last_value FROM contract_registration_sequences WHERE year = 2023 AND region_code = '120103'`,
    );
    const [max] = await queryRows<{ m: string }>(
      t.db,
      sql`SELECT max(registration_number) AS m FROM contracts WHERE registration_number LIKE '2023120103%'`,
    );
    expect(Number(seq!.last_value)).toBe(Number(max!.m.slice(-6)));
  });

  it('have the facts certification would have written', async () => {
    const rows = await queryRows<Record<string, string | number | null>>(
      t.db,
      sql`SELECT c.id, c.registration_number, c.type, c.subtype, c.field_code, c.certified_at, c.signed_on, c.contract_amount_fen, c.technology_transaction_amount_fen,
            c.registration_organization_id, c.broker_user_id, c.broker_name,
            s.organization_id AS s_org, s.name AS s_name, s.organization_type AS s_type, s.region_code AS s_region, s.country AS s_country,
            b.organization_id AS b_org, b.name AS b_name, b.organization_type AS b_type, b.region_code AS b_region, b.country AS b_country
          FROM contracts c JOIN contract_parties s ON s.contract_id = c.id AND s.role = 'seller' JOIN contract_parties b ON b.contract_id = c.id AND b.role = 'buyer'
          WHERE c.source = 'demo' ORDER BY c.registration_number LIMIT 3000`,
    );
    const facts: ContractFact[] = rows.map((r) => ({
      contractId: String(r.id),
      registrationNumber: String(r.registration_number),
      type: String(r.type),
      subtype: r.subtype as string | null,
      fieldCode: r.field_code as string | null,
      certifiedAt: new Date(r.certified_at as string),
      signedOn: String(r.signed_on).slice(0, 10),
      contractAmountFen: Number(r.contract_amount_fen),
      technologyTransactionAmountFen: Number(r.technology_transaction_amount_fen),
      seller: {
        organizationId: r.s_org as string | null,
        name: String(r.s_name),
        organizationType: String(r.s_type),
        regionCode: r.s_region as string | null,
        country: String(r.s_country),
      },
      buyer: {
        organizationId: r.b_org as string | null,
        name: String(r.b_name),
        organizationType: String(r.b_type),
        regionCode: r.b_region as string | null,
        country: String(r.b_country),
      },
      registrationOrganizationId: r.registration_organization_id as string | null,
      brokerUserId: r.broker_user_id as string | null,
      brokerName: r.broker_name as string | null,
      intermediaryOrganizationId: null,
      dealId: null,
    }));
    const paths = await loadRegionPaths(
      t.db,
      facts.flatMap((f) => [f.seller.regionCode, f.buyer.regionCode]),
    );
    const stored = await queryRows<Record<string, unknown>>(
      t.db,
      sql`SELECT contract_id, year, month, seller_region_path, buyer_region_path, contract_amount_fen FROM contract_facts`,
    );
    const byId = new Map(stored.map((s) => [s.contract_id as string, s]));
    expect(facts.length).toBe(3000);
    for (const f of facts) {
      const want = factRow(f, paths, new Date());
      const got = byId.get(f.contractId)!;
      expect(
        [Number(got.year), Number(got.month), got.seller_region_path, got.buyer_region_path, Number(got.contract_amount_fen)],
        f.registrationNumber,
      ).toEqual([want.year, want.month, want.sellerRegionPath, want.buyerRegionPath, want.contractAmountFen]);
    }
  });

  it("spread Tianjin sellers' buyers over the provinces in the file's absorption proportions", async () => {
    const flows = (await officer.inject({ method: 'GET', url: '/api/statistics/flows?year=2023' })).json() as FlowsView;
    const n = flows.byProvince.reduce((a, p) => a + p.outflow.contracts, 0);
    expect(n).toBe(scaled(yearbookFigure(yearbook, '120000', 2023, 'output')!.contracts!));
    const weights = counterpartWeights(yearbook, 2023, 'output', '120000', true);
    const total = weights.reduce((a, w) => a + w.weight, 0);
    for (const w of weights) {
      const got = flows.byProvince.find((p) => p.code === w.code)?.outflow.contracts ?? 0;
      expect(Math.abs(got - (n * w.weight) / total), w.code).toBeLessThanOrEqual(1);
    }
    expect(flows.outflow.find((f) => f.area === 'beijing')!.contracts).toBeGreaterThan(0);
    expect(flows.outflow.find((f) => f.area === 'abroad')!.contracts).toBeGreaterThan(0);
  });

  it('give the district officer a populated dashboard of their own district', async () => {
    const o = (await binhai.inject({ method: 'GET', url: '/api/statistics/overview' })).json() as OverviewView;
    expect(o.year).toBe(2023);
    expect(o.output.contracts).toBeGreaterThan(300);
    const top = (await binhai.inject({ method: 'GET', url: '/api/statistics/top' })).json() as TopView;
    expect(top.rows).toHaveLength(10);
  });
  it('give the demo registrar applications in flight: a queue with deadlines, one needing expert review', async () => {
    const registrar = await loginAs(t.app, { email: 'registrar@jinqiao.demo', password: DEMO_PASSWORD });
    const queue = (await registrar.inject({ method: 'GET', url: '/api/registration/contracts' })).json() as { items: ContractSummary[] };
    expect(queue.items.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted']);
    for (const c of queue.items) expect(c.deadlineAt && c.workingDaysLeft).toBeTruthy();
    expect(queue.items.filter((c) => c.expertReviewRequired).map((c) => c.workingDaysLeft)).toEqual([30]);
    for (const c of queue.items) {
      // ≥ ¥5M: the expert opinion comes before certification.
      expect(c.actions).toEqual(expect.arrayContaining(['return', 'refuse', c.expertReviewRequired ? 'record_expert_review' : 'certify']));
      if (c.expertReviewRequired) expect(c.actions).not.toContain('certify');
    }
    const member = await loginAs(t.app, { email: 'member@jinqiao.demo', password: DEMO_PASSWORD });
    const mine = (await member.inject({ method: 'GET', url: '/api/me/contracts?limit=200' })).json() as { items: ContractSummary[] };
    expect(
      mine.items
        .filter((c) => c.status !== 'certified')
        .map((c) => c.status)
        .sort(),
    ).toEqual(['draft', 'draft', 'returned', 'submitted', 'submitted']); // the second draft: filed from the awarded challenge
  });
});
