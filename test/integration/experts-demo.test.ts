// The demo expert pool: twelve experts across fields, a scored roadshow panel whose aggregate drops
// the extremes, and an open one waiting for expert@jinqiao.demo in their workspace.
import { describe, expect, it } from 'vitest';
import { seedExpertsDemo } from '../../server/db/seed/experts-demo.js';
import { panelOf, panelResult } from '../../server/modules/experts/panels.js';
import { createOrganization, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const KEYS = ['univ', 'univ2', 'univ3', 'univ4', 'univ5', 'inst', 'inst2', 'inst3', 'tti', 'ent2'];

describe('experts demo', () => {
  it('seeds a pool, a scored panel and an open assignment for the demo expert', async () => {
    const orgIds = new Map<string, string>();
    for (const k of KEYS) orgIds.set(k, (await createOrganization(t.db)).id);
    await seedExpertsDemo(t.db, { orgIds, password: 'demo-password-1' });

    const directory = (await t.app.inject({ method: 'GET', url: '/api/experts?limit=50' })).json();
    expect(directory.total).toBe(12);
    expect(new Set(directory.items.flatMap((e: { fields: Array<{ code: string }> }) => e.fields.map((f) => f.code))).size).toBeGreaterThan(
      10,
    );

    const scored = (await panelOf(t.db, 'roadshow_entry', 'demo-roadshow-2026-11-01'))!;
    const result = await panelResult(t.db, scored.id);
    // Totals 84, 79, 92, 70, 87: 70 and 92 dropped, mean of 79, 84, 87.
    expect(result).toMatchObject({ complete: true, mean: 83.33 });
    expect(result.dropped.map((d) => d.total).sort()).toEqual([70, 92]);
    // 李振华 works at the applicant (津沽大学): never drawn for it.
    expect(scored.members.map((m) => m.name)).not.toContain('李振华');

    const expert = await loginAs(t.app, { email: 'expert@jinqiao.demo', password: 'demo-password-1' });
    const mine = (await expert.inject({ method: 'GET', url: '/api/me/assignments?status=open' })).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        subjectTitle: expect.stringContaining('海水淡化'),
        status: 'assigned',
        actions: ['score', 'declare_conflict', 'decline'],
      }),
    ]);
  });
});
