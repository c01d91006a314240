import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { notify } from '../alerts/notify.js';
import { organizationUserIdsWithRoles } from '../identity/members.js';
import { AWAITING_DECISION } from './lifecycle.js';
import { DISCLOSURE_PARAMETERS as P } from './parameters.js';
import { inventionDisclosures } from './schema.js';
import { TTO_ROLES } from './service.js';

const DAY_MS = 86_400_000;

/**
 * Tells the organisation's TTO staff of disclosures whose decision is due within the reminder window,
 * and once more when overdue. Each reminder is claimed on the row (`reminder_*_at IS NULL`), so a
 * rerun or a second process sends it once; a resubmission clears the claims with the new due date.
 */
export async function sendDecisionReminders(opts: { db: Db }): Promise<{ dueSoon: number; overdue: number }> {
  const actor = systemActor('disclosures.decision_reminders');
  const now = clock.now();
  const counts = { dueSoon: 0, overdue: 0 };
  for (const kind of ['overdue', 'dueSoon'] as const) {
    const column = kind === 'overdue' ? inventionDisclosures.reminderOverdueAt : inventionDisclosures.reminderDueSoonAt;
    const threshold = kind === 'overdue' ? now : new Date(now.getTime() + P.reminderDaysBefore.value * DAY_MS);
    const due = await opts.db
      .select({ id: inventionDisclosures.id })
      .from(inventionDisclosures)
      .where(
        and(
          inArray(inventionDisclosures.status, [...AWAITING_DECISION]),
          isNull(column),
          lte(inventionDisclosures.decisionDueAt, threshold),
        ),
      )
      .limit(500);
    for (const { id } of due) {
      await opts.db.transaction(async (tx) => {
        const [row] = await tx
          .update(inventionDisclosures)
          .set(
            kind === 'overdue'
              ? { reminderOverdueAt: now, reminderDueSoonAt: sql`COALESCE(reminder_due_soon_at, ${now})` }
              : { reminderDueSoonAt: now },
          )
          .where(and(eq(inventionDisclosures.id, id), isNull(column), inArray(inventionDisclosures.status, [...AWAITING_DECISION])))
          .returning();
        if (!row) return;
        counts[kind] += 1;
        const dueOn = row.decisionDueAt!.toISOString().slice(0, 10);
        await notify(tx, {
          userIds: await organizationUserIdsWithRoles(tx, row.organizationId, TTO_ROLES),
          kind: kind === 'overdue' ? 'disclosure_overdue' : 'disclosure_due_soon',
          title: kind === 'overdue' ? `职务发明披露「${row.title}」已超过处置期限` : `职务发明披露「${row.title}」临近处置期限`,
          body: `处置期限：${dueOn}（完整披露后 ${P.decisionMonths.value} 个月）`,
          link: `/workspace/disclosures/${row.id}`,
          needsAction: true,
        });
        await writeAudit(tx, actor, {
          action: 'disclosure.decision_reminder',
          entity: 'disclosure',
          entityId: row.id,
          organizationId: row.organizationId,
          after: { kind, decisionDueAt: row.decisionDueAt },
        });
      });
    }
  }
  return counts;
}
