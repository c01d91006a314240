import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { TrackRecord } from '../../../common/api/brokers.js';
import type { DbOrTx } from '../../db/client.js';
import { localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { registeredContractFacts, type RegisteredContractFact } from '../contracts/brokered.js';
import { dealOutcomes } from '../trading/deals.js';
import { currentTier } from './lifecycle.js';
import { brokerAccreditations, brokerDeclarations, brokers, brokerTrainings } from './schema.js';

/** Reading the registry with what views and other modules need: tier today, training hours, track record. */
export type BrokerRow = typeof brokers.$inferSelect;
export type AccreditationRow = typeof brokerAccreditations.$inferSelect;
export type TrainingRow = typeof brokerTrainings.$inferSelect;
export type DeclarationRow = typeof brokerDeclarations.$inferSelect;

export const today = () => localDateOf(clock.now());

export async function findBrokerRows(db: DbOrTx, where?: SQL): Promise<BrokerRow[]> {
  return db.select().from(brokers).where(where).orderBy(asc(brokers.name), asc(brokers.id));
}

export function brokerFilter(q: { q?: string; organizationId?: string; statuses?: string[] }): SQL | undefined {
  const term = q.q?.trim();
  return and(
    q.statuses ? inArray(brokers.status, q.statuses) : undefined,
    q.organizationId ? eq(brokers.employingOrganizationId, q.organizationId) : undefined,
    term ? or(ilike(brokers.name, `%${term}%`), ilike(brokers.specialties, `%${term}%`)) : undefined,
  );
}

export async function accreditationsOf(db: DbOrTx, brokerIds: string[]): Promise<Map<string, AccreditationRow[]>> {
  const out = new Map<string, AccreditationRow[]>();
  if (brokerIds.length === 0) return out;
  const rows = await db
    .select()
    .from(brokerAccreditations)
    .where(inArray(brokerAccreditations.brokerId, brokerIds))
    .orderBy(asc(brokerAccreditations.issuedOn));
  for (const r of rows) out.set(r.brokerId, [...(out.get(r.brokerId) ?? []), r]);
  return out;
}

export async function trainingsOf(db: DbOrTx, brokerIds: string[]): Promise<Map<string, TrainingRow[]>> {
  const out = new Map<string, TrainingRow[]>();
  if (brokerIds.length === 0) return out;
  const rows = await db
    .select()
    .from(brokerTrainings)
    .where(inArray(brokerTrainings.brokerId, brokerIds))
    .orderBy(asc(brokerTrainings.completedOn));
  for (const r of rows) out.set(r.brokerId, [...(out.get(r.brokerId) ?? []), r]);
  return out;
}

export const EMPTY_RECORD: TrackRecord = { contracts: 0, contractAmountFen: 0, technologyTransactionAmountFen: 0, completedDeals: 0 };

/** The year's bounds in Beijing time, as instants. */
export function yearBounds(year: number): { from: Date; before: Date } {
  return { from: startOfLocalDate(`${year}-01-01`), before: startOfLocalDate(`${year + 1}-01-01`) };
}

/**
 * Track records computed ONLY from registered contracts naming the broker's account and the platform
 * deals those contracts came from (completed). Nothing is typed in.
 */
export async function trackRecords(
  db: DbOrTx,
  rows: Array<Pick<BrokerRow, 'id' | 'userId'>>,
  year?: number,
): Promise<{ records: Map<string, TrackRecord>; facts: Map<string, RegisteredContractFact[]> }> {
  const byUser = new Map(rows.filter((r) => r.userId).map((r) => [r.userId!, r.id]));
  const bounds = year ? yearBounds(year) : null;
  const facts = await registeredContractFacts(db, {
    brokerUserIds: [...byUser.keys()],
    certifiedFrom: bounds?.from,
    certifiedBefore: bounds?.before,
  });
  const deals = await dealOutcomes(
    db,
    facts.flatMap((f) => (f.dealId ? [f.dealId] : [])),
  );
  const records = new Map<string, TrackRecord>(rows.map((r) => [r.id, { ...EMPTY_RECORD }]));
  const byBroker = new Map<string, RegisteredContractFact[]>();
  for (const f of facts) {
    const id = byUser.get(f.brokerUserId!);
    if (!id) continue;
    const r = records.get(id)!;
    r.contracts += 1;
    r.contractAmountFen += f.contractAmountFen;
    r.technologyTransactionAmountFen += f.technologyTransactionAmountFen;
    if (f.dealId && deals.get(f.dealId)?.status === 'completed') r.completedDeals += 1;
    byBroker.set(id, [...(byBroker.get(id) ?? []), f]);
  }
  return { records, facts: byBroker };
}

/**
 * The brokers an organisation employs, with their tier today and whether they hold a valid
 * accreditation — for the institutions module (profiles, demonstration thresholds).
 */
export async function brokersEmployedBy(
  db: DbOrTx,
  organizationIds: string[],
  onDate: string = today(),
): Promise<Array<{ id: string; userId: string | null; name: string; organizationId: string; tier: string | null; certified: boolean }>> {
  if (organizationIds.length === 0) return [];
  const rows = await findBrokerRows(db, and(inArray(brokers.employingOrganizationId, organizationIds), eq(brokers.status, 'active')));
  const acc = await accreditationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const tier = currentTier(acc.get(r.id) ?? [], onDate);
    return { id: r.id, userId: r.userId, name: r.name, organizationId: r.employingOrganizationId!, tier, certified: tier !== null };
  });
}
