import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransitionBody } from '../../common/api/catalog.js';
import { RECORD_STATUSES, type RecordStatus } from '../../common/catalog.js';
import type { FieldError } from '../../common/problems.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import {
  EDITABLE,
  PUBLIC_STATUSES,
  TRANSITIONS,
  type Party,
  type RecordKind,
  type TransitionName,
} from '../../server/modules/catalog/lifecycle.js';
import {
  achievementInput,
  createAchievement,
  createDemand,
  createOrganization,
  createUser,
  demandInput,
  lifecyclePath,
  loginAs,
  type LoggedIn,
  type TestOrganization,
  type TestUser,
} from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * The catalogue lifecycle (C1, C2) as the people using it meet it: who may move a record from which
 * status, what they see, what they may edit, what the audit log keeps. The matrix is driven by the
 * TRANSITIONS table itself, so a change to the table changes what is expected here.
 */
const t = useTestApp();

const KINDS: RecordKind[] = ['achievement', 'demand'];
const path = (kind: RecordKind) => (kind === 'achievement' ? 'achievements' : 'demands');
/** What a person may ask for over HTTP. */
const HTTP_ACTIONS = TransitionBody.shape.action.options as readonly TransitionName[];
const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];
const systemOnly = (name: TransitionName) => TRANSITIONS[name].by.every((p) => p === 'system');

/** Statuses a record of the kind can ever reach from draft (through any party, the platform included). */
function reachableStatuses(kind: RecordKind): RecordStatus[] {
  return RECORD_STATUSES.filter((s) => {
    try {
      lifecyclePath(kind, s);
      return true;
    } catch {
      return false;
    }
  });
}

function fieldErrors(res: LightMyRequestResponse): string[] {
  return ((res.json() as { errors?: FieldError[] }).errors ?? []).map((e) => e.field);
}

/**
 * The cast, seen from a record of `owner` (an organisation in 滨海新区, 120116). `parties` is what each
 * caller is for that record — the rule under test, written out by hand rather than asked of policy.ts:
 * the owning organisation's filers are `owner`; government officers whose region contains 滨海新区
 * and platform admins are `reviewer`; everyone else is nobody.
 */
interface CastMember {
  name: string;
  session: LoggedIn | null;
  parties: Party[];
}

interface Cast {
  owner: TestOrganization;
  ownerMember: TestUser;
  members: Record<string, CastMember>;
}

let cast: Cast;

async function buildCast(): Promise<Cast> {
  const owner = await createOrganization(t.db, { regionCode: '120116', name: `津桥测试材料公司 ${Date.now()}` });
  const other = await createOrganization(t.db, { regionCode: '120116' });
  const login = async (opts: Parameters<typeof createUser>[1]) => {
    const user = await createUser(t.db, opts);
    return { user, session: await loginAs(t.app, user) };
  };
  const ownerMember = await login({ role: 'org_member', organizationId: owner.id });
  const roles: Array<[string, Parameters<typeof createUser>[1] | null, Party[]]> = [
    ['owner org_admin', { role: 'org_admin', organizationId: owner.id }, ['owner']],
    ['owner broker', { role: 'broker', organizationId: owner.id }, ['owner']],
    ['member of another organisation', { role: 'org_member', organizationId: other.id }, []],
    ['officer of 滨海新区', { role: 'gov_officer', regionCode: '120116' }, ['reviewer']],
    ['officer of 南开区', { role: 'gov_officer', regionCode: '120104' }, []],
    ['city officer', { role: 'gov_officer', regionCode: '120000' }, ['reviewer']],
    ['platform admin', { role: 'platform_admin' }, ['reviewer']],
    ['registrar', { role: 'registrar' }, []],
    ['expert', { role: 'expert' }, []],
    ['anonymous', null, []],
  ];
  const members: Record<string, CastMember> = {
    'owner org_member': { name: 'owner org_member', session: ownerMember.session, parties: ['owner'] },
  };
  for (const [name, opts, parties] of roles) members[name] = { name, session: opts ? (await login(opts)).session : null, parties };
  return { owner, ownerMember: ownerMember.user, members };
}

const inject = (m: CastMember, opts: Parameters<LoggedIn['inject']>[0]) => (m.session ? m.session.inject(opts) : t.app.inject(opts));

function createRecord(kind: RecordKind, status: RecordStatus, input: Record<string, unknown> = {}) {
  const by = cast.ownerMember;
  return kind === 'achievement' ? createAchievement(t.db, { by, status, input }) : createDemand(t.db, { by, status, input });
}

/**
 * The derived rule for POST …/transitions:
 * - 401 for an anonymous caller (the route needs a login);
 * - 404 when the caller may not see the record: a record is visible to its owner in any status, to
 *   reviewers in scope once it has left draft, and to everyone in a public status (PUBLIC_STATUSES);
 * - 400 naming body.action when the transition does not apply to this kind of record;
 * - 403 when none of the caller's parties may fire the transition at all;
 * - 409 when a party that may fire it asks from a status the transition does not leave;
 * - otherwise 200 and the record in the transition's target status.
 */
/** Drafts are the owner's own work; reviewers see a record once it has been submitted. */
function visibleTo(m: CastMember, status: RecordStatus): boolean {
  if (m.parties.includes('owner') || PUBLIC_STATUSES.includes(status)) return true;
  return m.parties.includes('reviewer') && status !== 'draft';
}

function expectedOutcome(m: CastMember, kind: RecordKind, status: RecordStatus, name: TransitionName): 200 | 400 | 401 | 403 | 404 | 409 {
  if (!m.session) return 401;
  if (!visibleTo(m, status)) return 404;
  const tr = TRANSITIONS[name];
  if (!tr.kinds.includes(kind)) return 400;
  if (!tr.by.some((p) => m.parties.includes(p))) return 403;
  if (!tr.from.includes(status)) return 409;
  return 200;
}

beforeAll(async () => {
  if (!t.db) return;
  cast = await buildCast();
});

describe('the transition table as the people meet it', () => {
  it('people may ask for exactly the transitions that are not the platform’s own', () => {
    expect([...HTTP_ACTIONS].sort()).toEqual(TRANSITION_NAMES.filter((n) => !systemOnly(n)).sort());
  });

  for (const kind of KINDS) {
    for (const status of reachableStatuses(kind)) {
      it(`${kind} in ${status}: every HTTP transition for every role`, async () => {
        const shared = await createRecord(kind, status);
        const url = (id: string) => `/api/${path(kind)}/${id}/transitions`;
        const seen: string[] = [];
        for (const name of HTTP_ACTIONS) {
          for (const m of Object.values(cast.members)) {
            const expected = expectedOutcome(m, kind, status, name);
            // An allowed transition changes the record: it gets its own.
            const id = expected === 200 ? (await createRecord(kind, status)).id : shared.id;
            const payload = { action: name, ...(TRANSITIONS[name].reasonRequired ? { reason: '请补充检测报告' } : {}) };
            const res = await inject(m, { method: 'POST', url: url(id), payload });
            const label = `${m.name}: ${name} a ${status} ${kind}`;
            expect(res.statusCode, `${label} → ${res.body}`).toBe(expected);
            if (expected === 200) expect(res.json().status, label).toBe(TRANSITIONS[name].to);
            if (expected === 400) expect(fieldErrors(res), label).toContain('body.action');
            if (expected === 404) expect(res.body, label).not.toContain(shared.title);
            seen.push(`${m.name}/${name}/${expected}`);
          }
        }
        expect(seen).toHaveLength(HTTP_ACTIONS.length * Object.keys(cast.members).length);

        // Refused requests left the shared record as it was.
        const owner = cast.members['owner org_member']!;
        const after = await inject(owner, { method: 'GET', url: `/api/${path(kind)}/${shared.id}` });
        expect(after.json().status).toBe(status);

        // The actions a record view offers are exactly what the caller could do (the UI hides buttons by them).
        for (const m of Object.values(cast.members)) {
          const res = await inject(m, { method: 'GET', url: `/api/${path(kind)}/${shared.id}` });
          const visible = visibleTo(m, status);
          expect(res.statusCode, m.name).toBe(visible ? 200 : 404);
          if (!visible) continue;
          const allowed = HTTP_ACTIONS.filter((n) => expectedOutcome(m, kind, status, n) === 200);
          const editable = m.parties.includes('owner') && EDITABLE.includes(status) ? ['edit'] : [];
          expect([...res.json().actions].sort(), `${m.name} sees the actions of a ${status} ${kind}`).toEqual(
            [...editable, ...allowed].sort(),
          );
        }
      });
    }
  }

  it('no HTTP caller can fire a platform-only transition (start_trade, end_trade, complete_transfer): 400', async () => {
    const names = TRANSITION_NAMES.filter(systemOnly);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const tr = TRANSITIONS[name];
      for (const kind of tr.kinds) {
        const from = tr.from[0]!;
        const rec = await createRecord(kind, from);
        for (const who of ['owner org_member', 'owner org_admin', 'officer of 滨海新区', 'platform admin']) {
          const res = await inject(cast.members[who]!, {
            method: 'POST',
            url: `/api/${path(kind)}/${rec.id}/transitions`,
            payload: { action: name },
          });
          expect(res.statusCode, `${who}: ${name}`).toBe(400);
          expect(fieldErrors(res)).toContain('body.action');
        }
        const after = await inject(cast.members['owner org_member']!, { method: 'GET', url: `/api/${path(kind)}/${rec.id}` });
        expect(after.json().status).toBe(from);
      }
    }
  });
});

describe('returning a record for changes', () => {
  it('needs a reason, and the owner sees it on the record until it is resubmitted', async () => {
    const rec = await createAchievement(t.db, { by: cast.ownerMember, status: 'submitted' });
    const officer = cast.members['officer of 滨海新区']!.session!;
    const owner = cast.members['owner org_member']!.session!;
    const url = `/api/achievements/${rec.id}/transitions`;

    for (const payload of [{ action: 'return' }, { action: 'return', reason: '   ' }]) {
      const res = await officer.inject({ method: 'POST', url, payload });
      expect(res.statusCode).toBe(400);
      expect(fieldErrors(res)).toContain('body.reason');
    }
    expect((await owner.inject({ method: 'GET', url: `/api/achievements/${rec.id}` })).json().status).toBe('submitted');

    const reason = '请补充第三方检测报告和专利授权证明';
    const returned = await officer.inject({ method: 'POST', url, payload: { action: 'return', reason } });
    expect(returned.statusCode).toBe(200);
    const seen = (await owner.inject({ method: 'GET', url: `/api/achievements/${rec.id}` })).json();
    expect(seen).toMatchObject({ status: 'returned', reviewReason: reason });
    expect(seen.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'withdraw']));

    const resubmitted = await owner.inject({ method: 'POST', url, payload: { action: 'submit' } });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', reviewReason: null });
  });
});

describe('editing', () => {
  it('only the owner, only in draft, returned or withdrawn; 409 otherwise', async () => {
    const owner = cast.members['owner org_member']!.session!;
    for (const status of reachableStatuses('achievement')) {
      const rec = await createAchievement(t.db, { by: cast.ownerMember, status });
      const title = `改进后的正极材料包覆工艺 ${status}`;
      const res = await owner.inject({ method: 'PUT', url: `/api/achievements/${rec.id}`, payload: achievementInput({ title }) });
      if (EDITABLE.includes(status)) {
        expect(res.statusCode, status).toBe(200);
        expect(res.json()).toMatchObject({ title, status });
      } else {
        expect(res.statusCode, `${status}: ${res.body}`).toBe(409);
        expect((await owner.inject({ method: 'GET', url: `/api/achievements/${rec.id}` })).json().title).toBe(rec.title);
      }
    }
    for (const status of reachableStatuses('demand')) {
      const rec = await createDemand(t.db, { by: cast.ownerMember, status });
      const res = await owner.inject({ method: 'PUT', url: `/api/demands/${rec.id}`, payload: demandInput({ title: '新的需求标题' }) });
      expect(res.statusCode, status).toBe(EDITABLE.includes(status) ? 200 : 409);
    }
  });

  it('others may not edit: another organisation 404 (draft) or 403 (published); reviewers lack the permission', async () => {
    const draft = await createAchievement(t.db, { by: cast.ownerMember, status: 'draft' });
    const published = await createAchievement(t.db, { by: cast.ownerMember, status: 'published' });
    const other = cast.members['member of another organisation']!;
    const body = achievementInput({ title: '被他人篡改的标题' });
    expect((await inject(other, { method: 'PUT', url: `/api/achievements/${draft.id}`, payload: body })).statusCode).toBe(404);
    expect((await inject(other, { method: 'PUT', url: `/api/achievements/${published.id}`, payload: body })).statusCode).toBe(403);
    for (const who of ['officer of 滨海新区', 'platform admin', 'expert']) {
      expect(
        (await inject(cast.members[who]!, { method: 'PUT', url: `/api/achievements/${draft.id}`, payload: body })).statusCode,
        who,
      ).toBe(403);
    }
    expect(
      (await inject(cast.members['anonymous']!, { method: 'PUT', url: `/api/achievements/${draft.id}`, payload: body })).statusCode,
    ).toBe(401);
    const owner = cast.members['owner org_member']!.session!;
    expect((await owner.inject({ method: 'GET', url: `/api/achievements/${draft.id}` })).json().title).toBe(draft.title);
  });
});

describe('visibility', () => {
  const get = (who: string, kind: RecordKind, id: string) => inject(cast.members[who]!, { method: 'GET', url: `/api/${path(kind)}/${id}` });

  it('drafts and submitted records are 404 for the public and other organisations, visible to the owner', async () => {
    for (const kind of KINDS) {
      for (const status of ['draft', 'submitted'] as const) {
        const rec = await createRecord(kind, status);
        for (const who of ['anonymous', 'member of another organisation', 'officer of 南开区', 'registrar', 'expert']) {
          const res = await get(who, kind, rec.id);
          expect(res.statusCode, `${who} / ${status} ${kind}`).toBe(404);
          expect(res.body).not.toContain(rec.title);
        }
        for (const who of ['owner org_member', 'owner org_admin', 'owner broker'])
          expect((await get(who, kind, rec.id)).statusCode, who).toBe(200);
      }
      // Submitted records are in front of the reviewers of the district.
      const submitted = await createRecord(kind, 'submitted');
      for (const who of ['officer of 滨海新区', 'city officer', 'platform admin'])
        expect((await get(who, kind, submitted.id)).statusCode, who).toBe(200);
    }
  });

  it('a published record is visible to everyone; contacts only to logged-in users', async () => {
    for (const kind of KINDS) {
      const rec = await createRecord(kind, 'published');
      const anon = await get('anonymous', kind, rec.id);
      expect(anon.statusCode).toBe(200);
      expect(anon.json()).toMatchObject({ id: rec.id, status: 'published', contacts: null, actions: [] });
      expect(anon.body).not.toContain('022-');
      for (const who of ['member of another organisation', 'registrar', 'expert', 'officer of 南开区', 'owner org_member']) {
        const res = await get(who, kind, rec.id);
        expect(res.statusCode, who).toBe(200);
        expect(res.json().contacts, who).toEqual([
          expect.objectContaining({ name: expect.any(String), phone: expect.stringMatching(/^022-/) }),
        ]);
      }
    }
  });

  it('a restricted published record: 404 for the public and other organisations; the owner, the district’s officers and the platform admin see it', async () => {
    for (const kind of KINDS) {
      const rec = await createRecord(kind, 'published', { restricted: true });
      for (const who of ['anonymous', 'member of another organisation', 'officer of 南开区', 'registrar', 'expert']) {
        const res = await get(who, kind, rec.id);
        expect(res.statusCode, who).toBe(404);
        expect(res.body).not.toContain(rec.title);
      }
      for (const who of ['owner org_member', 'owner org_admin', 'owner broker', 'officer of 滨海新区', 'city officer', 'platform admin']) {
        const res = await get(who, kind, rec.id);
        expect(res.statusCode, who).toBe(200);
        expect(res.json()).toMatchObject({ id: rec.id, restricted: true });
      }
    }
  });
});

describe('validation of what is filed', () => {
  let filer: LoggedIn;
  let filerOrg: string;
  beforeAll(async () => {
    if (!t.db) return;
    const user = await createUser(t.db, { role: 'org_member' });
    filer = await loginAs(t.app, user);
    filerOrg = user.organizationId!;
  });
  const file = (kind: RecordKind, payload: object) => filer.inject({ method: 'POST', url: `/api/${path(kind)}`, payload });
  const patent = (number: string) =>
    achievementInput({ ipAssets: [{ kind: 'invention_patent', number, title: '一种正极材料的包覆方法' }] });

  it('a patent number with a wrong check digit → 400 naming body.ipAssets.0.number', async () => {
    const res = await file('achievement', patent('200310102344.6'));
    expect(res.statusCode).toBe(400);
    expect(fieldErrors(res)).toEqual(['body.ipAssets.0.number']);
    // A patent without a number is refused too; a software copyright needs none.
    expect(
      fieldErrors(await file('achievement', achievementInput({ ipAssets: [{ kind: 'utility_model', number: null, title: '实用新型' }] }))),
    ).toEqual(['body.ipAssets.0.number']);
    expect(
      (
        await file(
          'achievement',
          achievementInput({ ipAssets: [{ kind: 'software_copyright', number: null, title: '电池管理软件 V1.0' }] }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it.each([
    ['CN200310102344.5', '200310102344.5'],
    ['ZL200310102344.5', '200310102344.5'],
    ['zl 2003 1010 2344.5', '200310102344.5'],
    ['CN2003101023445', '200310102344.5'],
    ['201910123456.X', '201910123456.X'],
    ['02112345.4', '02112345.4'],
    ['ZL02112345.4', '02112345.4'],
  ])('patent number %s is accepted as %s', async (number, normalised) => {
    const res = await file('achievement', patent(number));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ipAssets[0].number).toBe(normalised);
  });

  it('an asking price or 面议, exactly one of them', async () => {
    const both = await file('achievement', achievementInput({ priceFen: 100_000_000, priceNegotiable: true }));
    expect(both.statusCode).toBe(400);
    expect(fieldErrors(both)).toEqual(['body.priceFen']);
    const neither = await file('achievement', achievementInput({ priceFen: null, priceNegotiable: false }));
    expect(neither.statusCode).toBe(400);
    expect(fieldErrors(neither)).toEqual(['body.priceFen']);
    const negotiable = await file('achievement', achievementInput({ priceFen: null, priceNegotiable: true }));
    expect(negotiable.statusCode).toBe(201);
    expect(negotiable.json()).toMatchObject({ priceFen: null, priceNegotiable: true });
    const priced = await file('achievement', achievementInput({ priceFen: 123_456_700 }));
    expect(priced.json()).toMatchObject({ priceFen: 123_456_700, priceNegotiable: false });
  });

  it('a demand: budget minimum above maximum, no budget at all, a deadline in the past → 400', async () => {
    const inverted = await file('demand', demandInput({ budgetMinFen: 300_000_000, budgetMaxFen: 100_000_000 }));
    expect(inverted.statusCode).toBe(400);
    expect(fieldErrors(inverted)).toEqual(['body.budgetMaxFen']);
    const none = await file('demand', demandInput({ budgetMinFen: null, budgetMaxFen: null, budgetNegotiable: false }));
    expect(fieldErrors(none)).toEqual(['body.budgetMaxFen']);
    const past = await file('demand', demandInput({ deadline: '2020-01-01' }));
    expect(past.statusCode).toBe(400);
    expect(fieldErrors(past)).toEqual(['body.deadline']);
    const future = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const ok = await file('demand', demandInput({ deadline: future, budgetMinFen: 100_000_000, budgetMaxFen: 100_000_000 }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ deadline: future, budgetMinFen: 100_000_000, budgetMaxFen: 100_000_000 });
  });

  it('an unknown technical field → 400 naming body.fieldCode (on create and on edit)', async () => {
    for (const kind of KINDS) {
      const input = kind === 'achievement' ? achievementInput({ fieldCode: 'X99' }) : demandInput({ fieldCode: 'X99' });
      const res = await file(kind, input);
      expect(res.statusCode).toBe(400);
      expect(fieldErrors(res)).toEqual(['body.fieldCode']);
    }
    const draft = (await file('achievement', achievementInput())).json();
    const edit = await filer.inject({
      method: 'PUT',
      url: `/api/achievements/${draft.id}`,
      payload: achievementInput({ fieldCode: 'X99' }),
    });
    expect(fieldErrors(edit)).toEqual(['body.fieldCode']);
    // The taxonomy the form offers does know the fields used here.
    const fields = (await t.app.inject({ method: 'GET', url: '/api/fields' })).json().items.map((f: { code: string }) => f.code);
    expect(fields).toContain('D15');
    expect(fields).not.toContain('X99');
  });

  it('a failed create leaves nothing behind: no record, no audit entry', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const s = await loginAs(t.app, user);
    const bad = [
      achievementInput({ fieldCode: 'X99' }),
      achievementInput({ ipAssets: [{ kind: 'invention_patent', number: '200310102344.6', title: 'x专利' }] }),
      achievementInput({ priceFen: null, priceNegotiable: false }),
    ];
    for (const payload of bad) expect((await s.inject({ method: 'POST', url: '/api/achievements', payload })).statusCode).toBe(400);
    const badDemand = demandInput({ fieldCode: 'X99' });
    expect((await s.inject({ method: 'POST', url: '/api/demands', payload: badDemand })).statusCode).toBe(400);
    for (const kind of KINDS)
      expect((await s.inject({ method: 'GET', url: `/api/me/${path(kind)}` })).json()).toEqual({ items: [], total: 0 });
    const admin = cast.members['platform admin']!.session!;
    const audit = (await admin.inject({ method: 'GET', url: `/api/audit?organizationId=${user.organizationId}&limit=500` })).json()
      .items as Array<{ action: string }>;
    expect(audit.filter((e) => e.action.startsWith('achievement.') || e.action.startsWith('demand.'))).toEqual([]);
    expect(filerOrg).not.toBe(user.organizationId);
  });
});

describe('the audit log of a lifecycle', () => {
  it('each transition writes <kind>.<transition> with the status before and after; the chain verifies', async () => {
    for (const kind of KINDS) {
      const owner = cast.members['owner org_member']!.session!;
      const officer = cast.members['officer of 滨海新区']!.session!;
      const created = await owner.inject({
        method: 'POST',
        url: `/api/${path(kind)}`,
        payload: kind === 'achievement' ? achievementInput() : demandInput(),
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const steps: Array<[LoggedIn, TransitionName, string?]> = [
        [owner, 'submit'],
        [officer, 'return', '补充材料'],
        [owner, 'submit'],
        [officer, 'approve'],
        [owner, 'publish'],
        ...(kind === 'demand' ? [[owner, 'close'] as [LoggedIn, TransitionName]] : [[owner, 'withdraw'] as [LoggedIn, TransitionName]]),
      ];
      let status: RecordStatus = 'draft';
      const expected: Array<{ action: string; from: RecordStatus; to: RecordStatus; reason?: string }> = [];
      for (const [who, action, reason] of steps) {
        const res = await who.inject({
          method: 'POST',
          url: `/api/${path(kind)}/${id}/transitions`,
          payload: { action, ...(reason ? { reason } : {}) },
        });
        expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
        expected.push({ action: `${kind}.${action}`, from: status, to: TRANSITIONS[action].to, reason });
        status = TRANSITIONS[action].to;
      }
      const admin = cast.members['platform admin']!.session!;
      const entries = (
        (await admin.inject({ method: 'GET', url: `/api/audit?entityId=${id}&limit=500` })).json().items as Array<{
          action: string;
          entity: string;
          actorUserId: string | null;
          organizationId: string;
          changes: Record<string, { from: unknown; to: unknown }>;
        }>
      ).reverse();
      expect(entries.map((e) => e.action)).toEqual([`${kind}.create`, ...expected.map((e) => e.action)]);
      expected.forEach((e, i) => {
        const row = entries[i + 1]!;
        expect(row, e.action).toMatchObject({ entity: kind, organizationId: cast.owner.id });
        expect(row.changes.status, e.action).toEqual({ from: e.from, to: e.to });
        if (e.reason) expect(row.changes.reason).toEqual({ from: null, to: e.reason });
      });
      expect(entries[2]!.actorUserId).toBe(cast.members['officer of 滨海新区']!.session!.me.user.id);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ broken: null });
    const verify = await cast.members['platform admin']!.session!.inject({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, broken: null });
  });
});

describe('the review queue', () => {
  it('a district officer sees the submitted records of their district only; the platform admin sees all', async () => {
    const nankaiOrg = await createOrganization(t.db, { regionCode: '120104' });
    const nankaiMember = await createUser(t.db, { role: 'org_member', organizationId: nankaiOrg.id });
    const parkOrg = await createOrganization(t.db, { regionCode: '12011601' }); // 滨海高新区, inside 滨海新区
    const parkMember = await createUser(t.db, { role: 'org_member', organizationId: parkOrg.id });
    for (const kind of KINDS) {
      const make = (by: TestUser, status: RecordStatus) =>
        kind === 'achievement' ? createAchievement(t.db, { by, status }) : createDemand(t.db, { by, status });
      const binhai = await make(cast.ownerMember, 'submitted');
      const park = await make(parkMember, 'submitted');
      const nankai = await make(nankaiMember, 'submitted');
      const binhaiDraft = await make(cast.ownerMember, 'draft');
      const binhaiApproved = await make(cast.ownerMember, 'approved');
      const queue = async (who: string) => {
        const res = await inject(cast.members[who]!, { method: 'GET', url: `/api/review/${path(kind)}?limit=200` });
        expect(res.statusCode, who).toBe(200);
        const body = res.json() as { items: Array<{ id: string; status: string; regionCode: string }>; total: number };
        for (const item of body.items) expect(item.status).toBe('submitted');
        return body.items.map((i) => i.id);
      };
      const district = await queue('officer of 滨海新区');
      expect(district).toEqual(expect.arrayContaining([binhai.id, park.id]));
      expect(district).not.toContain(nankai.id);
      expect(district).not.toContain(binhaiDraft.id);
      expect(district).not.toContain(binhaiApproved.id);
      const nankaiQueue = await queue('officer of 南开区');
      expect(nankaiQueue).toContain(nankai.id);
      expect(nankaiQueue).not.toContain(binhai.id);
      expect(await queue('platform admin')).toEqual(expect.arrayContaining([binhai.id, park.id, nankai.id]));
      expect(await queue('city officer')).toEqual(expect.arrayContaining([binhai.id, park.id, nankai.id]));
      for (const who of ['owner org_member', 'registrar', 'expert']) {
        expect((await inject(cast.members[who]!, { method: 'GET', url: `/api/review/${path(kind)}` })).statusCode, who).toBe(403);
      }
      expect((await inject(cast.members['anonymous']!, { method: 'GET', url: `/api/review/${path(kind)}` })).statusCode).toBe(401);
    }
  });
});
