import type { DistributionView } from '../../../common/api/distributions.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { ROUTE_FORM } from './arithmetic.js';
import { TAX_NOTES } from './parameters.js';
import { distributionActions, partiesOf, problemsOf, type DistributionRow } from './service.js';

export async function presentDistributions(db: DbOrTx, actor: Actor, rows: DistributionRow[]): Promise<DistributionView[]> {
  const orgs = await organizationsByIds(
    db,
    rows.map((r) => r.organizationId),
  );
  return rows.map((row) => {
    const form = ROUTE_FORM[row.route as keyof typeof ROUTE_FORM];
    const notes = form === 'equity' ? [TAX_NOTES.equity, TAX_NOTES.wageCap] : [TAX_NOTES.cash, TAX_NOTES.wageCap];
    const staff = partiesOf(actor, row).length > 0;
    // An inventor who is not TTO staff sees only their own statement.
    const own = (l: DistributionRow['lines'][number]) => staff || l.userId === actor.userId;
    return {
      id: row.id,
      organization: { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' },
      sourceKind: row.sourceKind as 'deal' | 'contract',
      sourceId: row.sourceId,
      sourceTitle: row.sourceTitle,
      route: row.route as DistributionView['route'],
      profitYear: row.profitYear,
      implementationYears: row.implementationYears,
      achievementId: row.achievementId,
      status: row.status as DistributionView['status'],
      receipts: row.receipts,
      costs: row.costs,
      grossIncomeFen: row.grossIncomeFen,
      costsFen: row.costsFen,
      netIncomeFen: row.netIncomeFen,
      teamSharePct: row.teamShareBp / 100,
      floorPct: row.floorBp / 100,
      floorSource: row.floorSource,
      organizationRule: row.organizationRule,
      mainContributorsMinPct: row.mainContributorsMinBp != null ? row.mainContributorsMinBp / 100 : null,
      teamShareFen: row.teamShareFen,
      statements: row.lines.filter(own).map((l) => ({
        id: l.id,
        name: l.name,
        userId: l.userId,
        contributionPct: l.contributionBp / 100,
        mainContributor: l.mainContributor,
        form,
        amountFen: l.amountFen,
        taxNotes: notes,
      })),
      problems: row.status === 'draft' ? problemsOf(row) : [],
      attachments: row.attachments,
      createdBy: row.createdBy,
      submittedBy: row.submittedBy,
      approvedBy: row.approvedBy,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      paidAt: row.paidAt?.toISOString() ?? null,
      paymentReference: row.paymentReference,
      returnReason: row.returnReason,
      createdAt: row.createdAt.toISOString(),
      actions: distributionActions(actor, row),
    };
  });
}
