/**
 * Writing the contracts workbook (template or export: the data sheet plus 填写说明) and reading an
 * uploaded one into one validated ContractInput (or its errors) per data row.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { ContractInput } from '../../../common/api/contracts.js';
import { CONTRACT_SUBTYPE_LABELS, CONTRACT_SUBTYPES, CONTRACT_TYPE_LABELS, CONTRACT_TYPES, parseRegistrationNumber } from '../../../common/contracts.js';
import { clock } from '../../lib/clock.js';
import type { Organization } from './content.js';
import type { LoadedContract } from './records.js';
import { contractColumns, squash, text, type Column, type ReadContext, type Scalar } from './xlsx-columns.js';

export const MAX_IMPORT_ROWS = 5000;
export type ImportMode = 'applications' | 'historical';
const SHEET = '技术合同';
const normaliseHeader = (h: string) => h.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

/** What a row carries besides the contract itself. */
export interface RowExtras {
  scanUrl: string | null;
  registrationNumber: string | null;
  certifiedOn: string | null;
  technologyTransactionAmountFen: number | undefined;
  adjustmentReason: string | null;
}

export interface ParsedRow {
  row: number;
  input: ContractInput | null;
  extras: RowExtras;
  issues: RowIssue[];
}

/**
 * Writes the workbook into `out` with ExcelJS's streaming writer: the data sheet (one row per
 * contract from `batches`; null = the empty template) then 填写说明. Each row is committed as it is
 * written, so memory stays flat however many contracts there are.
 */
export async function writeWorkbook(out: Writable, opts: { fields: Array<{ code: string; nameZh: string }>; batches: AsyncIterable<LoadedContract[]> | null; publicUrl?: string }): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Jinqiao 津桥';
  wb.created = clock.now();
  const columns = contractColumns(opts.publicUrl ?? '').filter((c) => opts.batches || !c.exportOnly);
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.id, width: c.width }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    const req = c.required?.length === 2 ? '必填。' : c.required?.[0] === 'applications' ? '申请登记必填。' : c.required ? '历史登记必填。' : '';
    cell.note = `${req}${c.help}${c.example ? `\n例：${c.example}` : ''}`;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.exportOnly ? 'FFEEEEEE' : c.required ? 'FFFFE7BA' : 'FFDDEBF7' } };
  });
  ws.getRow(1).commit();
  if (opts.batches) for await (const batch of opts.batches) for (const c of batch) ws.addRow(columns.map((col) => col.write(c))).commit();
  ws.commit();

  const help = wb.addWorksheet('填写说明');
  help.getColumn('A').width = 22;
  help.getColumn('B').width = 14;
  help.getColumn('C').width = 70;
  help.getColumn('E').width = 26;
  help.getColumn('F').width = 10;
  help.getColumn('H').width = 14;
  help.getColumn('I').width = 30;
  help.getCell('A1').value = '技术合同导入：每列的填写方法';
  help.getCell('A1').font = { bold: true, size: 12 };
  help.getRow(2).values = ['列名', '必填', '说明'];
  columns.filter((c) => !c.exportOnly).forEach((c, i) => {
    help.getRow(i + 3).getCell(1).value = c.header;
    help.getRow(i + 3).getCell(2).value = c.required?.length === 2 ? '是' : c.required?.[0] === 'applications' ? '申请登记' : c.required ? '历史登记' : '';
    help.getRow(i + 3).getCell(3).value = `${c.help}${c.example ? `（例：${c.example}）` : ''}`;
  });
  const notes = [
    `每行一份合同，第 1 行为表头，请勿修改列名（顺序可调整，多余的列被忽略）。每个文件最多 ${MAX_IMPORT_ROWS} 行。`,
    '申请登记导入：每行成为一份已提交的认定登记申请（本单位为卖方，技术引进时为买方），登记机构的办理时限自导入时起算。',
    '历史登记导入（登记员）：每行成为本登记机构一份已认定登记的合同，保留原登记编号与登记日期。',
    '任何一行有误时整个文件都不导入，系统列出每一行每一列的错误；改正后重新上传即可。导出的文件可直接再次导入。',
  ];
  notes.forEach((n, i) => (help.getRow(columns.length + 4 + i).getCell(1).value = n));
  help.getCell('E1').value = '技术领域';
  opts.fields.forEach((f, i) => {
    help.getRow(i + 3).getCell('E').value = f.nameZh;
    help.getRow(i + 3).getCell('F').value = f.code;
  });
  help.getCell('H1').value = '合同类别';
  let r = 3;
  for (const type of CONTRACT_TYPES) {
    help.getRow(r).getCell('H').value = CONTRACT_TYPE_LABELS[type].zh;
    help.getRow(r++).getCell('I').value = CONTRACT_SUBTYPES[type].map((s) => CONTRACT_SUBTYPE_LABELS[s].zh).join('、') || '（无子类）';
  }
  help.commit();
  await wb.commit();
}

/** The whole workbook as one buffer (the template: no rows). */
export async function workbookBuffer(fields: Array<{ code: string; nameZh: string }>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject));
  await writeWorkbook(out, { fields, batches: null });
  await ended;
  return Buffer.concat(chunks);
}

function scalar(v: ExcelJS.CellValue): Scalar {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result == null || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : v.result;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : scalar(v.text as ExcelJS.CellValue);
  return null;
}

/** The row draft → the object ContractInput validates; the applicant's side is completed from the applicant organisation. */
function assembleInput(d: Record<string, unknown>, applicant: Organization | null): Record<string, unknown> {
  const party = (role: string) => ({
    name: d[`${role}.name`],
    creditCode: d[`${role}.creditCode`] ?? null,
    organizationType: d[`${role}.organizationType`] ?? 'enterprise',
    regionCode: d[`${role}.regionCode`] ?? null,
    country: d[`${role}.country`] ?? 'CN',
  });
  const seller = party('seller');
  const buyer = party('buyer');
  if (applicant) {
    const own = squash(String(seller.country)) === 'cn' ? seller : buyer;
    Object.assign(own, { name: own.name ?? applicant.name, creditCode: own.creditCode ?? applicant.creditCode, regionCode: own.regionCode ?? applicant.regionCode, organizationType: d[`${own === seller ? 'seller' : 'buyer'}.organizationType`] ?? applicant.type });
  }
  return {
    type: d.type,
    subtype: d.subtype ?? null,
    title: d.title,
    subject: d.subject,
    fieldCode: d.fieldCode,
    signedOn: d.signedOn,
    validFrom: d.validFrom ?? null,
    validUntil: d.validUntil ?? null,
    seller,
    buyer,
    intermediary: d['intermediary.name'] ? { ...party('intermediary'), organizationType: 'transfer_institution' } : null,
    broker: d.brokerName ? { name: d.brokerName } : null,
    contractAmountFen: d.contractAmountFen,
    nonTechnicalCosts: d.nonTechnicalCosts ?? [],
    relatedServicesInvoicedTogether: d.relatedServicesInvoicedTogether ?? false,
    payments: d.payments ?? [],
    ipInvolved: d.ipInvolved ?? [],
  };
}

const Url = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(500);

function parseRow(mode: ImportMode, columns: Column[], at: Map<string, number>, row: ExcelJS.Row, ctx: ReadContext, applicant: Organization | null): ParsedRow {
  const draft: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const failed = new Set<string>();
  const fail = (c: Column, message: string) => {
    issues.push({ row: row.number, field: c.header, message: `${c.header}: ${message}` });
    c.keys.forEach((k) => failed.add(k));
  };
  for (const c of columns) {
    const index = at.get(c.id);
    const value = index === undefined ? null : scalar(row.getCell(index).value);
    if (c.required?.includes(mode) && text(value) === '') {
      fail(c, 'is required');
      continue;
    }
    const r = c.read(value, ctx);
    if (r.ok) draft[c.id] = r.value;
    else fail(c, r.error);
  }
  const extras: RowExtras = {
    scanUrl: (draft.scanUrl as string | undefined) ?? null,
    registrationNumber: (draft.registrationNumber as string | undefined) ?? null,
    certifiedOn: (draft.certifiedOn as string | undefined) ?? null,
    technologyTransactionAmountFen: draft.technologyTransactionAmountFen as number | undefined,
    adjustmentReason: (draft.adjustmentReason as string | undefined) ?? null,
  };
  const column = (key: string) => columns.find((c) => c.keys.includes(key))!;
  if (extras.scanUrl && !Url.safeParse(extras.scanUrl).success && !failed.has('scanUrl')) fail(column('scanUrl'), 'must be an http(s) link');
  if (mode === 'historical' && extras.registrationNumber && !parseRegistrationNumber(extras.registrationNumber)) fail(column('registrationNumber'), 'must be 16 digits: year (4) + region code (6) + sequence (6)');
  const parsed = ContractInput.safeParse(assembleInput(draft, applicant));
  if (parsed.success) return { row: row.number, input: issues.length ? null : parsed.data, extras, issues };
  for (const issue of parsed.error.issues) {
    const keys = [issue.path.slice(0, 2).join('.'), String(issue.path[0])];
    if (keys.some((k) => failed.has(k))) continue; // the cell's own error says it better
    const col = keys.map((k) => columns.find((c) => c.keys.includes(k))).find(Boolean);
    const item = typeof issue.path[1] === 'number' ? `（第${issue.path[1] + 1}项）` : '';
    issues.push({ row: row.number, field: col?.header ?? issue.path.join('.'), message: `${col?.header ?? issue.path.join('.')}${item}: ${issue.message}` });
  }
  return { row: row.number, input: null, extras, issues };
}

/** Reads the contracts sheet (by name, else the first). A string is a problem with the file as a whole. */
export async function readImportFile(mode: ImportMode, file: Buffer, fields: Array<{ code: string; nameZh: string }>, applicant: Organization | null): Promise<ParsedRow[] | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return 'is not a readable .xlsx workbook';
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return 'has no worksheet';
  const columns = contractColumns().filter((c) => !c.exportOnly);
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, index) => {
    const col = byHeader.get(normaliseHeader(text(scalar(cell.value))));
    if (col && !at.has(col.id)) at.set(col.id, index);
  });
  const missing = columns.filter((c) => c.required?.includes(mode) && !at.has(c.id));
  if (missing.length) return `misses the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `「${c.header}」`).join('、')}; start from the template`;
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) return `has more than ${MAX_IMPORT_ROWS} rows; split it into several files`;
  const fieldCodes = new Map<string, string>();
  for (const f of fields) {
    fieldCodes.set(squash(f.code), f.code);
    fieldCodes.set(squash(f.nameZh), f.code);
  }
  const rows: ParsedRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.number === 1) return;
    if ([...at.values()].every((i) => text(scalar(row.getCell(i).value)) === '')) return;
    rows.push(parseRow(mode, columns, at, row, { fieldCodes }, applicant));
  });
  return rows.length ? rows : 'has no data rows under the header';
}
