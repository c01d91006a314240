// The demo institutions: 津桥技术转移中心 holds the demonstration title of this year's round, scored by
// five experts of the demo pool on the shared engine; brokers of each tier; an alliance led by 津桥.
import { describe, expect, it } from 'vitest';
import type { BrokerSummary } from '../../common/api/brokers.js';
import type { InstitutionView, RoundSummary, RoundView } from '../../common/api/institutions.js';
import { seedExpertsDemo } from '../../server/db/seed/experts-demo.js';
import { seedInstitutionsDemo } from '../../server/db/seed/institutions-demo.js';
import { createOrganization } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const KEYS = ['univ', 'univ2', 'univ3', 'univ4', 'univ5', 'inst', 'inst2', 'inst3', 'ent', 'ent2'];

describe('institutions demo', { timeout: 180_000 }, () => {
  it('seeds a demonstration institution with its round’s scores, brokers of each tier and an alliance', async () => {
    const orgIds = new Map<string, string>();
    for (const k of KEYS) orgIds.set(k, (await createOrganization(t.db)).id);
    const tti = await createOrganization(t.db, { type: 'transfer_institution', name: '津桥技术转移中心' });
    orgIds.set('tti', tti.id);
    await seedExpertsDemo(t.db, { orgIds, password: 'demo-password-1' });
    await seedInstitutionsDemo(t.db, { orgIds });

    const demos = (await t.app.inject({ method: 'GET', url: '/api/institutions?demonstration=true' })).json();
    expect(demos.items.map((i: { name: string }) => i.name)).toEqual(['津桥技术转移中心']);
    expect((await t.app.inject({ method: 'GET', url: '/api/institutions' })).json().total).toBe(3);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/institutions/${tti.id}` })).json() as InstitutionView;
    expect(detail.demonstration).toMatchObject({ status: 'held' });
    expect(detail.alliances).toEqual([expect.objectContaining({ lead: true })]);
    expect(detail.brokers.map((b) => b.tier).sort()).toEqual(['intermediate_broker', 'senior_manager']);

    const [round] = (await t.app.inject({ method: 'GET', url: '/api/demonstration-rounds' })).json().items as RoundSummary[];
    const view = (await t.app.inject({ method: 'GET', url: `/api/demonstration-rounds/${round!.id}` })).json() as RoundView;
    expect(view.status).toBe('final');
    // Totals 89, 83, 92, 74, 85: 74 and 92 dropped, mean of 83, 85, 89.
    expect(view.results).toEqual([{ organization: { id: tti.id, name: '津桥技术转移中心' }, mean: 85.67, status: 'approved' }]);

    const brokers = (await t.app.inject({ method: 'GET', url: '/api/brokers' })).json().items as BrokerSummary[];
    expect(new Set(brokers.map((b) => b.tier))).toEqual(new Set(['junior_broker', 'intermediate_broker', 'senior_manager']));
  });
});
