import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_STATUSES, type RecordStatus } from '../../../common/catalog.js';
import { anonymousActor, buildUserActor, systemActor, type Actor, type RoleGrant } from '../../lib/actor.js';
import { canSeeRecord, type RecordFacts } from './policy.js';
import { recordScope, scopeSees, seesConfidentialPart, visibleRecordsSql, type VisibilityFacts } from './visibility.js';

/**
 * The visibility rule read two ways must agree: the SQL predicate (search, lists) run against a real
 * PostgreSQL (PGlite) over every actor × record, and the single-record check (canSeeRecord).
 */
const BINHAI = '/120000/120116/';
const HEPING = '/120000/120101/';
const OWN_ORG = '00000000-0000-0000-0000-0000000000a1';
const OTHER_ORG = '00000000-0000-0000-0000-0000000000b2';

const user = (...grants: Array<Partial<RoleGrant> & Pick<RoleGrant, 'role'>>): Actor =>
  buildUserActor({
    userId: 'u',
    email: 'u@example.cn',
    via: 'session',
    grants: grants.map((g) => ({ organizationId: null, regionCode: null, regionPath: null, ...g })),
  });

const ACTORS: Record<string, Actor> = {
  anonymous: anonymousActor(),
  'member elsewhere': user({ role: 'org_member', organizationId: OTHER_ORG }),
  'member of the owner': user({ role: 'org_member', organizationId: OWN_ORG }),
  'broker of the owner': user({ role: 'broker', organizationId: OWN_ORG }),
  'officer of Binhai': user({ role: 'gov_officer', regionCode: '120116', regionPath: BINHAI }),
  'officer of Heping': user({ role: 'gov_officer', regionCode: '120101', regionPath: HEPING }),
  'platform admin': user({ role: 'platform_admin' }),
  system: systemActor(),
};

/** Every status × restricted or not, in Binhai, owned by OWN_ORG. */
const RECORDS: Array<RecordFacts & { id: number }> = RECORD_STATUSES.flatMap((status, i) =>
  [false, true].map((restricted) => ({
    id: i * 2 + (restricted ? 1 : 0),
    kind: 'achievement' as const,
    organizationId: OWN_ORG,
    regionPath: `${BINHAI}12011601/`,
    status: status as RecordStatus,
    restricted,
  })),
);

const dialect = new PgDialect();
const columns = {
  organizationId: sql.raw('t.organization_id'),
  regionPath: sql.raw('t.region_path'),
  status: sql.raw('t.status'),
  restricted: sql.raw('t.restricted'),
};
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec(
    'CREATE TABLE recs (id int PRIMARY KEY, organization_id uuid NOT NULL, region_path text NOT NULL, status text NOT NULL, restricted boolean NOT NULL)',
  );
  for (const r of RECORDS)
    await pg.query('INSERT INTO recs VALUES ($1, $2, $3, $4, $5)', [r.id, r.organizationId, r.regionPath, r.status, r.restricted]);
}, 60_000);
afterAll(() => pg?.close());

async function idsBySql(actor: Actor, publicOnly: boolean): Promise<number[]> {
  const where = dialect.sqlToQuery(visibleRecordsSql(recordScope(actor), columns, { publicOnly }));
  const res = await pg.query<{ id: number }>(`SELECT id FROM recs t WHERE ${where.sql} ORDER BY id`, where.params);
  return res.rows.map((r) => r.id);
}

const label = (r: VisibilityFacts) => `${r.status}${r.restricted ? ' (restricted)' : ''}`;

describe('one visibility rule', { timeout: 60_000 }, () => {
  for (const [name, actor] of Object.entries(ACTORS)) {
    it(`${name}: the SQL and the single-record check see the same records`, async () => {
      const single = RECORDS.filter((r) => canSeeRecord(actor, r)).map((r) => r.id);
      expect(await idsBySql(actor, false)).toEqual(single);
      const listed = RECORDS.filter((r) => scopeSees(recordScope(actor), r, { publicOnly: true })).map((r) => r.id);
      expect(await idsBySql(actor, true)).toEqual(listed);
      // Search lists exactly the visible records in a public status.
      expect(listed).toEqual(
        RECORDS.filter((r) => canSeeRecord(actor, r) && ['published', 'in_trade', 'transferred', 'closed'].includes(r.status)).map(
          (r) => r.id,
        ),
      );
    });
  }

  it('says what people expect', () => {
    const seen = (name: string) => RECORDS.filter((r) => canSeeRecord(ACTORS[name]!, r)).map(label);
    const PUBLIC = ['published', 'in_trade', 'transferred', 'closed'];
    expect(seen('anonymous')).toEqual(PUBLIC);
    expect(seen('member elsewhere')).toEqual(PUBLIC);
    // Owners see every status of their own records, restricted or not.
    expect(seen('member of the owner')).toHaveLength(RECORDS.length);
    expect(seen('broker of the owner')).toHaveLength(RECORDS.length);
    // The officer in scope: no drafts; restricted records in any other status; unrestricted ones once submitted.
    expect(seen('officer of Binhai')).toEqual(RECORDS.filter((r) => r.status !== 'draft').map(label));
    // Out of scope: the public's view.
    expect(seen('officer of Heping')).toEqual(PUBLIC);
    expect(seen('platform admin')).toEqual(RECORDS.filter((r) => r.status !== 'draft').map(label));
    expect(seen('system')).toHaveLength(RECORDS.length);
  });
});

describe('the confidential part under an export-control hold', () => {
  it('is closed only to a party outside mainland China, only while the record is held, never to the owner', () => {
    const cases: Array<[owner: boolean, outsideMainland: boolean, exportHeld: boolean, sees: boolean]> = [
      [false, true, true, false],
      [false, true, false, true],
      [false, false, true, true],
      [true, true, true, true],
      [false, false, false, true],
    ];
    for (const [owner, outsideMainland, exportHeld, sees] of cases)
      expect(seesConfidentialPart({ owner, outsideMainland, exportHeld }), JSON.stringify({ owner, outsideMainland, exportHeld })).toBe(
        sees,
      );
  });
});
