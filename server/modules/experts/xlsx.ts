/**
 * Bulk import of the expert pool as xlsx through the spreadsheet engine (the sheet is declared in
 * xlsx-columns.ts). All or nothing: every row is read and checked (fields of the taxonomy, the
 * employer on the platform when a credit code is given, nobody already in the pool under the same
 * name and organisation); only then are the profiles written in one transaction, each audited as
 * `expert.create` like a profile made in the form.
 */
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ImportRequest } from '../../lib/spreadsheet/routes.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import {
  codeLookup,
  getImportJob as jobOf,
  readWorkbook,
  runImport,
  squash,
  workbookBuffer,
  type ImportResult,
  type RowIssue,
} from '../../lib/spreadsheet/index.js';
import { technicalFieldNames } from '../catalog/repository.js';
import { activeOrganizationsByCreditCode } from '../organizations/lookups.js';
import { experts } from './schema.js';
import type { ExpertRow } from './service.js';
import { expertSheet, type ExpertImportRow } from './xlsx-columns.js';

const KIND = 'experts';
const INSERT_CHUNK = 200;

type Item = ExpertImportRow & { organizationId: string | null; organizationName: string };

async function fieldList(db: Db) {
  return [...(await technicalFieldNames(db)).entries()]
    .map(([code, nameZh]) => ({ code, nameZh }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export async function buildExpertTemplate(opts: { db: Db; actor: Actor }): Promise<Buffer> {
  requirePermission(opts.actor, 'expert:manage');
  return workbookBuffer(expertSheet(await fieldList(opts.db)), null);
}

const issue = (row: number, field: string, message: string): RowIssue => ({ row, field, message: `${field}: ${message}` });
const key = (name: string, org: string) => `${squash(name)}|${squash(org)}`;

export async function importExperts(opts: ImportRequest): Promise<ImportResult> {
  const { db, actor } = opts;
  requirePermission(actor, 'expert:manage');
  requireUser(actor);
  return runImport<ExpertImportRow, Item>({
    db,
    userId: actor.userId,
    organizationId: null,
    kind: KIND,
    jobId: opts.jobId,
    file: opts.file,
    liveProgress: opts.liveProgress,
    read: async (file) => {
      const fields = await fieldList(db);
      return readWorkbook(expertSheet(fields), file, { ctx: { fieldCodes: codeLookup(fields) } });
    },
    prepare: async (rows) => {
      const issues: RowIssue[] = rows.flatMap((r) => r.issues);
      const good = rows.filter((r) => r.input);
      const codes = [...new Set(good.map((r) => r.input!.organizationCreditCode).filter((c): c is string => !!c))];
      const orgs = new Map((await activeOrganizationsByCreditCode(db, codes)).map((o) => [o.creditCode, o]));
      const items: Array<{ row: number; item: Item }> = [];
      const seen = new Map<string, number>();
      for (const r of good) {
        const input = r.input!;
        const org = input.organizationCreditCode ? orgs.get(input.organizationCreditCode) : null;
        if (org === undefined) {
          issues.push(
            issue(r.row, '工作单位统一社会信用代码', `no active organisation on the platform has the code ${input.organizationCreditCode}`),
          );
          continue;
        }
        const item = { ...input, organizationId: org?.id ?? null, organizationName: org?.name ?? input.organizationName! };
        const k = key(item.name, item.organizationName);
        if (seen.has(k)) {
          issues.push(issue(r.row, '姓名', `${item.name} of ${item.organizationName} is also on row ${seen.get(k)}`));
          continue;
        }
        seen.set(k, r.row);
        items.push({ row: r.row, item });
      }
      if (items.length) {
        const existing = await db
          .select({ name: experts.name, org: experts.organizationName })
          .from(experts)
          .where(or(...items.map(({ item }) => and(eq(experts.name, item.name), eq(experts.organizationName, item.organizationName)))));
        const inPool = new Set(existing.map((e) => key(e.name, e.org)));
        for (const { row, item } of items)
          if (inPool.has(key(item.name, item.organizationName)))
            issues.push(issue(row, '姓名', `${item.name} of ${item.organizationName} is already in the expert pool`));
      }
      return { items: items.map((i) => i.item), issues };
    },
    insert: async (tx, items, progress) => {
      const ids: string[] = [];
      const now = clock.now();
      for (let start = 0; start < items.length; start += INSERT_CHUNK) {
        const rows: ExpertRow[] = items.slice(start, start + INSERT_CHUNK).map((input) => ({
          id: newId(),
          userId: null,
          name: input.name,
          title: input.title,
          organizationId: input.organizationId,
          organizationName: input.organizationName,
          fieldCodes: input.fieldCodes,
          keywords: input.keywords,
          bio: input.bio ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          available: input.available,
          availabilityNote: input.availabilityNote ?? null,
          active: true,
          createdAt: now,
          updatedAt: now,
        }));
        await tx.insert(experts).values(rows);
        for (const row of rows) {
          await writeAudit(tx, actor, {
            action: 'expert.create',
            entity: 'expert',
            entityId: row.id,
            after: { ...row, importedBy: 'xlsx' },
          });
          ids.push(row.id);
        }
        progress(start + rows.length);
      }
      return ids;
    },
  });
}

/** One pool import job, for the staff member who started it only (anyone else gets 404). */
export async function getExpertImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'expert:manage');
  requireUser(opts.actor);
  return jobOf(opts.db, { userId: opts.actor.userId, id: opts.id, kinds: [KIND] });
}
