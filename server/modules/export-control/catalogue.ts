/**
 * The catalogue's versions: the seeded subset (catalogue-seed.ts) and the revisions an administrator
 * imports from xlsx through the spreadsheet engine. Importing a revision makes it the version in
 * force and keeps the earlier ones (superseded); screenings name the version they were made against.
 */
import { asc, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { EXPORT_CLASS_LABELS, type CatalogueImportQuery } from '../../../common/api/export-control.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirePermission, requireUser, systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  bad,
  getImportJob as jobOf,
  ok,
  readDate,
  readText,
  readWorkbook,
  runImport,
  splitList,
  text as cellText,
  workbookBuffer,
  type ImportResult,
  type SheetSpec,
} from '../../lib/spreadsheet/index.js';
import { normalizeText, tokenizeForSearch } from '../../lib/text/tokenize.js';
import { SEED_CATALOGUES, type SeedItem } from './catalogue-seed.js';
import { exportCatalogueItems, exportCatalogues } from './schema.js';

export type CatalogueRow = typeof exportCatalogues.$inferSelect;
export type ItemRow = typeof exportCatalogueItems.$inferSelect;
const IMPORT_KIND = 'export_items';

async function insertVersion(
  tx: DbOrTx,
  actor: Actor,
  v: { label: string; sourceDocument: string; publishedOn: string; origin: 'seed' | 'xlsx'; items: SeedItem[] },
): Promise<{ id: string; itemIds: string[] }> {
  const id = newId();
  await tx.update(exportCatalogues).set({ status: 'superseded' }).where(eq(exportCatalogues.status, 'active'));
  const row = {
    id,
    label: v.label,
    sourceDocument: v.sourceDocument,
    publishedOn: v.publishedOn,
    status: 'active',
    origin: v.origin,
    itemCount: v.items.length,
    importedBy: actor.userId ?? null,
  };
  await tx.insert(exportCatalogues).values(row);
  const items = v.items.map((i) => ({ id: newId(), catalogueId: id, ...i, note: i.note ?? null }));
  if (items.length) await tx.insert(exportCatalogueItems).values(items);
  await writeAudit(tx as never, actor, {
    action: 'export_catalogue.import',
    entity: 'export_catalogue',
    entityId: id,
    after: { ...row, items: items.map((i) => ({ code: i.code, class: i.class, name: i.name })) },
  });
  return { id, itemIds: items.map((i) => i.id) };
}

/** Reference data: the seeded subset, once, on a database without any version. */
export async function seedExportCatalogues(db: Db): Promise<boolean> {
  const [{ n }] = (await db.select({ n: count() }).from(exportCatalogues)) as [{ n: number }];
  if (Number(n) > 0) return false;
  await db.transaction(async (tx) => {
    for (const v of SEED_CATALOGUES) await insertVersion(tx, systemActor('seed:export-control'), { ...v, origin: 'seed' });
  });
  return true;
}

/** The version in force with its items (screening reads it). */
export async function activeCatalogue(db: DbOrTx): Promise<{ catalogue: CatalogueRow; items: ItemRow[] }> {
  const [catalogue] = await db
    .select()
    .from(exportCatalogues)
    .where(eq(exportCatalogues.status, 'active'))
    .orderBy(desc(exportCatalogues.createdAt))
    .limit(1);
  if (!catalogue) throw AppError.conflict('No export-control catalogue is loaded: an administrator imports one first');
  return { catalogue, items: await itemsOf(db, catalogue.id) };
}

const itemsOf = (db: DbOrTx, catalogueId: string) =>
  db
    .select()
    .from(exportCatalogueItems)
    .where(eq(exportCatalogueItems.catalogueId, catalogueId))
    .orderBy(asc(exportCatalogueItems.class), asc(exportCatalogueItems.industry), asc(exportCatalogueItems.name));

/** The list is public law: anyone may read every version. */
export async function listCatalogues(opts: { db: Db }) {
  return opts.db.select().from(exportCatalogues).orderBy(desc(exportCatalogues.publishedOn), desc(exportCatalogues.createdAt));
}

export async function getCatalogue(opts: { db: Db; id: string }) {
  const [catalogue] = await opts.db.select().from(exportCatalogues).where(eq(exportCatalogues.id, opts.id));
  if (!catalogue) throw AppError.notFound('Catalogue version');
  return { catalogue, items: await itemsOf(opts.db, catalogue.id) };
}

// ---- xlsx ----

const ItemInput = z.object({
  code: z
    .string()
    .regex(/^\d{6}[JX]$/, 'must be the list number: six digits and J (禁止) or X (限制), e.g. 252604X')
    .nullable(),
  class: z.enum(['prohibited', 'restricted']),
  industry: z.string().min(2).max(100),
  name: z.string().min(2).max(200),
  controlPoints: z.array(z.string().min(2).max(2000)).max(50),
  terms: z.array(z.string().min(1).max(40)).max(60),
  sourceDocument: z.string().min(4).max(200),
  sourceDate: z.iso.date(),
  note: z.string().max(1000).nullable(),
});
type ItemInput = z.infer<typeof ItemInput>;

const GENERIC = new Set(['技术', '制备', '生产', '工艺', '方法', '及其', '相关']);
/** Screening words when the sheet gives none: the telling words of the name and the control points. */
export function derivedTerms(name: string, points: string[]): string[] {
  const words = tokenizeForSearch([name, ...points].join('\n')).filter((w) => /\p{Script=Han}{2,}/u.test(w) && !GENERIC.has(w));
  return [...new Set([normalizeText(name), ...words])].slice(0, 40);
}

const readClass = (v: Parameters<typeof readText>[0]) => {
  const s = cellText(v);
  if (s === '') return ok(undefined);
  if (/禁止/.test(s) || s === 'prohibited') return ok('prohibited');
  if (/限制/.test(s) || s === 'restricted') return ok('restricted');
  return bad(`「${s}」 is neither 禁止出口 nor 限制出口`);
};

export const catalogueSheet: SheetSpec<ItemRow, ItemInput> = {
  sheet: '禁止出口限制出口技术',
  columns: [
    { id: 'code', header: '编号', keys: ['code'], width: 12, help: '如 252604X（J 禁止、X 限制）', read: readText, write: (r) => r.code },
    {
      id: 'class',
      header: '类别',
      keys: ['class'],
      required: true,
      width: 10,
      help: '禁止出口 / 限制出口',
      read: readClass,
      write: (r) => EXPORT_CLASS_LABELS[r.class as 'prohibited' | 'restricted'].zh,
      choices: { list: 'classes', prompt: '禁止出口或限制出口' },
    },
    {
      id: 'industry',
      header: '行业',
      keys: ['industry'],
      required: true,
      width: 24,
      help: '目录中的行业标题',
      read: readText,
      write: (r) => r.industry,
    },
    { id: 'name', header: '技术名称', keys: ['name'], required: true, width: 30, help: '条目名称', read: readText, write: (r) => r.name },
    {
      id: 'controlPoints',
      header: '控制要点',
      keys: ['controlPoints'],
      width: 60,
      help: '每条一行（单元格内换行）或以；分隔',
      read: (v) => ok(splitList(v, /[；;\n]+/).map((p) => p.replace(/^\d+[.．、]\s*/, ''))),
      write: (r) => r.controlPoints.join('\n'),
    },
    {
      id: 'terms',
      header: '检索词',
      keys: ['terms'],
      width: 30,
      help: '可选：筛查用词，以；分隔；留空则由名称与控制要点生成',
      read: (v) => ok(splitList(v)),
      write: (r) => r.terms.join('；'),
    },
    {
      id: 'sourceDocument',
      header: '来源文件',
      keys: ['sourceDocument'],
      width: 28,
      help: '如 商务部 科技部公告2023年第57号',
      read: readText,
      write: (r) => r.sourceDocument,
    },
    {
      id: 'sourceDate',
      header: '发布日期',
      keys: ['sourceDate'],
      width: 14,
      help: '如 2023-12-21',
      read: (v) => readDate(v, '2023-12-21'),
      write: (r) => r.sourceDate,
    },
    { id: 'note', header: '备注', keys: ['note'], width: 30, help: '可选', read: readText, write: (r) => r.note },
  ],
  lists: [{ id: 'classes', title: '类别', headers: ['类别'], widths: [12], rows: [['禁止出口'], ['限制出口']] }],
  notes: ['每行一个条目；导入生成目录的一个新版本并立即生效，旧版本保留。', '来源文件与发布日期留空时取导入时填写的公告与日期。'],
  assemble: (d, ctx) => {
    const c = ctx as { sourceDocument: string; publishedOn: string };
    const points = (d.controlPoints as string[] | undefined) ?? [];
    const given = (d.terms as string[] | undefined) ?? [];
    return {
      code: (d.code as string | undefined)?.toUpperCase() ?? null,
      class: d.class,
      industry: d.industry,
      name: d.name,
      controlPoints: points,
      terms: given.length ? given : typeof d.name === 'string' ? derivedTerms(d.name, points) : [],
      sourceDocument: d.sourceDocument ?? c.sourceDocument,
      sourceDate: d.sourceDate ?? c.publishedOn,
      note: d.note ?? null,
    };
  },
  schema: ItemInput,
  errorField: 'header',
};

export async function catalogueWorkbook(opts: { db: Db; id: string | null }): Promise<Buffer> {
  const items = opts.id ? (await getCatalogue({ db: opts.db, id: opts.id })).items : null;
  return workbookBuffer(catalogueSheet as never, items);
}

/** A new version from xlsx, all or nothing; it is in force at once (platform administrators). */
export async function importCatalogue(opts: {
  db: Db;
  actor: Actor;
  file: Buffer | null;
  meta: z.infer<typeof CatalogueImportQuery>;
}): Promise<ImportResult & { catalogueId: string }> {
  requirePermission(opts.actor, 'export:catalogue');
  requireUser(opts.actor);
  const { db, actor, meta } = opts;
  let catalogueId = '';
  const result = await runImport<ItemInput>({
    db,
    userId: actor.userId,
    // A catalogue belongs to no organisation (import_jobs.organization_id is nullable).
    organizationId: null as unknown as string,
    kind: IMPORT_KIND,
    jobId: meta.jobId,
    file: opts.file,
    read: (file) =>
      readWorkbook(catalogueSheet as never, file, { ctx: { sourceDocument: meta.sourceDocument, publishedOn: meta.publishedOn } }),
    insert: async (tx, items, progress) => {
      const made = await insertVersion(tx, actor, { ...meta, origin: 'xlsx', items: items as SeedItem[] });
      catalogueId = made.id;
      progress(items.length);
      return made.itemIds;
    },
  });
  return { ...result, catalogueId };
}

export async function getCatalogueImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'export:catalogue');
  requireUser(opts.actor);
  return jobOf(opts.db, { userId: opts.actor.userId, id: opts.id, kinds: [IMPORT_KIND] });
}
