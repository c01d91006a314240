/**
 * Bulk import of the broker registry as xlsx through the spreadsheet engine (the sheet is declared
 * in xlsx-columns.ts). All or nothing: every row is read and checked (employer on the platform and
 * within the keeper's region, certificate numbers unique, no training in the future, not already
 * registered); only then are the entries, their trainings and accreditations written in one
 * transaction, each with the audit entries the single-entry routes write.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { ImportRequest } from '../../lib/spreadsheet/routes.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import {
  getImportJob as jobOf,
  readWorkbook,
  runImport,
  workbookBuffer,
  type ImportResult,
  type RowIssue,
} from '../../lib/spreadsheet/index.js';
import { activeOrganizationsByCreditCode } from '../organizations/lookups.js';
import { today } from './records.js';
import { brokerAccreditations, brokers, brokerTrainings } from './schema.js';
import { mayManage } from './service.js';
import { brokerSheet, type BrokerImportRow } from './xlsx-columns.js';

const KIND = 'brokers';
const INSERT_CHUNK = 200;

type Item = BrokerImportRow & { employingOrganizationId: string | null };

export function buildBrokerTemplate(opts: { actor: Actor }): Promise<Buffer> {
  requirePermission(opts.actor, 'broker:manage');
  return workbookBuffer(brokerSheet, null);
}

const issue = (row: number, field: string, message: string): RowIssue => ({ row, field, message: `${field}: ${message}` });

async function registeredCertificates(db: DbOrTx, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await db
    .select({ n: brokerAccreditations.certificateNumber })
    .from(brokerAccreditations)
    .where(inArray(brokerAccreditations.certificateNumber, numbers));
  return new Set(rows.map((r) => r.n));
}

/** Entries already in the registry under the same name at the same employer (or employed nowhere). */
async function registeredNames(db: DbOrTx, items: Item[]): Promise<Set<string>> {
  if (!items.length) return new Set();
  const rows = await db
    .select({ name: brokers.name, employer: brokers.employingOrganizationId })
    .from(brokers)
    .where(
      or(
        ...items.map((i) =>
          and(
            eq(brokers.name, i.name),
            i.employingOrganizationId
              ? eq(brokers.employingOrganizationId, i.employingOrganizationId)
              : isNull(brokers.employingOrganizationId),
          ),
        ),
      ),
    );
  return new Set(rows.map((r) => `${r.name}|${r.employer ?? ''}`));
}

export async function importBrokers(opts: ImportRequest): Promise<ImportResult> {
  const { db, actor } = opts;
  requirePermission(actor, 'broker:manage');
  requireUser(actor);
  return runImport<BrokerImportRow, Item>({
    db,
    userId: actor.userId,
    organizationId: null,
    kind: KIND,
    jobId: opts.jobId,
    file: opts.file,
    liveProgress: opts.liveProgress,
    read: (file) => readWorkbook(brokerSheet, file, { ctx: undefined }),
    prepare: async (rows) => {
      const issues: RowIssue[] = rows.flatMap((r) => r.issues);
      const good = rows.filter((r) => r.input);
      const codes = [...new Set(good.map((r) => r.input!.employerCreditCode).filter((c): c is string => !!c))];
      const orgs = new Map((await activeOrganizationsByCreditCode(db, codes)).map((o) => [o.creditCode, o.id]));
      const certs = good.map((r) => r.input!.accreditation?.certificateNumber).filter((c): c is string => !!c);
      const taken = await registeredCertificates(db, certs);
      const seenCerts = new Map<string, number>();
      const seenNames = new Map<string, number>();
      const items: Array<{ row: number; item: Item }> = [];
      const named: Array<{ row: number; item: Item }> = [];
      const maySee = new Map<string | null, boolean>();
      for (const r of good) {
        const input = r.input!;
        const before = issues.length;
        const employer = input.employerCreditCode ? orgs.get(input.employerCreditCode) : null;
        if (employer === undefined)
          issues.push(
            issue(r.row, '所在机构统一社会信用代码', `no active organisation on the platform has the code ${input.employerCreditCode}`),
          );
        else {
          if (!maySee.has(employer)) maySee.set(employer, await mayManage(db, actor, employer));
          if (!maySee.get(employer)) issues.push(issue(r.row, '所在机构统一社会信用代码', 'the institution is outside your region'));
        }
        const cert = input.accreditation?.certificateNumber;
        if (cert && taken.has(cert)) issues.push(issue(r.row, '证书编号', `${cert} is already registered`));
        else if (cert && seenCerts.has(cert)) issues.push(issue(r.row, '证书编号', `${cert} is also on row ${seenCerts.get(cert)}`));
        if (cert) seenCerts.set(cert, r.row);
        const future = input.trainings.find((t) => t.completedOn > today());
        if (future) issues.push(issue(r.row, '培训记录', `「${future.course}」 is dated in the future (${future.completedOn})`));
        const key = `${input.name}|${employer ?? ''}`;
        if (seenNames.has(key))
          issues.push(issue(r.row, '姓名', `${input.name} at the same institution is also on row ${seenNames.get(key)}`));
        seenNames.set(key, r.row);
        const item = { ...input, employingOrganizationId: employer ?? null };
        if (employer !== undefined) named.push({ row: r.row, item });
        if (issues.length === before) items.push({ row: r.row, item });
      }
      const already = await registeredNames(
        db,
        named.map((i) => i.item),
      );
      for (const { row, item } of named)
        if (already.has(`${item.name}|${item.employingOrganizationId ?? ''}`))
          issues.push(issue(row, '姓名', `${item.name} at this institution is already in the registry`));
      const failed = new Set(issues.map((i) => i.row));
      return { items: items.filter((i) => !failed.has(i.row)).map((i) => i.item), issues };
    },
    insert: async (tx, items, progress) => {
      const ids: string[] = [];
      const now = clock.now();
      for (let start = 0; start < items.length; start += INSERT_CHUNK) {
        const chunk = items.slice(start, start + INSERT_CHUNK);
        const rows = chunk.map((input) => ({
          id: newId(),
          userId: null,
          name: input.name,
          employingOrganizationId: input.employingOrganizationId,
          status: 'active',
          specialties: input.specialties,
          bio: input.bio,
          phone: input.phone ?? null,
          email: input.email ?? null,
          statusReason: null,
          createdAt: now,
          updatedAt: now,
        }));
        await tx.insert(brokers).values(rows);
        for (const [i, row] of rows.entries()) {
          const input = chunk[i]!;
          const trainings = input.trainings.map((t) => ({
            id: newId(),
            brokerId: row.id,
            ...t,
            certificateNumber: t.certificateNumber ?? null,
            provider: t.provider ?? null,
            createdAt: now,
          }));
          if (trainings.length) await tx.insert(brokerTrainings).values(trainings);
          const acc = input.accreditation
            ? { id: newId(), brokerId: row.id, ...input.accreditation, revoked: false, revokeReason: null, createdAt: now }
            : null;
          if (acc) await tx.insert(brokerAccreditations).values(acc);
          const audit = { entity: 'broker', entityId: row.id, organizationId: row.employingOrganizationId };
          await writeAudit(tx, actor, { action: 'broker.register', ...audit, after: { ...row, importedBy: 'xlsx' } });
          for (const t of trainings) await writeAudit(tx, actor, { action: 'broker.train', ...audit, after: t });
          if (acc) await writeAudit(tx, actor, { action: 'broker.accredit', ...audit, after: acc });
          ids.push(row.id);
        }
        progress(start + chunk.length);
      }
      return ids;
    },
  });
}

/** One registry import job, for the keeper who started it only (anyone else gets 404). */
export async function getBrokerImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'broker:manage');
  requireUser(opts.actor);
  return jobOf(opts.db, { userId: opts.actor.userId, id: opts.id, kinds: [KIND] });
}
