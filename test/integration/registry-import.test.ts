// xlsx import of the expert pool and of the broker registry through the one spreadsheet engine:
// templates with Chinese headers, all-or-nothing imports whose problems name the row and the column,
// the report kept on the job, registry keepers limited to their region, one registry import at a time.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrokerView } from '../../common/api/brokers.js';
import type { ExpertView } from '../../common/api/experts.js';
import type { FieldError } from '../../common/problems.js';
import { seedFields } from '../../server/db/seed/fields.js';
import { auditLog } from '../../server/lib/schema.js';
import { importJobs } from '../../server/lib/spreadsheet/schema.js';
import { XLSX_MIME } from '../../server/lib/spreadsheet/index.js';
import { brokers } from '../../server/modules/brokers/schema.js';
import { experts } from '../../server/modules/experts/schema.js';
import { createLoggedInUser, createOrganization, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

beforeAll(async () => {
  if (t.db) await seedFields(t.db);
});

type Cell = string | number | boolean | Date | null;

async function workbook(sheet: string, rows: Array<Record<string, Cell>>, headers?: string[]): Promise<Buffer> {
  const cols = headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(cols);
  for (const r of rows) ws.addRow(cols.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (who: LoggedIn, url: string, body: Buffer) =>
  who.inject({ method: 'POST', url, headers: { 'content-type': XLSX_MIME }, payload: body });

const errorsOf = (body: string) => (JSON.parse(body) as { errors: FieldError[] }).errors;

async function templateHeaders(who: LoggedIn, url: string) {
  const res = await who.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_MIME);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return { names: wb.worksheets.map((w) => w.name), headers: (wb.worksheets[0]!.getRow(1).values as Cell[]).slice(1).map(String) };
}

describe('broker registry import', { timeout: 120_000 }, () => {
  it('imports entries with accreditation and trainings, or nothing with each problem named by row and column', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const tti = await createOrganization(t.db, { type: 'transfer_institution', name: `天津滨海技术转移中心 ${unique()}` });
    const template = await templateHeaders(officer, '/api/brokers/import/template');
    expect(template.names).toEqual(['技术经纪人', '填写说明']);
    expect(template.headers).toEqual(
      expect.arrayContaining(['姓名', '所在机构统一社会信用代码', '等级', '证书编号', '有效期至', '培训记录']),
    );

    const cert = `TJJJ-${unique()}`;
    const good = {
      姓名: `高志远 ${unique()}`,
      所在机构统一社会信用代码: tti.creditCode,
      擅长领域: '新材料；专利许可',
      联系电话: '022-58761234',
      等级: '中级技术经纪人',
      证书编号: cert,
      发证日期: '2025-06-30',
      有效期至: '2028-06-29',
      发证机构: '天津市科学技术局',
      培训记录: '技术合同实务:实务技能:16:2025-05-20:TJPX-0112；科技成果转化政策:政策法规:8:2025-04-11',
    };
    const accreditation = { 发证日期: '2025-06-30', 有效期至: '2028-06-29', 发证机构: '天津市科学技术局' };
    const bad = await workbook('技术经纪人', [
      good,
      { 姓名: `王敏 ${unique()}`, 所在机构统一社会信用代码: '91120000MA0000000X' },
      { 姓名: `李响 ${unique()}`, 等级: '初级技术经纪人', 证书编号: cert, ...accreditation },
      { 姓名: `刘洋 ${unique()}`, 等级: '中级技术经纪人' },
      { 姓名: `赵强 ${unique()}`, 培训记录: '技术合同实务:实操:16:2025-05-20' },
      { 姓名: `何静 ${unique()}`, 等级: '初级技术经纪人', 证书编号: `TJJJ-${unique()}`, ...accreditation, 有效期至: '2024-06-29' },
    ]);
    const refused = await upload(officer, '/api/brokers/import', bad);
    expect(refused.statusCode, refused.body).toBe(400);
    const fields = errorsOf(refused.body).map((e) => e.field);
    expect(fields).toEqual([
      'rows.3.所在机构统一社会信用代码',
      'rows.4.证书编号',
      'rows.5.证书编号',
      'rows.5.发证日期',
      'rows.5.有效期至',
      'rows.5.发证机构',
      'rows.6.培训记录',
      'rows.7.有效期至',
    ]);
    expect(fields.some((f) => f.startsWith('rows.2.'))).toBe(false);
    expect(await t.db.select().from(brokers).where(eq(brokers.name, good.姓名))).toHaveLength(0);
    const jobId = refused.headers['x-import-job-id'] as string;
    const job = await officer.inject({ method: 'GET', url: `/api/brokers/import-jobs/${jobId}` });
    expect(job.json()).toMatchObject({ kind: 'brokers', status: 'failed', total: 6 });
    expect((job.json() as { errors: unknown[] }).errors).toHaveLength(8);

    const ok = await upload(officer, '/api/brokers/import', await workbook('技术经纪人', [good, { 姓名: `孙悦 ${unique()}` }]));
    expect(ok.statusCode, ok.body).toBe(201);
    const { ids, imported } = ok.json() as { ids: string[]; imported: number };
    expect(imported).toBe(2);
    const view = (await officer.inject({ method: 'GET', url: `/api/brokers/${ids[0]}` })).json() as BrokerView;
    expect(view).toMatchObject({ name: good.姓名, tier: 'intermediate_broker', certified: true, trainingHours: 24 });
    expect(view.employer?.id).toBe(tti.id);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids[0]!), inArray(auditLog.action, ['broker.register', 'broker.train', 'broker.accredit'])));
    expect(audits.map((a) => a.action).sort()).toEqual(['broker.accredit', 'broker.register', 'broker.train', 'broker.train']);

    // The same file again: the certificate and the person are already registered.
    const again = await upload(officer, '/api/brokers/import', await workbook('技术经纪人', [good]));
    expect(again.statusCode).toBe(400);
    expect(errorsOf(again.body).map((e) => e.field)).toEqual(expect.arrayContaining(['rows.2.证书编号', 'rows.2.姓名']));
  });

  it('a district officer cannot import brokers employed in another district, nor can an enterprise', async () => {
    const hexi = await createOrganization(t.db, { type: 'transfer_institution', regionCode: '120103' });
    const binhaiOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
    const file = await workbook('技术经纪人', [{ 姓名: `钱程 ${unique()}`, 所在机构统一社会信用代码: hexi.creditCode }]);
    const res = await upload(binhaiOfficer, '/api/brokers/import', file);
    expect(res.statusCode, res.body).toBe(400);
    expect(errorsOf(res.body)).toEqual([expect.objectContaining({ field: 'rows.2.所在机构统一社会信用代码' })]);
    const member = (await createLoggedInUser(t.app, t.db, { role: 'org_admin' })).session;
    expect((await upload(member, '/api/brokers/import', file)).statusCode).toBe(403);
  });
});

describe('expert pool import', { timeout: 120_000 }, () => {
  it('imports experts with fields by name or code and the employer by credit code; bad rows import nothing', async () => {
    const admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
    const uni = await createOrganization(t.db, { type: 'university', name: `天津理工示范大学 ${unique()}` });
    const template = await templateHeaders(admin, '/api/experts/import/template');
    expect(template.names).toEqual(['评审专家', '填写说明']);
    expect(template.headers).toEqual(
      expect.arrayContaining(['姓名', '职称', '工作单位', '工作单位统一社会信用代码', '技术领域', '可参加评审']),
    );

    const name = `陈立新 ${unique()}`;
    const rows: Array<Record<string, Cell>> = [
      {
        姓名: name,
        职称: '教授',
        工作单位统一社会信用代码: uni.creditCode,
        技术领域: '材料科学与工程；D01',
        研究方向: '锂离子电池 正极材料',
        可参加评审: '是',
      },
      { 姓名: `周婷 ${unique()}`, 职称: '高级工程师', 工作单位: '天津某装备有限公司', 技术领域: '量子炼金术', 可参加评审: '否' },
      { 姓名: `吴刚 ${unique()}`, 职称: '研究员', 技术领域: 'D15', 电子邮箱: 'not-an-email' },
      { 姓名: name, 职称: '教授', 工作单位统一社会信用代码: uni.creditCode, 技术领域: 'D15' },
    ];
    const refused = await upload(admin, '/api/experts/import', await workbook('评审专家', rows));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(errorsOf(refused.body).map((e) => e.field)).toEqual(
      expect.arrayContaining(['rows.3.技术领域', 'rows.4.工作单位', 'rows.4.电子邮箱', 'rows.5.姓名']),
    );
    expect(await t.db.select().from(experts).where(eq(experts.name, name))).toHaveLength(0);

    const fixed = [rows[0]!, { ...rows[1]!, 技术领域: 'D15' }];
    const ok = await upload(admin, '/api/experts/import', await workbook('评审专家', fixed));
    expect(ok.statusCode, ok.body).toBe(201);
    const { ids } = ok.json() as { ids: string[] };
    const first = (await admin.inject({ method: 'GET', url: `/api/experts/${ids[0]}` })).json() as ExpertView;
    expect(first).toMatchObject({ name, organizationId: uni.id, organizationName: uni.name, available: true, hasAccount: false });
    expect(first.fields.map((f) => f.code).sort()).toEqual(['D01', 'D15']);
    const second = (await admin.inject({ method: 'GET', url: `/api/experts/${ids[1]}` })).json() as ExpertView;
    expect(second).toMatchObject({ organizationId: null, organizationName: '天津某装备有限公司', available: false });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, ids), eq(auditLog.action, 'expert.create')));
    expect(audits).toHaveLength(2);

    const dup = await upload(admin, '/api/experts/import', await workbook('评审专家', [rows[0]!]));
    expect(errorsOf(dup.body)).toEqual([expect.objectContaining({ field: 'rows.2.姓名' })]);
  });

  it('one pool import at a time: a running one answers 409; a file without the required columns names them', async () => {
    const admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
    const other = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).user;
    const running = randomUUID();
    await t.db.insert(importJobs).values({ id: running, userId: other.id, organizationId: null, kind: 'experts', status: 'running' });
    const file = await workbook('评审专家', [{ 姓名: `郑凯 ${unique()}`, 职称: '教授', 工作单位: '天津大学', 技术领域: 'D15' }]);
    const busy = await upload(admin, '/api/experts/import', file);
    expect(busy.statusCode, busy.body).toBe(409);
    // The broker registry is another kind: not blocked by the pool's import.
    const brokerFile = await workbook('技术经纪人', [{ 姓名: `冯雪 ${unique()}` }]);
    expect((await upload(admin, '/api/brokers/import', brokerFile)).statusCode).toBe(201);
    await t.db.update(importJobs).set({ status: 'failed' }).where(eq(importJobs.id, running));
    expect((await upload(admin, '/api/experts/import', file)).statusCode).toBe(201);

    const missing = await upload(admin, '/api/experts/import', await workbook('评审专家', [{ 姓名: '某人', 职称: '教授' }]));
    expect(missing.statusCode).toBe(400);
    expect(errorsOf(missing.body)).toEqual([expect.objectContaining({ field: 'file', message: expect.stringContaining('技术领域') })]);
  });
});
