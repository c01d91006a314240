import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceRecord } from '../../../common/api/institutions.js';
import type { DbOrTx } from '../../db/client.js';
import { localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { brokersEmployedBy } from '../brokers/records.js';
import { registeredContractFacts } from '../contracts/brokered.js';
import { dealOutcomes } from '../trading/deals.js';
import { fullYearsBetween, type Figures } from './rules.js';
import { demonstrationTitles, institutionProfiles } from './schema.js';

/**
 * Service records computed from the platform, never typed in: registered contracts the institution
 * brokered (as the contract's intermediary party, or through a broker it employs), the platform deals
 * they came from, the enterprises on either side, and its own registered consulting/service income.
 */
export type ProfileRow = typeof institutionProfiles.$inferSelect;
export type TitleRow = typeof demonstrationTitles.$inferSelect;

export const today = () => localDateOf(clock.now());
const EMPTY: ServiceRecord = {
  dealsBrokered: 0,
  contractAmountFen: 0,
  technologyTransactionAmountFen: 0,
  completedDeals: 0,
  enterprisesServed: 0,
  serviceIncomeFen: 0,
};
/** Own income: the technical consulting and service contracts (技术咨询, 技术服务 incl. 技术中介) it sold. */
const INCOME_TYPES = ['consulting', 'service'];

export async function serviceRecords(db: DbOrTx, organizationIds: string[], year?: number): Promise<Map<string, ServiceRecord>> {
  const out = new Map<string, ServiceRecord>(organizationIds.map((id) => [id, { ...EMPTY }]));
  if (organizationIds.length === 0) return out;
  const bounds = year ? { certifiedFrom: startOfLocalDate(`${year}-01-01`), certifiedBefore: startOfLocalDate(`${year + 1}-01-01`) } : {};
  const brokers = await brokersEmployedBy(db, organizationIds);
  const employerOf = new Map(brokers.filter((b) => b.userId).map((b) => [b.userId!, b.organizationId]));
  const facts = await registeredContractFacts(db, {
    intermediaryOrganizationIds: organizationIds,
    brokerUserIds: [...employerOf.keys()],
    ...bounds,
  });
  const deals = await dealOutcomes(
    db,
    facts.flatMap((f) => (f.dealId ? [f.dealId] : [])),
  );
  const enterprises = new Map<string, Set<string>>();
  for (const f of facts) {
    const owners = new Set<string>();
    if (f.intermediaryOrganizationId && out.has(f.intermediaryOrganizationId)) owners.add(f.intermediaryOrganizationId);
    const viaBroker = f.brokerUserId ? employerOf.get(f.brokerUserId) : undefined;
    if (viaBroker) owners.add(viaBroker);
    for (const org of owners) {
      const r = out.get(org)!;
      r.dealsBrokered += 1;
      r.contractAmountFen += f.contractAmountFen;
      r.technologyTransactionAmountFen += f.technologyTransactionAmountFen;
      if (f.dealId && deals.get(f.dealId)?.status === 'completed') r.completedDeals += 1;
      const set = enterprises.get(org) ?? new Set<string>();
      for (const p of [f.seller, f.buyer]) if (p.organizationType === 'enterprise') set.add(p.organizationId ?? `name:${p.name}`);
      enterprises.set(org, set);
    }
  }
  for (const [org, set] of enterprises) out.get(org)!.enterprisesServed = set.size;
  const income = await registeredContractFacts(db, { sellerOrganizationIds: organizationIds, ...bounds });
  for (const f of income)
    if (INCOME_TYPES.includes(f.type) && f.seller.organizationId && out.has(f.seller.organizationId))
      out.get(f.seller.organizationId)!.serviceIncomeFen += f.contractAmountFen;
  return out;
}

export async function profilesOf(db: DbOrTx, organizationIds: string[]): Promise<Map<string, ProfileRow>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db.select().from(institutionProfiles).where(inArray(institutionProfiles.organizationId, organizationIds));
  return new Map(rows.map((r) => [r.organizationId, r]));
}

export async function titlesOf(db: DbOrTx, organizationIds: string[]): Promise<Map<string, TitleRow[]>> {
  const out = new Map<string, TitleRow[]>();
  if (organizationIds.length === 0) return out;
  const rows = await db.select().from(demonstrationTitles).where(inArray(demonstrationTitles.organizationId, organizationIds));
  for (const r of rows) out.set(r.organizationId, [...(out.get(r.organizationId) ?? []), r]);
  return out;
}

/** A title as read today: held past its expiry date reads expired. */
export function titleStatusOn(t: Pick<TitleRow, 'status' | 'expiresOn'>, day: string): 'held' | 'lost' | 'expired' {
  if (t.status === 'held' && day > t.expiresOn) return 'expired';
  return t.status as 'held' | 'lost' | 'expired';
}

export async function heldTitles(db: DbOrTx): Promise<TitleRow[]> {
  return db
    .select()
    .from(demonstrationTitles)
    .where(and(eq(demonstrationTitles.status, 'held')));
}

/**
 * What the platform knows for an application to a round of `year` ("last year" = year − 1):
 * operating years and staff from the profile, certified brokers from the registry, deals and
 * contract amounts from registered contracts; income and complaints as declared (income falls back
 * to the platform's registered service income).
 */
export async function prefillFigures(
  db: DbOrTx,
  organizationId: string,
  year: number,
  declared: { incomeLastYearFen: number | null; complaintsLast2Years: number | null },
): Promise<Figures> {
  const day = today();
  const profile = (await profilesOf(db, [organizationId])).get(organizationId);
  const brokers = await brokersEmployedBy(db, [organizationId], day);
  const last = (await serviceRecords(db, [organizationId], year - 1)).get(organizationId)!;
  return {
    years_operating: { value: profile ? fullYearsBetween(profile.foundedOn, day) : null, origin: 'profile' },
    certified_brokers: { value: brokers.filter((b) => b.certified).length, origin: 'platform' },
    full_time_staff: { value: profile?.fullTimeStaff ?? null, origin: 'profile' },
    deals_last_year: { value: last.dealsBrokered, origin: 'platform' },
    contract_amount_last_year_fen: { value: last.contractAmountFen, origin: 'platform' },
    income_last_year_fen:
      declared.incomeLastYearFen !== null
        ? { value: declared.incomeLastYearFen, origin: 'declared' }
        : { value: last.serviceIncomeFen, origin: 'platform' },
    complaints_last_2_years: { value: declared.complaintsLast2Years, origin: 'declared' },
  };
}
