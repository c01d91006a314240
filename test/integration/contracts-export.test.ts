import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractView } from '../../common/api/contracts.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { exportOwnContracts, exportRegisteredContracts } from '../../server/modules/contracts/xlsx-export.js';
import { actorFor } from '../factories.js';
import { useTestApp, type TestApp } from '../harness.js';
import {
  certify,
  contractInput,
  fileDraft,
  registrationCast,
  submitApplication,
  uploadScan,
  type RegistrationCast,
} from './contracts-fixtures.js';

/**
 * Exports read the contracts in batches with a few set-based statements each, stream the workbook,
 * and refuse an export too large to be useful with a problem naming the filter to narrow.
 */
const t = useTestApp();
let cast: RegistrationCast;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t, { pointRegion: '120102' });
});

/** The data rows of the contracts sheet, as header → text. */
async function sheetRows(file: Buffer): Promise<Array<Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('技术合同')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => (headers[i] = String(c.value)));
  const rows: Array<Record<string, string>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Record<string, string> = {};
    row.eachCell((c, i) => (r[headers[i]!] = String(c.value)));
    rows.push(r);
  });
  return rows;
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Counts the database round trips the app makes (a statement outside a transaction, or a whole
 * transaction), by listening on the driver: the pool's checkouts on PostgreSQL, PGlite's calls.
 */
function roundTrips(app: TestApp): { count: () => number; stop: () => void } {
  let n = 0;
  const { pool, pglite } = app.database;
  if (pool) {
    const onAcquire = () => (n += 1);
    pool.on('acquire', onAcquire);
    return { count: () => n, stop: () => pool.off('acquire', onAcquire) };
  }
  const target = pglite! as unknown as Record<'query' | 'exec' | 'transaction', (...args: unknown[]) => unknown>;
  const originals = { query: target.query, exec: target.exec, transaction: target.transaction };
  for (const k of ['query', 'exec', 'transaction'] as const) {
    target[k] = function (this: unknown, ...args: unknown[]) {
      n += 1;
      return originals[k].apply(this, args);
    };
  }
  return { count: () => n, stop: () => Object.assign(target, originals) };
}

describe('exports', () => {
  it('cost the same few round trips for six contracts as for one, with every contract in its row', async () => {
    const own = await registrationCast(t, { pointRegion: '120102' });
    const exportOwn = async () => {
      // A session is touched (one UPDATE) at most once a minute: touch it now, so a slow machine
      // crossing that minute during the export does not count the touch as the export's.
      clock.advance(61_000);
      await own.applicantSession.inject({ method: 'GET', url: '/api/me' });
      const counter = roundTrips(t);
      try {
        const res = await own.applicantSession.inject({ method: 'GET', url: '/api/me/contracts/export.xlsx' });
        expect(res.statusCode, res.body).toBe(200);
        return { trips: counter.count(), rows: await sheetRows(res.rawPayload) };
      } finally {
        counter.stop();
      }
    };
    const first = await fileDraft(own.applicantSession, contractInput({ registrationOrganizationId: own.point.id }));
    const one = await exportOwn();
    expect(one.rows.map((r) => r.系统编号)).toEqual([first.id]);
    const more: ContractView[] = [];
    for (let i = 0; i < 5; i++)
      more.push(
        await fileDraft(
          own.applicantSession,
          contractInput({ registrationOrganizationId: own.point.id }, { title: `第${i + 2}份合同 专利权转让` }),
        ),
      );
    await uploadScan(own.applicantSession, more[0]!.id);
    const six = await exportOwn();
    expect(six.trips).toBe(one.trips);
    expect(six.rows).toHaveLength(6);
    expect(new Set(six.rows.map((r) => r.系统编号))).toEqual(new Set([first.id, ...more.map((c) => c.id)]));
    const scanned = six.rows.find((r) => r.系统编号 === more[0]!.id)!;
    expect(scanned).toMatchObject({
      合同名称: '第2份合同 专利权转让',
      '合同成交额（元）': '1200000.00',
      合同扫描件链接: expect.stringMatching(new RegExp(`/api/contracts/${more[0]!.id}/attachments/`)),
    });
    expect(scanned.非技术性费用明细).toBe(
      '设备:包覆反应釜一台:150000.00:随技术交付的专用设备，按采购价计；技术载体:工艺图纸与样品:5000.00:合理数量的技术载体，不扣除',
    );
  });

  it('write the same rows in the same order whatever the batch size', async () => {
    for (let i = 0; i < 5; i++) await certify(cast, (await submitApplication(cast, { title: `批次测试合同 ${i}` })).id);
    const actor = await actorFor(t.db, cast.registrar);
    const query = { status: 'certified' as const };
    const byTwos = await sheetRows(
      await drain(await exportRegisteredContracts({ db: t.db, actor, query, publicUrl: t.app.ctx.config.publicUrl, batchSize: 2 })),
    );
    const res = await cast.registrarSession.inject({ method: 'GET', url: '/api/registration/contracts/export.xlsx' });
    const whole = await sheetRows(res.rawPayload);
    expect(whole).toHaveLength(5);
    expect(byTwos).toEqual(whole);
    // The search the registrar typed narrows the export too.
    const searched = await sheetRows(
      (
        await cast.registrarSession.inject({
          method: 'GET',
          url: `/api/registration/contracts/export.xlsx?q=${encodeURIComponent('批次测试合同 3')}`,
        })
      ).rawPayload,
    );
    expect(searched.map((r) => r.合同名称)).toEqual(['批次测试合同 3']);
  });

  it('refuse more rows than the cap, naming the filter to narrow', async () => {
    const actor = await actorFor(t.db, cast.registrar);
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fields } : e),
      );
    const year = Number(localDateOf(clock.now()).slice(0, 4)); // certified today (Beijing)
    expect(
      await refusal(exportRegisteredContracts({ db: t.db, actor, query: { status: 'certified' }, publicUrl: '', maxRows: 4 })),
    ).toEqual({
      code: 'validation_failed',
      fields: [{ field: 'query.year', message: 'the export would hold more than 4 contracts; choose a certification year' }],
    });
    expect(
      await refusal(exportRegisteredContracts({ db: t.db, actor, query: { status: 'certified', year }, publicUrl: '', maxRows: 4 })),
    ).toMatchObject({ fields: [{ field: 'query.q' }] });
    expect(
      await refusal(exportOwnContracts({ db: t.db, actor: await actorFor(t.db, cast.applicant), query: {}, publicUrl: '', maxRows: 4 })),
    ).toMatchObject({ fields: [{ field: 'query.status' }] });
    const fits = await drain(
      await exportRegisteredContracts({ db: t.db, actor, query: { status: 'certified', year }, publicUrl: '', maxRows: 5 }),
    );
    expect(await sheetRows(fits)).toHaveLength(5);
  });

  it('stay within their scope: a registrar of another point exports none of these', async () => {
    const other = await registrationCast(t, { pointRegion: '120113' });
    const res = await other.registrarSession.inject({ method: 'GET', url: '/api/registration/contracts/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(await sheetRows(res.rawPayload)).toEqual([]);
    expect((await other.applicantSession.inject({ method: 'GET', url: '/api/registration/contracts/export.xlsx' })).statusCode).toBe(403);
  });
});

describe('reading a contract', () => {
  it('sends one statement at a time on a connection (no query queued behind another on a transaction’s client)', async () => {
    if (!t.database.pool) return; // PGlite has one connection and queues by itself
    type Client = { _activeQuery: unknown; _queryQueue: unknown[]; query: (...args: unknown[]) => unknown };
    const proto = pg.Client.prototype as unknown as Client;
    const original = proto.query;
    const overlapping: string[] = [];
    proto.query = function (this: Client, ...args: unknown[]) {
      if (this._activeQuery || this._queryQueue.length > 0)
        overlapping.push(String((args[0] as { text?: string }).text ?? args[0]).slice(0, 80));
      return original.apply(this, args);
    };
    try {
      const c = await submitApplication(cast);
      expect((await certify(cast, c.id)).statusCode).toBe(200);
      expect((await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/${c.id}` })).statusCode).toBe(200);
    } finally {
      proto.query = original;
    }
    expect(overlapping).toEqual([]);
  });
});
