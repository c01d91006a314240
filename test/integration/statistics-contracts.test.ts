import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowsView, OverviewView, RegionsView, Totals } from '../../common/api/statistics.js';
import { createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, contractInput, registrationCast, submitApplication, transition, type RegistrationCast } from './contracts-fixtures.js';

/**
 * Through the contracts module: a seller applies, a registrar certifies, amends and cancels; the
 * officer's dashboard moves with each step (the fact is written in the certifying transaction).
 */
const t = useTestApp();
let cast: RegistrationCast;
let officer: LoggedIn;
let binhaiOfficer: LoggedIn;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t);
  officer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120000' }));
  binhaiOfficer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120116' }));
});

const year = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
async function overview(session: LoggedIn): Promise<OverviewView> {
  const res = await session.inject({ method: 'GET', url: `/api/statistics/overview?year=${year()}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OverviewView;
}
const minus = (a: Totals, b: Totals) => ({
  contracts: a.contracts - b.contracts,
  contractAmountFen: a.contractAmountFen - b.contractAmountFen,
  technologyTransactionAmountFen: a.technologyTransactionAmountFen - b.technologyTransactionAmountFen,
});

describe('the dashboard follows registration', () => {
  it('certify adds the contract (output in 滨海新区, a flow to Beijing); amend replaces it; cancel removes it', async () => {
    const before = await overview(officer);
    const beforeBinhai = await overview(binhaiOfficer);
    const submitted = await submitApplication(cast);

    // Submitted but not certified: not counted.
    expect((await overview(officer)).output).toEqual(before.output);

    const res = await certify(cast, submitted.id);
    expect(res.statusCode, res.body).toBe(200);
    const certified = await overview(officer);
    expect(minus(certified.output, before.output)).toEqual({
      contracts: 1,
      contractAmountFen: 120_000_000,
      technologyTransactionAmountFen: 105_000_000,
    });
    expect(certified.absorption).toEqual(before.absorption); // the buyer is in Beijing
    expect(minus((await overview(binhaiOfficer)).output, beforeBinhai.output).contracts).toBe(1);
    const map = (await officer.inject({ method: 'GET', url: `/api/statistics/regions?year=${year()}` })).json() as RegionsView;
    expect(map.rows.find((r) => r.code === '120116')!.contractAmountFen).toBeGreaterThanOrEqual(120_000_000);
    const flows = (await officer.inject({ method: 'GET', url: `/api/statistics/flows?year=${year()}` })).json() as FlowsView;
    expect(flows.outflow.find((f) => f.area === 'beijing')!.contracts).toBeGreaterThanOrEqual(1);

    const amend = await cast.registrarSession.inject({
      method: 'POST',
      url: `/api/contracts/${submitted.id}/amendments`,
      payload: {
        contract: contractInput(
          { registrationOrganizationId: cast.point.id },
          { contractAmountFen: 200_000_000, buyer: { ...contractInput().buyer, regionCode: '120101' } },
        ),
        reason: '双方签订补充协议，增加合同金额并变更买方',
      },
    });
    expect(amend.statusCode, amend.body).toBe(200);
    const amended = await overview(officer);
    expect(minus(amended.output, before.output)).toEqual({
      contracts: 1,
      contractAmountFen: 200_000_000,
      technologyTransactionAmountFen: 185_000_000,
    });
    // The buyer moved to 和平区: now the city absorbs it too.
    expect(minus(amended.absorption, before.absorption)).toEqual({
      contracts: 1,
      contractAmountFen: 200_000_000,
      technologyTransactionAmountFen: 185_000_000,
    });

    const cancel = await transition(cast.registrarSession, submitted.id, { action: 'cancel', reason: '当事人申请注销登记' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const cancelled = await overview(officer);
    expect(cancelled.output).toEqual(before.output);
    expect(cancelled.absorption).toEqual(before.absorption);
  });
});
