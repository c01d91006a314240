import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { InstitutionSummary, InstitutionsQuery, InstitutionView, ProfileBody, ServiceType } from '../../../common/api/institutions.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { brokersEmployedBy } from '../brokers/records.js';
import { activeOrganizationsOfType } from '../organizations/lookups.js';
import { findOrganization } from '../organizations/repository.js';
import { ownsInstitution, requireOwnInstitution } from './policy.js';
import { profilesOf, serviceRecords, titlesOf, titleStatusOn, today, type ProfileRow, type TitleRow } from './records.js';
import { allianceMembers, alliances, demonstrationRounds, institutionProfiles } from './schema.js';

/** The public directory of technology-transfer institutions and their profiles. */
const TYPE = 'transfer_institution';

async function titleViews(db: DbOrTx, titles: TitleRow[]) {
  if (titles.length === 0) return [];
  const rounds = await db
    .select({ id: demonstrationRounds.id, year: demonstrationRounds.year })
    .from(demonstrationRounds)
    .where(
      inArray(
        demonstrationRounds.id,
        titles.map((t) => t.roundId),
      ),
    );
  const year = new Map(rounds.map((r) => [r.id, r.year]));
  const day = today();
  return titles
    .map((t) => ({
      roundId: t.roundId,
      year: year.get(t.roundId) ?? 0,
      status: titleStatusOn(t, day),
      awardedOn: t.awardedOn,
      expiresOn: t.expiresOn,
      failingYears: t.failingYears,
    }))
    .sort((a, b) => b.year - a.year);
}

async function summaries(db: DbOrTx, orgs: Array<{ id: string; name: string; regionCode: string }>): Promise<InstitutionSummary[]> {
  const ids = orgs.map((o) => o.id);
  const [profiles, records, brokers, titles] = [
    await profilesOf(db, ids),
    await serviceRecords(db, ids),
    await brokersEmployedBy(db, ids),
    await titlesOf(db, ids),
  ];
  const out: InstitutionSummary[] = [];
  for (const o of orgs) {
    const p: ProfileRow | undefined = profiles.get(o.id);
    const views = await titleViews(db, titles.get(o.id) ?? []);
    out.push({
      id: o.id,
      name: o.name,
      regionCode: o.regionCode,
      hasProfile: !!p,
      services: (p?.services ?? []) as ServiceType[],
      foundedOn: p?.foundedOn ?? null,
      fullTimeStaff: p?.fullTimeStaff ?? null,
      certifiedBrokers: brokers.filter((b) => b.organizationId === o.id && b.certified).length,
      serviceRecord: records.get(o.id)!,
      demonstration: views.find((t) => t.status === 'held') ?? null,
    });
  }
  return out;
}

export async function listInstitutions(opts: { db: DbOrTx; query: z.infer<typeof InstitutionsQuery> }) {
  const { query } = opts;
  const orgs = await activeOrganizationsOfType(opts.db, TYPE, { nameContains: query.q });
  let items = await summaries(opts.db, orgs);
  if (query.service) items = items.filter((i) => i.services.includes(query.service!));
  if (query.demonstration) items = items.filter((i) => (i.demonstration !== null) === (query.demonstration === 'true'));
  // Demonstration institutions first, then by registered contract amount brokered.
  items.sort(
    (a, b) =>
      Number(b.demonstration !== null) - Number(a.demonstration !== null) ||
      b.serviceRecord.contractAmountFen - a.serviceRecord.contractAmountFen ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}

export async function getInstitution(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<InstitutionView> {
  const org = await findOrganization(opts.db, opts.id);
  if (!org || org.type !== TYPE || org.status !== 'active') throw AppError.notFound('Institution');
  const [summary] = await summaries(opts.db, [org]);
  const profile = (await profilesOf(opts.db, [org.id])).get(org.id);
  const brokers = await brokersEmployedBy(opts.db, [org.id]);
  const titles = await titleViews(opts.db, (await titlesOf(opts.db, [org.id])).get(org.id) ?? []);
  const memberships = await opts.db
    .select({ id: alliances.id, name: alliances.name, lead: alliances.leadOrganizationId })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(eq(allianceMembers.organizationId, org.id));
  const year = Number(today().slice(0, 4)) - 1;
  const lastYear = (await serviceRecords(opts.db, [org.id], year)).get(org.id)!;
  const own = ownsInstitution(opts.actor, org.id);
  return {
    ...summary!,
    description: org.description,
    website: org.website,
    serviceDescription: profile?.serviceDescription ?? '',
    totalStaff: profile?.totalStaff ?? null,
    brokers: brokers.map((b) => ({ id: b.id, name: b.name, tier: b.tier, certified: b.certified })),
    titles,
    alliances: memberships.map((m) => ({ id: m.id, name: m.name, lead: m.lead === org.id })),
    lastYear: { year, record: lastYear },
    actions: own ? ['edit_profile', 'apply'] : [],
  };
}

export async function updateProfile(opts: { db: Db; actor: Actor; id: string; input: ProfileBody }) {
  requireOwnInstitution(opts.actor, opts.id);
  const org = await findOrganization(opts.db, opts.id);
  if (!org || org.type !== TYPE) throw AppError.notFound('Institution');
  if (org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  const { input } = opts;
  if (input.foundedOn > today()) throw AppError.validation('body.foundedOn', 'is in the future');
  if (input.fullTimeStaff > input.totalStaff) throw AppError.validation('body.fullTimeStaff', 'is more than the total staff');
  const row = { organizationId: org.id, ...input, services: [...new Set(input.services)], updatedAt: clock.now() };
  await opts.db.transaction(async (tx) => {
    const before = (await profilesOf(tx, [org.id])).get(org.id) ?? null;
    await tx.insert(institutionProfiles).values(row).onConflictDoUpdate({ target: institutionProfiles.organizationId, set: row });
    await writeAudit(tx, opts.actor, {
      action: 'institution.update_profile',
      entity: 'institution',
      entityId: org.id,
      organizationId: org.id,
      before: before ? { ...before } : null,
      after: row,
    });
  });
}
