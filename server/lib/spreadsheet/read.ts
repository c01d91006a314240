/**
 * Reads an uploaded workbook against a sheet declaration: the zip's declared sizes are checked
 * first (zip.ts), the cells are parsed in a worker thread with exceljs's streaming reader (stopping
 * past MAX_IMPORT_ROWS, with a memory ceiling and a time limit), then each row is read cell by cell
 * and validated here, giving one input (or the row's errors) per data row.
 */
import { Worker } from 'node:worker_threads';
import { text, type Scalar } from './cells.js';
import { isRequired, MAX_IMPORT_ROWS, type Column, type SheetSpec } from './sheet.js';
import { checkAndReorder, ZipRefused, type ZipLimits } from './zip.js';

/** One error: `row` is the worksheet row as Excel numbers it (0 for the file as a whole); `field` the input path or column header. */
export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

export interface ParsedRow<Out> {
  row: number;
  input: Out | null;
  /** Column id → the cell's value as read (what `assemble` got). */
  draft: Record<string, unknown>;
  issues: RowIssue[];
}

/** A problem with the file as a whole; `limit`: it broke a size limit (413) rather than being unreadable (400). */
export interface FileProblem {
  message: string;
  limit: boolean;
}

export interface ReadLimits extends ZipLimits {
  maxRows: number;
  /** The parsing worker's heap, in MB. */
  maxHeapMb: number;
  /** How long the parsing worker may take, in ms. */
  timeoutMs: number;
}

export const READ_LIMITS: ReadLimits = {
  maxRows: MAX_IMPORT_ROWS,
  maxEntries: 1000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxHeapMb: 256,
  timeoutMs: 60_000,
};

const YIELD_EVERY = 100;
const normaliseHeader = (h: string) => h.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

type Cells = Array<{ number: number; cells: Scalar[] }>;
type WorkerAnswer = { ok: true; rows: Cells } | { ok: false; limit: boolean; message: string };

const WORKER = new URL('./parse-worker.mjs', import.meta.url);

/** The cells of the data sheet, parsed off the event loop. */
function parseCells(file: Buffer, sheet: string, limits: ReadLimits): Promise<WorkerAnswer> {
  let zip: Buffer;
  try {
    zip = checkAndReorder(file, limits);
  } catch (err) {
    if (err instanceof ZipRefused) return Promise.resolve({ ok: false, limit: err.limit, message: err.message });
    throw err;
  }
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: { file: zip, sheet, maxRows: limits.maxRows },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (answer: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(
      () => settle({ ok: false, limit: true, message: `took longer than ${limits.timeoutMs / 1000} s to read (the limit of an import)` }),
      limits.timeoutMs,
    );
    worker.on('message', (answer: WorkerAnswer) => settle(answer));
    worker.on('error', (err: Error & { code?: string }) =>
      settle(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, limit: true, message: `needs more than ${limits.maxHeapMb} MB to read (the limit of an import)` }
          : { ok: false, limit: false, message: 'is not a readable .xlsx workbook' },
      ),
    );
    worker.on('exit', () => settle({ ok: false, limit: false, message: 'is not a readable .xlsx workbook' }));
  });
}

function columnForPath<C extends { keys: string[] }>(columns: C[], path: PropertyKey[]): C | undefined {
  const candidates = [
    `${String(path[0])}.${String(path[1])}`,
    typeof path[2] === 'string' ? `${String(path[0])}.${path[2]}` : null,
    String(path[0]),
  ];
  for (const key of candidates) {
    const col = key && columns.find((c) => c.keys.includes(key));
    if (col) return col;
  }
  return undefined;
}

function parseRow<R, Out, Ctx>(
  spec: SheetSpec<R, Out, Ctx>,
  columns: Array<Column<R, Ctx>>,
  at: Map<string, number>,
  number: number,
  cells: Scalar[],
  ctx: Ctx,
  mode: string | undefined,
): ParsedRow<Out> {
  const draft: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const failed = new Set<string>();
  const order = new Map<RowIssue, number>();
  const name = (c: Column<R, Ctx> | undefined, path: string) => (spec.errorField === 'header' ? (c?.header ?? path) : path);
  const fail = (c: Column<R, Ctx>, message: string) => {
    const issue = { row: number, field: name(c, c.keys[0] ?? c.id), message: `${c.header}: ${message}` };
    issues.push(issue);
    order.set(issue, columns.indexOf(c));
    c.keys.forEach((k) => failed.add(k));
  };
  for (const c of columns) {
    const index = at.get(c.id);
    if (index === undefined) continue; // an optional column left out of the file
    const value = cells[index] ?? null;
    if (isRequired(c as Column<never, never>, mode) && text(value) === '') {
      fail(c, c.requiredMessage ?? 'is required');
      continue;
    }
    const r = c.read(value, ctx);
    if (r.ok) draft[c.id] = r.value;
    else fail(c, r.error);
  }
  spec.check?.(
    draft,
    (id, message) => {
      const c = columns.find((col) => col.id === id)!;
      if (!c.keys.some((k) => failed.has(k))) fail(c, message);
    },
    mode,
  );
  const parsed = spec.schema.safeParse(spec.assemble(draft, ctx));
  if (parsed.success) return { row: number, input: issues.length ? null : parsed.data, draft, issues };
  for (const issue of parsed.error.issues) {
    const col = columnForPath(columns, issue.path);
    // A cell that could not be read already has its error; zod would only add "expected …" for it.
    if ([`${String(issue.path[0])}.${String(issue.path[1])}`, String(issue.path[0])].some((k) => failed.has(k))) continue;
    const item = typeof issue.path[1] === 'number' ? `（第${issue.path[1] + 1}项）` : '';
    const path = issue.path.map(String).join('.') || 'row';
    const entry = { row: number, field: name(col, path), message: `${col ? col.header : path}${item}: ${issue.message}` };
    issues.push(entry);
    order.set(entry, col ? columns.indexOf(col) : columns.length);
  }
  // Left to right, as the person reads the row.
  return { row: number, input: null, draft, issues: issues.sort((a, b) => order.get(a)! - order.get(b)!) };
}

/** Reads the declared sheet (by name, else the first). A FileProblem is about the file as a whole. */
export async function readWorkbook<R, Out, Ctx>(
  spec: SheetSpec<R, Out, Ctx>,
  file: Buffer,
  opts: { ctx: Ctx; mode?: string; limits?: Partial<ReadLimits> },
): Promise<Array<ParsedRow<Out>> | FileProblem> {
  const parsed = await parseCells(file, spec.sheet, { ...READ_LIMITS, ...opts.limits });
  if (!parsed.ok) return { message: parsed.message, limit: parsed.limit };
  const [head, ...body] = parsed.rows;
  const columns = spec.columns.filter((c) => !c.exportOnly);
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  const at = new Map<string, number>();
  if (head?.number === 1) {
    head.cells.forEach((cell, index) => {
      const col = byHeader.get(normaliseHeader(text(cell)));
      if (col && !at.has(col.id)) at.set(col.id, index);
    });
  }
  const missing = columns.filter((c) => isRequired(c as Column<never, never>, opts.mode) && !at.has(c.id));
  if (missing.length)
    return {
      limit: false,
      message: `misses the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `「${c.header}」`).join('、')}; start from the template`,
    };
  const rows: Array<ParsedRow<Out>> = [];
  const data = head?.number === 1 ? body : parsed.rows;
  for (const [i, { number, cells }] of data.entries()) {
    // Reading and validating 5,000 rows takes a while: let other requests in between.
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if ([...at.values()].every((c) => text(cells[c] ?? null) === '')) continue;
    rows.push(parseRow(spec, columns, at, number, cells, opts.ctx, opts.mode));
  }
  return rows.length ? rows : { limit: false, message: 'has no data rows under the header' };
}
