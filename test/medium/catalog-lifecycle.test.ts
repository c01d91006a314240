import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordStatus } from '../../common/catalog.js';
import { anonymousActor } from '../../server/lib/actor.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import type { RecordKind, TransitionName } from '../../server/modules/catalog/lifecycle.js';
import { achievementInput, createOrganization, type TestOrganization } from '../factories.js';
import { useMediumDatabase, type TestActor } from './harness.js';

/**
 * The catalogue lifecycle (C1, C2) through the catalog service, as its callers meet it: who may move
 * a record from which status, what the others then see, and what the audit log keeps for each step.
 * test/integration/catalog-lifecycle.test.ts drives the whole transition matrix over HTTP; this file
 * walks one record's life and the refusals along it, without the app.
 */
const t = useMediumDatabase();
const { catalog, audit } = t.services;

let binhai: TestOrganization;
let owner: TestActor;
let reviewer: TestActor;
let otherDistrictOfficer: TestActor;
let outsider: TestActor;
let admin: TestActor;

beforeAll(async () => {
  binhai = await createOrganization(t.db, { type: 'university', regionCode: '120116' });
  owner = await t.actorWith({ role: 'org_member', organizationId: binhai.id });
  reviewer = await t.actorWith({ role: 'gov_officer', regionCode: '120116' });
  otherDistrictOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120101' });
  outsider = await t.actorWith({ role: 'org_admin' });
  admin = await t.actorWith({ role: 'platform_admin' });
});

const fire = (who: TestActor, kind: RecordKind, id: string, transition: TransitionName, reason?: string) =>
  catalog.transitionRecord({ db: t.db, actor: who.actor, kind, id, transition, reason });
const statusOf = async (id: string) =>
  (await catalog.getRecord({ db: t.db, actor: owner.actor, kind: 'achievement', id })).row.status as RecordStatus;
const auditOf = async (id: string) =>
  (await audit.listAuditEntries({ db: t.db, actor: admin.actor, query: { entityId: id, limit: 100 } })).items.reverse();

async function fileAchievement() {
  const rec = await catalog.createRecord({ db: t.db, actor: owner.actor, kind: 'achievement', input: achievementInput() });
  return rec.row.id;
}

describe('one achievement from draft to published and back', () => {
  it('moves only as the table allows, each step audited with who, from and to', async () => {
    const id = await fileAchievement();
    expect(await statusOf(id)).toBe('draft');

    await fire(owner, 'achievement', id, 'submit');
    await fire(reviewer, 'achievement', id, 'return', '请补充专利证书');
    expect((await catalog.getRecord({ db: t.db, actor: owner.actor, kind: 'achievement', id })).row.reviewReason).toBe('请补充专利证书');
    await fire(owner, 'achievement', id, 'submit');
    await fire(reviewer, 'achievement', id, 'approve');
    const published = await fire(owner, 'achievement', id, 'publish');
    expect(published.row.status).toBe('published');
    expect(published.row.publishedAt).toBeInstanceOf(Date);
    await fire(owner, 'achievement', id, 'withdraw');
    expect(await statusOf(id)).toBe('withdrawn');

    const entries = await auditOf(id);
    expect(entries.map((e) => [e.action, e.actorUserId, e.changes?.status])).toEqual([
      ['achievement.create', owner.user.id, { from: null, to: 'draft' }],
      ['achievement.submit', owner.user.id, { from: 'draft', to: 'submitted' }],
      ['achievement.return', reviewer.user.id, { from: 'submitted', to: 'returned' }],
      ['achievement.submit', owner.user.id, { from: 'returned', to: 'submitted' }],
      ['achievement.approve', reviewer.user.id, { from: 'submitted', to: 'approved' }],
      ['achievement.publish', owner.user.id, { from: 'approved', to: 'published' }],
      ['achievement.withdraw', owner.user.id, { from: 'published', to: 'withdrawn' }],
    ]);
    expect(entries.every((e) => e.organizationId === binhai.id)).toBe(true);
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('refuses what the table does not allow, changing nothing and auditing nothing', async () => {
    const id = await fileAchievement();
    await fire(owner, 'achievement', id, 'submit');
    const audited = (await auditOf(id)).length;

    // The owner does not review its own record; a reviewer of another district does not see it at all.
    await expect(fire(owner, 'achievement', id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(fire(otherDistrictOfficer, 'achievement', id, 'approve')).rejects.toMatchObject({ code: 'not_found' });
    await expect(fire(outsider, 'achievement', id, 'submit')).rejects.toMatchObject({ code: 'not_found' });
    // A return needs its reason, named as the field the reviewer left empty.
    await expect(fire(reviewer, 'achievement', id, 'return', '  ')).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'body.reason' }],
    });
    // Not publishable before approval; trading's transitions are the platform's alone.
    await expect(fire(owner, 'achievement', id, 'publish')).rejects.toMatchObject({ code: 'conflict' });
    await expect(fire(owner, 'achievement', id, 'start_trade')).rejects.toMatchObject({ code: 'forbidden' });
    // Under review the record cannot be edited.
    await expect(
      catalog.updateRecord({ db: t.db, actor: owner.actor, kind: 'achievement', id, input: achievementInput() }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    expect(await statusOf(id)).toBe('submitted');
    expect(await auditOf(id)).toHaveLength(audited);
  });

  it('shows a record to the public only once it is published', async () => {
    const id = await fileAchievement();
    const visitor = anonymousActor();
    const asVisitor = () => catalog.getRecord({ db: t.db, actor: visitor, kind: 'achievement', id });
    await expect(asVisitor()).rejects.toMatchObject({ code: 'not_found' });
    await fire(owner, 'achievement', id, 'submit');
    // The reviewer in scope sees it from submission on; the public still does not.
    expect((await catalog.getRecord({ db: t.db, actor: reviewer.actor, kind: 'achievement', id })).row.status).toBe('submitted');
    await expect(asVisitor()).rejects.toMatchObject({ code: 'not_found' });
    await fire(reviewer, 'achievement', id, 'approve');
    await fire(reviewer, 'achievement', id, 'publish');
    expect((await asVisitor()).row.status).toBe('published');
    await fire(owner, 'achievement', id, 'withdraw');
    await expect(asVisitor()).rejects.toMatchObject({ code: 'not_found' });
  });
});
