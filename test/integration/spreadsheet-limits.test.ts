import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '../../common/problems.js';
import { seedFields } from '../../server/db/seed/fields.js';
import { failInterruptedImports, INTERRUPTED, XLSX_MIME } from '../../server/lib/spreadsheet/index.js';
import { importJobs } from '../../server/lib/spreadsheet/schema.js';
import { createLoggedInUser, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * What a hostile or careless upload meets in the spreadsheet engine: a zip bomb and a file of a
 * million rows are refused naming the limit, one import runs at a time per organisation, and an import
 * cut off by a restart is failed at boot with the reason on its job.
 */
const t = useTestApp();

beforeAll(async () => {
  if (t.db) await seedFields(t.db);
});

/** A zip of stored-or-deflated entries, as a spreadsheet program writes it. */
interface ZipEntry {
  name: string;
  data: Buffer;
  /** An entry given already deflated, with its size and CRC (a bomb is never held inflated). */
  deflated?: { body: Buffer; size: number; crc: number };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflated?.body ?? deflateRawSync(e.data);
    const size = e.deflated?.size ?? e.data.length;
    const name = Buffer.from(e.name);
    const crc = e.deflated?.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal workbook with one sheet named 科技成果 whose XML is `sheetXml` (no shared strings: inline values). */
function workbookWith(sheetXml: Buffer, deflated?: ZipEntry['deflated']): Buffer {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, deflated },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="科技成果" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
  ]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const upload = (s: LoggedIn, file: Buffer, query = '') =>
  s.inject({ method: 'POST', url: `/api/achievements/import${query}`, headers: { 'content-type': XLSX_MIME }, payload: file });
const problem = (res: LightMyRequestResponse) => res.json() as { code: string; detail: string; errors: FieldError[] };

async function filer() {
  const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  return { user, session, orgId: user.organizationId! };
}

describe('hostile uploads', () => {
  it('refuses a zip bomb (a 200 MB sheet of white space) from its declared sizes, before inflating it', { timeout: 60_000 }, async () => {
    const { session } = await filer();
    // 200 MB of spaces as 200 repeats of one fully flushed deflate block of 1 MB (a valid deflate stream).
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
    const [head, tail] = [Buffer.from(SHEET_HEAD), Buffer.from(SHEET_TAIL)];
    let crc = crc32(head);
    for (let i = 0; i < 200; i++) crc = crc32(mb, crc);
    crc = crc32(tail, crc);
    const body = Buffer.concat([deflateRawSync(head, full), ...Array<Buffer>(200).fill(deflateRawSync(mb, full)), deflateRawSync(tail)]);
    const bomb = workbookWith(Buffer.alloc(0), { body, size: head.length + 200 * mb.length + tail.length, crc });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const res = await upload(session, bomb);
    console.info(
      `[${t.kind}] zip bomb (${Math.round(bomb.length / 1024)} KB → 200 MB) refused in ${Math.round(performance.now() - started)} ms, rss +${Math.round((process.memoryUsage().rss - before) / 1024 / 1024)} MB`,
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(res).errors).toEqual([
      { field: 'file', message: 'The file unpacks to more than 64 MB in one part (the limit of an import)' },
    ]);
    // Nothing was inflated: the process did not grow by anything like the 200 MB inside.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    const job = (await session.inject({ method: 'GET', url: `/api/import-jobs/${res.headers['x-import-job-id']}` })).json();
    expect(job).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file' }] });
  });

  it('refuses a file of a million rows while streaming it, at the row limit', { timeout: 120_000 }, async () => {
    const { session } = await filer();
    const rows: string[] = [SHEET_HEAD, '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>'];
    for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    rows.push(SHEET_TAIL);
    const file = workbookWith(Buffer.from(rows.join('')));
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const pending = upload(session, file);
    // /healthz while the hostile file is read (in this process: the same event loop the upload uses).
    const health: number[] = [];
    let done = false;
    void pending.finally(() => (done = true));
    while (!done) {
      const at = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      health.push(performance.now() - at);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await pending;
    loop.disable();
    health.sort((a, b) => a - b);
    // Figures, not assertions: the parse runs in a worker, so the event loop stays free meanwhile.
    console.info(
      `[${t.kind}] 1M-row file (${(file.length / 1024 / 1024).toFixed(1)} MB) refused in ${Math.round(performance.now() - started)} ms, ` +
        `rss +${Math.round((process.memoryUsage().rss - before) / 1024 / 1024)} MB, event-loop delay p99 ${Math.round(loop.percentile(99) / 1e6)} ms, max ${Math.round(loop.max / 1e6)} ms; ` +
        `/healthz meanwhile: ${health.length} answers, p99 ${Math.round(health[Math.floor(health.length * 0.99)] ?? 0)} ms, max ${Math.round(health.at(-1) ?? 0)} ms`,
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(res).errors).toEqual([{ field: 'file', message: 'The file has more than 5000 rows; split it into several files' }]);
  });

  it('refuses a body over 10 MB', async () => {
    const { session } = await filer();
    const res = await upload(session, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('one import at a time per organisation', () => {
  it('answers 409 while another import of the organisation runs, and a job cut off by a restart is failed at boot and frees it', async () => {
    const { session, user, orgId } = await filer();
    const running = randomUUID();
    // An import of this organisation in progress (or one a crash left running).
    await t.db.insert(importJobs).values({ id: running, userId: user.id, organizationId: orgId, kind: 'demands', status: 'running' });
    const file = workbookWith(Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>${SHEET_TAIL}`));
    const second = await upload(session, file);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(second).detail).toContain(`An import for this organisation is already running (import job ${running})`);

    // The next boot fails it, with the reason on the job.
    expect(await failInterruptedImports(t.db)).toBeGreaterThanOrEqual(1);
    const job = (await session.inject({ method: 'GET', url: `/api/import-jobs/${running}` })).json();
    expect(job).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file', message: INTERRUPTED }] });
    expect(job.finishedAt).not.toBeNull();

    // The organisation imports again (this file is refused for its content, not for a running import).
    const again = await upload(session, file);
    expect(again.statusCode).toBe(400);
    expect(problem(again).errors[0]!.message).toMatch(/misses the column/);
  });

  it('holds across two uploads sent at once: one runs, the other gets 409', async () => {
    const { session } = await filer();
    const file = workbookWith(Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>${SHEET_TAIL}`));
    const [a, b] = await Promise.all([upload(session, file), upload(session, file)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([400, 409]);
  });
});
