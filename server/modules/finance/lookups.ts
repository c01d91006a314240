import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { smeAssessments } from './schema.js';

/**
 * The 科技型中小企业 result other modules filter on (subsidy programmes, banks): did the organisation
 * pass the self-assessment for this year? (国科发政〔2017〕115号; the assessment is the applicant's own,
 * stored per organisation and year.)
 */
export async function smeQualified(db: DbOrTx, organizationId: string, year: number): Promise<boolean> {
  const [row] = await db
    .select({ qualified: smeAssessments.qualified })
    .from(smeAssessments)
    .where(and(eq(smeAssessments.organizationId, organizationId), eq(smeAssessments.year, year)));
  return row?.qualified ?? false;
}

/** Of these organisations, the ones qualified for the year. */
export async function smeQualifiedAmong(db: DbOrTx, organizationIds: string[], year: number): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: smeAssessments.organizationId })
    .from(smeAssessments)
    .where(and(inArray(smeAssessments.organizationId, organizationIds), eq(smeAssessments.year, year), eq(smeAssessments.qualified, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The 科技型中小企业 standing an organisation has in a calendar year: the evaluation made in year N
 * on the figures of year N−1 holds for year N (国科发政〔2017〕115号: evaluated and 入库 each year), so the
 * assessment of the figures of the year before counts, or of this year's if already made — the latest
 * wins. Absent from the map: no assessment in force (not known).
 */
export async function smeStandingAmong(
  db: DbOrTx,
  organizationIds: string[],
  year: number,
): Promise<Map<string, { year: number; qualified: boolean }>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: smeAssessments.organizationId, year: smeAssessments.year, qualified: smeAssessments.qualified })
    .from(smeAssessments)
    .where(and(inArray(smeAssessments.organizationId, organizationIds), inArray(smeAssessments.year, [year - 1, year])));
  const standing = new Map<string, { year: number; qualified: boolean }>();
  for (const r of rows) {
    const seen = standing.get(r.id);
    if (!seen || r.year > seen.year) standing.set(r.id, { year: r.year, qualified: r.qualified });
  }
  return standing;
}
