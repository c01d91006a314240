import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '../../common/problems.js';
import { seedFields } from '../../server/db/seed/fields.js';
import { auditLog } from '../../server/lib/schema.js';
import { importJobs } from '../../server/lib/spreadsheet/schema.js';
import { achievements, demands } from '../../server/modules/catalog/schema.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { fenToWan, wanToFen, XLSX_MIME } from '../../server/modules/catalog/xlsx.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * Bulk import and export as xlsx: the template, an all-or-nothing import with a per-row report kept on
 * the import job, progress, and an export that imports again unchanged.
 */
const t = useTestApp();

beforeAll(async () => {
  if (t.db) await seedFields(t.db);
});

const ACHIEVEMENT_HEADERS = [
  '标题',
  '摘要',
  '解决的问题',
  '技术优势',
  '技术领域',
  '关键词',
  '技术就绪水平',
  '知识产权',
  '转化方式',
  '价格（万元）',
  '财政资金',
  '团队成员',
  '联系人',
  '联系电话',
  '联系邮箱',
  '附件',
  '限制公开',
];
const DEMAND_HEADERS = [
  '标题',
  '摘要',
  '技术领域',
  '关键词',
  '预算下限（万元）',
  '预算上限（万元）',
  '预算面议',
  '合作方式',
  '最低TRL',
  '截止日期',
  '联系人',
  '联系电话',
  '联系邮箱',
  '附件',
  '限制公开',
];

type Cell = string | number | boolean | Date | null;

async function workbook(sheet: string, headers: string[], rows: Array<Record<string, Cell>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheets(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as Cell[]).slice(1).map(String);

const upload = (s: LoggedIn, path: 'achievements' | 'demands', file: Buffer, query = '') =>
  s.inject({ method: 'POST', url: `/api/${path}/import${query}`, headers: { 'content-type': XLSX_MIME }, payload: file });

const problemFields = (res: LightMyRequestResponse) => (res.json() as { errors: FieldError[] }).errors;

let n = 0;
const goodAchievement = (over: Record<string, Cell> = {}): Record<string, Cell> => ({
  标题: `高比能锂离子电池正极材料 ${++n}`,
  摘要: '一种高镍三元正极材料的包覆改性工艺，提升循环寿命与热稳定性。',
  技术领域: '材料科学与工程',
  关键词: '锂离子电池；正极材料',
  技术就绪水平: 6,
  知识产权: '发明专利:200310102344.5:一种正极材料的包覆方法',
  转化方式: '转让；独占许可',
  '价格（万元）': 12.34,
  财政资金: '否',
  联系人: '张老师',
  联系电话: '022-12345678',
  联系邮箱: 'contact@example.test',
  ...over,
});

async function filer() {
  const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  return { user, session, orgId: user.organizationId! };
}

describe('amounts in 万元 become integer fen exactly', () => {
  it.each([
    ['12.34', 12_340_000],
    [12.34, 12_340_000],
    [0.29, 290_000], // 0.29 × 1,000,000 is 290000.00000000006 in floating point
    ['0.000001', 1],
    ['1,234.5', 1_234_500_000],
    ['100万元', 100_000_000],
    [0, 0],
  ] as const)('%s 万元 → %i fen', (wan, fen) => {
    expect(wanToFen(wan)).toBe(fen);
    expect(wanToFen(fenToWan(fen))).toBe(fen);
  });

  it.each(['0.0000001', '-1', '12,34', 'abc', '1e5'])('refuses %s', (wan) => {
    expect(typeof wanToFen(wan)).toBe('string');
  });
});

describe('the import template', () => {
  it('has the Chinese headers, an explanation sheet with the allowed values, and dropdowns', async () => {
    const { session } = await filer();
    const res = await session.inject({ method: 'GET', url: '/api/achievements/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="achievements-template\.xlsx"; filename\*=UTF-8''/);
    const wb = await readSheets(res.rawPayload);
    const [data, help] = wb.worksheets;
    expect(data!.name).toBe('科技成果');
    expect(headersOf(data!)).toEqual(ACHIEVEMENT_HEADERS);
    expect(data!.actualRowCount).toBe(1);
    expect(help!.name).toBe('填写说明');
    const helpText: string[] = [];
    help!.eachRow((row) => row.eachCell((c) => helpText.push(String(c.value))));
    for (const s of [
      '价格（万元）',
      '材料科学与工程',
      'D15',
      '新材料产业',
      '独占许可',
      '发明专利',
      '发现或报道基本原理',
      '产品在实际使用中得到验证或批量生产',
    ]) {
      expect(helpText).toContain(s);
    }
    const trlColumn = data!.getColumn(ACHIEVEMENT_HEADERS.indexOf('技术就绪水平') + 1).letter;
    expect(data!.getCell(`${trlColumn}2`).dataValidation).toMatchObject({ type: 'whole', formulae: [1, 9] });
    const fieldColumn = data!.getColumn(ACHIEVEMENT_HEADERS.indexOf('技术领域') + 1).letter;
    expect(data!.getCell(`${fieldColumn}100`).dataValidation).toMatchObject({ type: 'list' });

    const demand = await session.inject({ method: 'GET', url: '/api/demands/import-template.xlsx' });
    expect(demand.statusCode).toBe(200);
    expect(headersOf((await readSheets(demand.rawPayload)).worksheets[0]!)).toEqual(DEMAND_HEADERS);
  });

  it('is not for visitors or members without catalog:file', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/achievements/import-template.xlsx' })).statusCode).toBe(401);
    const { session: expert } = await createLoggedInUser(t.app, t.db, { role: 'expert' });
    expect((await expert.inject({ method: 'GET', url: '/api/achievements/import-template.xlsx' })).statusCode).toBe(403);
  });
});

describe('importing achievements', () => {
  it('imports every row of a good file as a draft of the caller’s organisation, in fen, audited', async () => {
    const { session, orgId } = await filer();
    const file = await workbook('科技成果', ACHIEVEMENT_HEADERS, [
      goodAchievement({ '价格（万元）': 12.34 }),
      goodAchievement({
        技术领域: 'SEI3',
        '价格（万元）': '0.29',
        知识产权: '技术秘密::一种工艺；软件著作权:2020SR123456:控制软件',
        转化方式: '普通许可,技术服务',
      }),
      goodAchievement({ '价格（万元）': '面议', 技术就绪水平: 'TRL3', 财政资金: '是', 关键词: null, 知识产权: null }),
    ]);
    const res = await upload(session, 'achievements', file);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { jobId: string; imported: number; ids: string[] };
    expect(body.imported).toBe(3);
    expect(res.headers['x-import-job-id']).toBe(body.jobId);

    const rows = await t.db.select().from(achievements).where(inArray(achievements.id, body.ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const [a, b, c] = body.ids.map((id) => byId.get(id)!);
    for (const r of [a, b, c]) expect(r).toMatchObject({ organizationId: orgId, status: 'draft' });
    expect(a).toMatchObject({
      priceFen: 12_340_000,
      priceNegotiable: false,
      fieldCode: 'D15',
      trl: 6,
      keywords: ['锂离子电池', '正极材料'],
      transferModes: ['transfer', 'license_exclusive'],
    });
    expect(a!.ipAssets).toEqual([{ kind: 'invention_patent', number: '200310102344.5', title: '一种正极材料的包覆方法' }]);
    expect(a!.contacts).toEqual([{ name: '张老师', phone: '022-12345678', email: 'contact@example.test' }]);
    expect(b).toMatchObject({ priceFen: 290_000, fieldCode: 'SEI3', transferModes: ['license_ordinary', 'technical_service'] });
    expect(b!.ipAssets).toEqual([
      { kind: 'know_how', number: null, title: '一种工艺' },
      { kind: 'software_copyright', number: '2020SR123456', title: '控制软件' },
    ]);
    expect(c).toMatchObject({ priceFen: null, priceNegotiable: true, trl: 3, publicFunding: true, keywords: [], ipAssets: [] });

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'achievement.create'), inArray(auditLog.entityId, body.ids)));
    expect(audits).toHaveLength(3);
    for (const e of audits) expect(e.organizationId).toBe(orgId);
    expect((await verifyAuditChain(t.db)).broken).toBeNull();

    const job = await session.inject({ method: 'GET', url: `/api/import-jobs/${body.jobId}` });
    expect(job.json()).toMatchObject({ id: body.jobId, kind: 'achievements', status: 'succeeded', total: 3, processed: 3, errors: [] });
  });

  it('imports nothing when any row is bad, and reports each bad row and field, also on the job', async () => {
    const { session, orgId } = await filer();
    const file = await workbook('科技成果', ACHIEVEMENT_HEADERS, [
      goodAchievement(),
      goodAchievement({ 知识产权: '发明专利:200310102344.6:校验位错误' }), // row 3: check digit
      goodAchievement({ 技术就绪水平: 12 }), // row 4
      goodAchievement({ 技术领域: '炼金术' }), // row 5
      goodAchievement(),
      goodAchievement({ 联系邮箱: 'not-an-email', 转化方式: '赠送', '价格（万元）': null }), // row 7: three errors, reported left to right
    ]);
    const res = await upload(session, 'achievements', file);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { code: string; detail: string; errors: FieldError[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.detail).toMatch(/^4 of 6 rows have errors; nothing was imported/);
    const fields = problemFields(res).map((e) => e.field);
    expect(fields).toEqual([
      'rows.3.ipAssets.0.number',
      'rows.4.trl',
      'rows.5.fieldCode',
      'rows.7.transferModes',
      'rows.7.priceFen',
      'rows.7.contacts.0.email',
    ]);
    const messages = problemFields(res).map((e) => e.message);
    expect(messages[0]).toBe('第3行 知识产权（第1项）: check digit does not match');
    expect(messages[1]).toBe('第4行 技术就绪水平: must be 1–9');
    expect(messages[2]).toMatch(/^第5行 技术领域: 「炼金术」 is not a known technical field/);
    expect(messages[3]).toMatch(/^第7行 转化方式: 「赠送」 is not one of 转让、独占许可/);
    expect(messages[4]).toBe('第7行 价格（万元）: is required: an amount in 万元, or 面议');
    expect(messages[5]).toMatch(/^第7行 联系邮箱（第1项）: /);

    expect(await t.db.select({ id: achievements.id }).from(achievements).where(eq(achievements.organizationId, orgId))).toEqual([]);
    expect(
      await t.db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.action, 'achievement.create'))),
    ).toEqual([]);

    const jobId = res.headers['x-import-job-id'] as string;
    expect(problem.detail).toContain(jobId);
    const job = (await session.inject({ method: 'GET', url: `/api/import-jobs/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'failed', total: 6, processed: 6 });
    expect(job.finishedAt).not.toBeNull();
    expect(job.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
      '3 ipAssets.0.number',
      '4 trl',
      '5 fieldCode',
      '7 transferModes',
      '7 priceFen',
      '7 contacts.0.email',
    ]);
    expect(job.errors[0].message).toBe('知识产权（第1项）: check digit does not match');
  });

  it('refuses a file that is missing, not a workbook, or lacks required columns, and keeps that on the job too', async () => {
    const { session } = await filer();
    const missing = await session.inject({ method: 'POST', url: '/api/achievements/import' });
    expect(missing.statusCode).toBe(400);
    expect(problemFields(missing)[0]!.field).toBe('file');

    const garbage = await upload(session, 'achievements', Buffer.from('not a zip at all'));
    expect(garbage.statusCode).toBe(400);
    expect(problemFields(garbage)).toEqual([{ field: 'file', message: 'The file is not a readable .xlsx workbook' }]);
    const job = (await session.inject({ method: 'GET', url: `/api/import-jobs/${garbage.headers['x-import-job-id']}` })).json();
    expect(job).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file' }] });

    const noTitle = await upload(session, 'achievements', await workbook('科技成果', ACHIEVEMENT_HEADERS.slice(1), [goodAchievement()]));
    expect(problemFields(noTitle)[0]!.message).toMatch(/misses the column 「标题」/);

    const empty = await upload(session, 'achievements', await workbook('科技成果', ACHIEVEMENT_HEADERS, []));
    expect(problemFields(empty)[0]!.message).toMatch(/no data rows/);

    const json = await session.inject({ method: 'POST', url: '/api/achievements/import', payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    const multipart = await session.inject({
      method: 'POST',
      url: '/api/achievements/import',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    expect(multipart.statusCode).toBe(415);
  });

  it('files only for the caller’s own organisation, and a client-chosen job id is used once', async () => {
    const { session } = await filer();
    const other = await createOrganization(t.db);
    const file = await workbook('科技成果', ACHIEVEMENT_HEADERS, [goodAchievement()]);
    expect((await upload(session, 'achievements', file, `?organizationId=${other.id}`)).statusCode).toBe(403);

    const jobId = randomUUID();
    const first = await upload(session, 'achievements', file, `?jobId=${jobId}`);
    expect(first.statusCode).toBe(201);
    expect(first.json().jobId).toBe(jobId);
    const again = await upload(session, 'achievements', file, `?jobId=${jobId}`);
    expect(again.statusCode).toBe(409);
  });
});

describe('import jobs', () => {
  it('are visible to the user who started them only', async () => {
    const { session, user } = await filer();
    const res = await upload(
      session,
      'achievements',
      await workbook('科技成果', ACHIEVEMENT_HEADERS, [goodAchievement({ 技术就绪水平: 0 })]),
    );
    const jobId = res.headers['x-import-job-id'] as string;
    expect((await session.inject({ method: 'GET', url: `/api/import-jobs/${jobId}` })).statusCode).toBe(200);

    const { session: stranger } = await filer();
    const colleague = await loginAs(t.app, await createUser(t.db, { role: 'org_admin', organizationId: user.organizationId! }));
    for (const s of [stranger, colleague]) {
      const other = await s.inject({ method: 'GET', url: `/api/import-jobs/${jobId}` });
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('技术就绪水平');
    }
  });
});

describe('export', () => {
  it('writes the caller’s records in the template layout plus status and id, and imports again unchanged', async () => {
    const { session, orgId } = await filer();
    const original = await upload(
      session,
      'achievements',
      await workbook('科技成果', ACHIEVEMENT_HEADERS, [
        goodAchievement({
          解决的问题: '循环寿命短',
          技术优势: '成本低',
          '价格（万元）': '1234.567891',
          团队成员: '张三:教授:负责人；李四',
          联系人: '张老师；王老师',
          联系电话: '；13800138000',
          联系邮箱: 'a@example.test；b@example.test',
          附件: '说明书|https://example.org/a.pdf',
          限制公开: '是',
          财政资金: '是',
        }),
        goodAchievement({ '价格（万元）': '面议', 知识产权: '外观设计:200830123456.2:外壳；技术秘密::配方' }),
      ]),
    );
    expect(original.statusCode, original.body).toBe(201);
    const demandFile = await workbook('技术需求', DEMAND_HEADERS, [
      {
        标题: '寻求正极材料技术',
        摘要: '企业需要提升锂离子电池正极材料的循环寿命。',
        技术领域: 'D15',
        '预算下限（万元）': 50,
        '预算上限（万元）': '100.5',
        合作方式: '合作开发',
        最低TRL: 5,
        截止日期: new Date(Date.UTC(new Date().getUTCFullYear() + 2, 11, 31)),
        联系人: '李经理',
      },
      {
        标题: '寻求电池回收技术',
        摘要: '需要退役动力电池梯次利用与回收的成套技术。',
        技术领域: '节能环保产业',
        '预算上限（万元）': '面议',
        合作方式: '转让；技术服务',
        截止日期: `${new Date().getUTCFullYear() + 3}/6/1`,
      },
      {
        标题: '寻求检测技术',
        摘要: '需要电池包无损检测技术与设备的整体方案。',
        技术领域: 'D19',
        '预算下限（万元）': 10,
        '预算上限（万元）': 20,
        预算面议: '是',
        合作方式: '技术服务',
      },
    ]);
    const demandImport = await upload(session, 'demands', demandFile);
    expect(demandImport.statusCode, demandImport.body).toBe(201);

    const comparable = <T extends { title: string }>(rows: T[], drop: string[]) =>
      rows
        .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))))
        .sort((x, y) => String(x.title).localeCompare(String(y.title)));
    const ignored = ['id', 'createdAt', 'updatedAt', 'searchVector', 'createdBy', 'organizationId'];

    for (const [path, table, sheet] of [
      ['achievements', achievements, '科技成果'],
      ['demands', demands, '技术需求'],
    ] as const) {
      const exported = await session.inject({ method: 'GET', url: `/api/me/${path}/export.xlsx` });
      expect(exported.statusCode).toBe(200);
      const wb = await readSheets(exported.rawPayload);
      const ws = wb.getWorksheet(sheet)!;
      expect(headersOf(ws)).toEqual([...(path === 'achievements' ? ACHIEVEMENT_HEADERS : DEMAND_HEADERS), '状态', '所属单位', '编号']);
      expect(ws.actualRowCount).toBe(path === 'achievements' ? 3 : 4);
      expect(ws.getRow(2).getCell(headersOf(ws).indexOf('状态') + 1).value).toBe('草稿');

      const before = await t.db.select().from(table).where(eq(table.organizationId, orgId));
      const again = await upload(session, path, exported.rawPayload);
      expect(again.statusCode, again.body).toBe(201);
      const reimported = await t.db
        .select()
        .from(table)
        .where(inArray(table.id, again.json().ids as string[]));
      expect(comparable(reimported, ignored)).toEqual(comparable(before, ignored));
    }
    const [withPrice] = await t.db
      .select()
      .from(achievements)
      .where(and(eq(achievements.organizationId, orgId), eq(achievements.restricted, true)));
    expect(withPrice!.priceFen).toBe(1_234_567_891);
  });

  it('holds only the caller’s organisations’ records', async () => {
    const { session } = await filer();
    const { session: other } = await filer();
    await upload(other, 'achievements', await workbook('科技成果', ACHIEVEMENT_HEADERS, [goodAchievement({ 标题: '别人的成果' })]));
    const wb = await readSheets((await session.inject({ method: 'GET', url: '/api/me/achievements/export.xlsx' })).rawPayload);
    expect(wb.worksheets[0]!.actualRowCount).toBe(1);
  });
});

describe('a large file', () => {
  it('imports 2,000 rows in one go and reports progress up to total = processed = 2000', { timeout: 180_000 }, async () => {
    const { session, orgId } = await filer();
    const rows = Array.from({ length: 2000 }, (_, i) => goodAchievement({ 标题: `批量成果 ${i + 1}`, '价格（万元）': (i + 1) / 100 }));
    const file = await workbook('科技成果', ACHIEVEMENT_HEADERS, rows);
    const jobId = randomUUID();
    const started = performance.now();
    const pending = upload(session, 'achievements', file, `?jobId=${jobId}`);
    const seen: number[] = [];
    let done = false;
    void pending.finally(() => (done = true));
    while (!done) {
      const res = await session.inject({ method: 'GET', url: `/api/import-jobs/${jobId}` });
      if (res.statusCode === 200) seen.push(res.json().processed as number);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await pending;
    const ms = performance.now() - started;
    console.info(`[${t.kind}] 2,000-row import took ${Math.round(ms)} ms; progress seen: ${[...new Set(seen)].join(', ')}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(2000);
    expect(seen).toEqual([...seen].sort((x, y) => x - y)); // never backwards
    // PostgreSQL: progress is written on another connection while the insert transaction runs. (PGlite
    // has one connection: a reader waits for the transaction, so it sees 0 and then the end.)
    if (t.kind === 'postgres')
      expect(
        seen.some((p) => p > 0 && p < 2000),
        `progress seen: ${seen.join(', ')}`,
      ).toBe(true);
    const job = (await session.inject({ method: 'GET', url: `/api/import-jobs/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'succeeded', total: 2000, processed: 2000, errors: [] });
    const [row] = await t.db.select().from(importJobs).where(eq(importJobs.id, jobId));
    expect(row!.organizationId).toBe(orgId);
    const prices = await t.db.select({ priceFen: achievements.priceFen }).from(achievements).where(eq(achievements.organizationId, orgId));
    expect(prices).toHaveLength(2000);
    expect(prices.reduce((s, p) => s + p.priceFen!, 0)).toBe(((2000 * 2001) / 2) * 10_000);
  });
});
