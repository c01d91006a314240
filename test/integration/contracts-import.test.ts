import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ContractPage, ContractView, ImportJobView } from '../../common/api/contracts.js';
import { parseRegistrationNumber } from '../../common/contracts.js';
import { createUser, loginAs, uniqueCreditCode, type LoggedIn } from '../factories.js';
import { createTestApp, useTestApp } from '../harness.js';
import { certify, fieldErrors, registrationCast, submitApplication, type RegistrationCast } from './contracts-fixtures.js';

/** Bulk import and export as a person with a spreadsheet meets it: the template, per-row errors, all or nothing, exports that re-import. */
const t = useTestApp();
let cast: RegistrationCast;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t, { pointRegion: '120103' });
});

/** The template, filled with rows given as header → value. */
async function fillTemplate(rows: Array<Record<string, string | number>>, session: LoggedIn | null = null): Promise<Buffer> {
  const res = await (session
    ? session.inject({ method: 'GET', url: '/api/contracts/import-template.xlsx' })
    : t.app.inject({ method: 'GET', url: '/api/contracts/import-template.xlsx' }));
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('技术合同')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => (headers[i] = String(c.value)));
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const row = (over: Record<string, string | number> = {}): Record<string, string | number> => ({
  合同名称: '一种高镍正极材料制备技术转让合同',
  合同类别: '技术转让',
  合同子类: '技术秘密转让',
  标的及主要内容: '转让高镍正极材料共沉淀制备工艺的技术秘密，并提供工艺包。',
  技术领域: 'D15',
  签订日期: '2026-08-18',
  买方名称: '河北某电池材料有限公司',
  买方统一社会信用代码: uniqueCreditCode('130100'),
  买方地区代码: '130000',
  '合同成交额（元）': '800000.00',
  非技术性费用明细: '设备:小型共沉淀反应釜:50000:随技术交付；技术载体:工艺图纸:2000:合理数量',
  相关咨询服务同票开具: '是',
  支付安排: '2026-09-01:400000:签约后；:400000:验收后',
  合同扫描件链接: 'https://files.example.org/scan-001.pdf',
  ...over,
});

const upload = (session: LoggedIn, url: string, file: Buffer) =>
  session.inject({ method: 'POST', url, headers: { 'content-type': XLSX }, payload: file });
const myContracts = async () =>
  (await cast.applicantSession.inject({ method: 'GET', url: '/api/me/contracts?limit=200' })).json() as z.infer<typeof ContractPage>;

describe('importing applications', () => {
  it('names the row and the column of every error and imports nothing', async () => {
    const before = (await myContracts()).total;
    const file = await fillTemplate([
      row(),
      row({ '合同成交额（元）': '12.345' }),
      row({ 非技术性费用明细: '设备:反应釜:900000:超过合同额', 合同类别: '技术买卖' }),
      row({ 合同扫描件链接: '' }),
    ]);
    const res = await upload(cast.applicantSession, `/api/contracts/import?registrationOrganizationId=${cast.point.id}`, file);
    expect(res.statusCode).toBe(400);
    const fields = fieldErrors(res).map((e) => e.field);
    expect(fields).toEqual(['rows.3.合同成交额（元）', 'rows.4.合同类别', 'rows.5.合同扫描件链接']);
    expect(fieldErrors(res)[0]!.message).toMatch(/^第3行 合同成交额（元）: .*2 decimals/);
    expect((await myContracts()).total).toBe(before);
    const job = (
      await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/import-jobs/${res.headers['x-import-job-id']}` })
    ).json() as z.infer<typeof ImportJobView>;
    expect(job).toMatchObject({ status: 'failed', total: 4, processed: 4 });
    expect(job.errors.map((e) => e.row)).toEqual([3, 4, 5]);
  });

  it('checks amounts after the cells are read: a cost item above the contract amount is named by its column and item', async () => {
    const res = await upload(
      cast.applicantSession,
      `/api/contracts/import?registrationOrganizationId=${cast.point.id}`,
      await fillTemplate([row({ 非技术性费用明细: '设备:反应釜:900000:超过合同额' })]),
    );
    expect(fieldErrors(res)).toEqual([
      { field: 'rows.2.非技术性费用明细', message: expect.stringMatching(/^第2行 非技术性费用明细（第1项）: exceeds the contract amount/) },
    ]);
  });

  it('creates submitted applications with their deadlines, queued at the point', async () => {
    const res = await upload(
      cast.applicantSession,
      `/api/contracts/import?registrationOrganizationId=${cast.point.id}`,
      await fillTemplate([row(), row({ 合同名称: '第二份合同', 合同类别: '技术咨询', 合同子类: '' })]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { ids, jobId } = res.json() as { ids: string[]; jobId: string };
    expect(ids).toHaveLength(2);
    const first = (await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/${ids[0]}` })).json() as ContractView;
    expect(first).toMatchObject({
      status: 'submitted',
      source: 'import',
      seller: { organizationId: cast.applicantOrg.id },
      amounts: {
        contractAmountFen: 80_000_000,
        nonTechnicalCostsFen: 5_000_000,
        technicalCarrierFen: 200_000,
        technologyTransactionAmountFen: 75_000_000,
      },
    });
    expect(first.review.deadlineAt).not.toBeNull();
    expect(first.attachments[0]).toMatchObject({ kind: 'signed_contract', url: 'https://files.example.org/scan-001.pdf' });
    expect(first.payments).toEqual([
      { dueOn: '2026-09-01', amountFen: 40_000_000, condition: '签约后' },
      { dueOn: null, amountFen: 40_000_000, condition: '验收后' },
    ]);
    const job = (await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/import-jobs/${jobId}` })).json() as z.infer<
      typeof ImportJobView
    >;
    expect(job).toMatchObject({ status: 'succeeded', total: 2, processed: 2, errors: [] });
    // Someone else's job is not theirs to read.
    expect((await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/import-jobs/${jobId}` })).statusCode).toBe(404);
  });

  it('re-imports its own export', async () => {
    const exported = await cast.applicantSession.inject({ method: 'GET', url: '/api/me/contracts/export.xlsx' });
    expect(exported.statusCode).toBe(200);
    const before = await myContracts();
    const res = await upload(
      cast.applicantSession,
      `/api/contracts/import?registrationOrganizationId=${cast.point.id}`,
      exported.rawPayload,
    );
    expect(res.statusCode, res.body).toBe(201);
    const after = await myContracts();
    expect(after.total).toBe(before.total * 2);
    const amounts = (p: typeof before) =>
      p.items.map((i) => `${i.title}|${i.contractAmountFen}|${i.technologyTransactionAmountFen}`).sort();
    expect(amounts(after)).toEqual([...amounts(before), ...amounts(before)].sort());
  });
});

describe('importing historical registrations', () => {
  const historical = (n: string, over: Record<string, string | number> = {}) =>
    row({
      卖方名称: '天津某研究院',
      卖方统一社会信用代码: uniqueCreditCode('120103'),
      卖方单位类型: '科研院所',
      卖方地区代码: '120103',
      登记编号: n,
      登记日期: '2025-06-30',
      '技术交易额（元）': '700000.00',
      核定调整说明: '扣除培训费',
      合同扫描件链接: '',
      ...over,
    });

  it('keeps their numbers and dates, certifies them, and later numbers continue after them', async () => {
    const res = await upload(
      cast.registrarSession,
      '/api/registration/contracts/import',
      await fillTemplate([historical('2025120103000007'), historical('2025120103000003')]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [a] = (res.json() as { ids: string[] }).ids;
    const c = (await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/${a}` })).json() as ContractView;
    expect(c).toMatchObject({
      status: 'certified',
      source: 'historical',
      version: 1,
      registration: { number: '2025120103000007', certifiedAt: '2025-06-29T16:00:00.000Z' },
    });
    expect(c.amounts).toMatchObject({
      computedTechnologyTransactionAmountFen: 75_000_000,
      adjustmentFen: -5_000_000,
      adjustmentReason: '扣除培训费',
      technologyTransactionAmountFen: 70_000_000,
    });
    // This year's counter is untouched by 2025's numbers.
    const next = await submitApplication(cast);
    const n = parseRegistrationNumber(((await certify(cast, next.id)).json() as ContractView).registration!.number)!;
    expect(n.regionCode).toBe('120103');
  });

  it('refuses numbers that are taken, repeated, of another region, or without a reason for an adjusted amount', async () => {
    const file = await fillTemplate([
      historical('2025120103000007'),
      historical('2025120103000100'),
      historical('2025120103000100'),
      historical('2025120116000001'),
      historical('2025120103000200', { 核定调整说明: '' }),
    ]);
    const res = await upload(cast.registrarSession, '/api/registration/contracts/import', file);
    expect(res.statusCode).toBe(400);
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['rows.2.登记编号', 'rows.4.登记编号', 'rows.5.登记编号', 'rows.6.核定调整说明']);
  });

  it('moves an export from one platform into another', async () => {
    const exported = await cast.registrarSession.inject({ method: 'GET', url: '/api/registration/contracts/export.xlsx?year=2025' });
    expect(exported.statusCode).toBe(200);
    const other = await createTestApp();
    try {
      const point = await (await import('../factories.js')).createOrganization(other.db, { type: 'government', regionCode: '120103' });
      const registrar = await loginAs(other.app, await createUser(other.db, { role: 'registrar', organizationId: point.id }));
      const res = await registrar.inject({
        method: 'POST',
        url: '/api/registration/contracts/import',
        headers: { 'content-type': XLSX },
        payload: exported.rawPayload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const queue = (await registrar.inject({ method: 'GET', url: '/api/registration/contracts?status=certified' })).json() as z.infer<
        typeof ContractPage
      >;
      expect(queue.items.map((i) => i.registrationNumber).sort()).toEqual(['2025120103000003', '2025120103000007']);
      expect(queue.items.every((i) => i.technologyTransactionAmountFen === 70_000_000)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
