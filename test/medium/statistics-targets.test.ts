import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractFact, ContractParty } from '../../server/modules/statistics/facts.js';
import { useMediumDatabase, type TestActor } from './harness.js';

/**
 * Yearly targets (C6) over the rollups: an officer sets a target for a region they govern, and its
 * progress is the region's whole subtree (a park's contracts count for its district) as certified
 * contracts are written through `putContractFact`, the contracts module's way in.
 */
const t = useMediumDatabase();
const { statistics, audit } = t.services;

const YEAR = 2019; // past: the pace line is full
let binhaiOfficer: TestActor;
let cityOfficer: TestActor;
let hepingOfficer: TestActor;
let admin: TestActor;

beforeAll(async () => {
  binhaiOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120116' });
  cityOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120000' });
  hepingOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120101' });
  admin = await t.actorWith({ role: 'platform_admin' });
});

const party = (regionCode: string, name: string): ContractParty => ({
  organizationId: null,
  name,
  organizationType: 'enterprise',
  regionCode,
  country: 'CN',
});

/** A certified contract whose seller is in `sellerRegion`, certified at noon Beijing time on 1 June of YEAR. */
async function certified(sellerRegion: string, contractAmountFen: number): Promise<ContractFact> {
  const fact: ContractFact = {
    contractId: randomUUID(),
    registrationNumber: `${YEAR}120116${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    type: 'transfer',
    subtype: 'patent_right',
    fieldCode: 'D15',
    certifiedAt: new Date(Date.UTC(YEAR, 5, 1, 4)),
    signedOn: `${YEAR}-05-20`,
    contractAmountFen,
    technologyTransactionAmountFen: contractAmountFen / 2,
    seller: party(sellerRegion, `卖方 ${sellerRegion}`),
    buyer: party('110000', '北京买方'),
    registrationOrganizationId: null,
    brokerUserId: null,
    brokerName: null,
    intermediaryOrganizationId: null,
    dealId: null,
  };
  await t.db.transaction((tx) => statistics.putContractFact(tx, fact));
  return fact;
}

const binhaiTarget = async () => {
  const { items } = await statistics.listTargets({ db: t.db, actor: binhaiOfficer.actor, year: YEAR });
  return items.find((i) => i.region.code === '120116' && i.metric === 'contract_amount')!;
};

describe('a district target and its progress', () => {
  it('counts the district with its parks, follows amendments and cancellations, and is audited', async () => {
    const target = await statistics.setTarget({
      db: t.db,
      actor: binhaiOfficer.actor,
      input: { year: YEAR, regionCode: '120116', side: 'output', metric: 'contract_amount', value: 100_000_000 },
    });
    expect(target).toMatchObject({ actual: 0, progress: 0, yearElapsed: 1, actions: ['update', 'delete'] });

    await certified('120116', 30_000_000); // in the district
    const inPark = await certified('12011601', 20_000_000); // in a park of it
    await certified('120101', 90_000_000); // 和平区: not Binhai's
    expect(await binhaiTarget()).toMatchObject({ actual: 50_000_000, progress: 0.5 });

    // An amendment replaces the park's contract; a cancellation takes it out.
    await t.db.transaction((tx) => statistics.putContractFact(tx, { ...inPark, contractAmountFen: 40_000_000 }));
    expect(await binhaiTarget()).toMatchObject({ actual: 70_000_000, progress: 0.7 });
    await t.db.transaction((tx) => statistics.dropContractFact(tx, inPark.contractId));
    expect(await binhaiTarget()).toMatchObject({ actual: 30_000_000, progress: 0.3 });

    // Setting it again replaces the value; both are in the audit log.
    await statistics.setTarget({
      db: t.db,
      actor: binhaiOfficer.actor,
      input: { year: YEAR, regionCode: '120116', side: 'output', metric: 'contract_amount', value: 60_000_000 },
    });
    expect(await binhaiTarget()).toMatchObject({ value: 60_000_000, progress: 0.5 });
    const { items } = await audit.listAuditEntries({ db: t.db, actor: admin.actor, query: { entityId: target.id, limit: 10 } });
    expect(items.map((e) => [e.action, e.actorUserId]).reverse()).toEqual([
      ['statistics.target.create', binhaiOfficer.user.id],
      ['statistics.target.update', binhaiOfficer.user.id],
    ]);

    // The city's officer governs the district too, so sees its target.
    const city = await statistics.listTargets({ db: t.db, actor: cityOfficer.actor, year: YEAR });
    expect(city.items.map((i) => i.region.code)).toContain('120116');
  });

  it('keeps each officer to their own region', async () => {
    // Another district is outside Binhai's officer's scope: a field error when setting, not found when reading.
    await expect(
      statistics.setTarget({
        db: t.db,
        actor: binhaiOfficer.actor,
        input: { year: YEAR, regionCode: '120101', side: 'output', metric: 'contracts', value: 10 },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'body.regionCode' }] });
    await expect(statistics.listTargets({ db: t.db, actor: binhaiOfficer.actor, region: '120101', year: YEAR })).rejects.toMatchObject({
      code: 'not_found',
    });
    // 和平区's officer neither sees nor deletes Binhai's target.
    const target = await binhaiTarget();
    await expect(statistics.deleteTarget({ db: t.db, actor: hepingOfficer.actor, id: target.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await statistics.listTargets({ db: t.db, actor: hepingOfficer.actor, year: YEAR })).items).toEqual([]);
    // Its own officer may.
    await statistics.deleteTarget({ db: t.db, actor: binhaiOfficer.actor, id: target.id });
    expect(await binhaiTarget()).toBeUndefined();
  });
});
