/**
 * Reading and writing the xlsx workbooks with exceljs: the template and the export (data sheet plus
 * the 填写说明 instruction sheet), and parsing an uploaded workbook into one validated input (or its
 * errors) per row.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import { IP_KIND_LABELS, IP_KINDS, TRANSFER_MODE_LABELS, TRANSFER_MODES, TRL_LEVELS } from '../../../common/catalog.js';
import { clock } from '../../lib/clock.js';
import type { RecordKind } from './lifecycle.js';
import type { LoadedRecord } from './records.js';
import { columnsOf, scalar, squash, text, type Column, type ReadContext, type TechnicalField } from './xlsx-columns.js';

export const MAX_IMPORT_ROWS = 5000;

const SHEET_NAME: Record<RecordKind, string> = { achievement: '科技成果', demand: '技术需求' };
const normaliseHeader = (h: string) => h.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** The row draft → the object AchievementInput / DemandInput validate. */
function assembleInput(kind: RecordKind, d: Record<string, unknown>): Record<string, unknown> {
  const names = (d.contactName as string[] | undefined) ?? [];
  const phones = (d.contactPhone as string[] | undefined) ?? [];
  const emails = (d.contactEmail as string[] | undefined) ?? [];
  const contacts = Array.from({ length: Math.max(names.length, phones.length, emails.length) }, (_, i) => ({
    name: names[i] ?? '',
    phone: phones[i] || undefined,
    email: emails[i] || undefined,
  }));
  const common = { title: d.title, summary: d.summary, fieldCode: d.fieldCode, keywords: d.keywords, contacts, attachments: d.attachments, restricted: d.restricted };
  type Money = { fen?: number; negotiable?: boolean } | undefined;
  if (kind === 'achievement') {
    const price = d.price as Money;
    return { ...common, problemSolved: d.problemSolved, advantage: d.advantage, trl: d.trl, ipAssets: d.ipAssets, transferModes: d.transferModes, priceFen: price?.fen ?? null, priceNegotiable: price?.negotiable ?? false, publicFunding: d.publicFunding, team: d.team };
  }
  const min = d.budgetMin as Money;
  const max = d.budgetMax as Money;
  return {
    ...common,
    budgetMinFen: min?.fen ?? null,
    budgetMaxFen: max?.fen ?? null,
    budgetNegotiable: Boolean(d.budgetNegotiable || min?.negotiable || max?.negotiable),
    cooperationModes: d.cooperationModes,
    trlMin: d.trlMin ?? null,
    deadline: d.deadline ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: the template (no rows) and the export (the caller's records, plus status and id)

function writeDataSheet(wb: ExcelJS.Workbook, kind: RecordKind, columns: Array<Column<RecordKind>>, records: LoadedRecord[]) {
  const ws = wb.addWorksheet(SHEET_NAME[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.id, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${c.required ? '必填。' : ''}${c.help}${c.example ? `\n例：${c.example}` : ''}`;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.exportOnly ? 'FFEEEEEE' : c.required ? 'FFFFE7BA' : 'FFDDEBF7' } };
    const column = ws.getColumn(i + 1);
    if (c.id === 'deadline') column.numFmt = 'yyyy-mm-dd';
    if (c.validation) {
      // exceljs keeps range validations (untyped API); Excel shows the dropdown on every row of the range.
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${column.letter}2:${column.letter}${MAX_IMPORT_ROWS + 1}`,
        c.validation,
      );
    }
  });
  for (const rec of records) ws.addRow(columns.map((c) => c.write(rec)));
}

function writeInstructions(wb: ExcelJS.Workbook, kind: RecordKind, columns: Array<Column<RecordKind>>, fields: TechnicalField[]) {
  const ws = wb.addWorksheet('填写说明');
  const widths: Record<string, number> = { A: 16, B: 6, C: 60, D: 34, F: 26, G: 8, H: 8, J: 12, L: 18, M: 12, O: 6, P: 40 };
  for (const [col, width] of Object.entries(widths)) ws.getColumn(col).width = width;
  const title = (addr: string, value: string) => Object.assign(ws.getCell(addr), { value, font: { bold: true, size: 12 } });
  const tableHead = (row: number, cols: string[], values: string[]) => cols.forEach((c, i) => Object.assign(ws.getCell(`${c}${row}`), { value: values[i], font: { bold: true } }));

  title('A1', `${SHEET_NAME[kind]}导入：每列的填写方法`);
  tableHead(2, ['A', 'B', 'C', 'D'], ['列名', '必填', '说明', '示例']);
  columns.forEach((c, i) => {
    ws.getRow(i + 3).getCell('A').value = c.header;
    ws.getRow(i + 3).getCell('B').value = c.required ? '是' : '';
    ws.getRow(i + 3).getCell('C').value = c.help;
    ws.getRow(i + 3).getCell('D').value = c.example ?? '';
  });
  const notes = [
    `在“${SHEET_NAME[kind]}”表中每行填写一条；第 1 行为表头，请勿修改列名（列的顺序可以调整，多余的列会被忽略）。`,
    `每个文件最多 ${MAX_IMPORT_ROWS} 行。导入的记录均为草稿，需提交审核后才会发布。`,
    '任何一行有误时整个文件都不会导入，系统会列出每一行的错误；改正后重新上传即可。',
    '金额以万元为单位（1 万元 = 1,000,000 分），最多 6 位小数。导出的文件可直接修改后再次导入（状态、所属单位、编号列会被忽略，导入总是新建草稿）。',
  ];
  notes.forEach((n, i) => (ws.getRow(columns.length + 4 + i).getCell('A').value = n));

  title('F1', '技术领域');
  tableHead(2, ['F', 'G', 'H'], ['名称', '代码', '分类']);
  fields.forEach((f, i) => {
    const row = ws.getRow(i + 3);
    row.getCell('F').value = f.nameZh;
    row.getCell('G').value = f.code;
    row.getCell('H').value = f.scheme === 'industry' ? '产业' : '学科';
  });
  title('J1', kind === 'achievement' ? '转化方式' : '合作方式');
  tableHead(2, ['J'], ['名称']);
  TRANSFER_MODES.forEach((m, i) => (ws.getRow(i + 3).getCell('J').value = TRANSFER_MODE_LABELS[m].zh));
  title('L1', '知识产权类别');
  tableHead(2, ['L', 'M'], ['类别', '编号']);
  IP_KINDS.forEach((k, i) => {
    ws.getRow(i + 3).getCell('L').value = IP_KIND_LABELS[k].zh;
    ws.getRow(i + 3).getCell('M').value = ['invention_patent', 'utility_model', 'design_patent', 'pct'].includes(k) ? '专利申请号（必填）' : '登记号（选填）';
  });
  title('O1', '技术就绪水平（TRL）');
  tableHead(2, ['O', 'P'], ['级别', '定义']);
  TRL_LEVELS.forEach((l, i) => {
    ws.getRow(i + 3).getCell('O').value = l.level;
    ws.getRow(i + 3).getCell('P').value = l.zh;
  });
}

export async function writeWorkbook(kind: RecordKind, fields: TechnicalField[], records: LoadedRecord[] | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jinqiao 津桥';
  wb.created = clock.now();
  const columns = columnsOf(kind, fields.length).filter((c) => records || !c.exportOnly);
  writeDataSheet(wb, kind, columns, records ?? []);
  writeInstructions(wb, kind, columns.filter((c) => !c.exportOnly), fields);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Reading: the workbook → one validated input (or its errors) per data row

/** One error: `row` is the worksheet row as Excel numbers it (0 for the file as a whole); `field` the input path. */
export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

type RecordInput = AchievementInput | DemandInput;
interface ParsedRow {
  row: number;
  input: RecordInput | null;
  issues: RowIssue[];
}

function columnForPath(columns: Array<Column<RecordKind>>, path: PropertyKey[]) {
  const candidates = [typeof path[2] === 'string' ? `${String(path[0])}.${path[2]}` : null, String(path[0])];
  for (const key of candidates) {
    const col = key && columns.find((c) => c.keys.includes(key));
    if (col) return col;
  }
  return undefined;
}

function parseRow(kind: RecordKind, columns: Array<Column<RecordKind>>, at: Map<string, number>, row: ExcelJS.Row, ctx: ReadContext): ParsedRow {
  const draft: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const failedKeys = new Set<string>();
  const order = new Map<RowIssue, number>();
  const fail = (c: Column<RecordKind>, message: string) => {
    issues.push({ row: row.number, field: c.keys[0] ?? c.id, message: `${c.header}: ${message}` });
    order.set(issues[issues.length - 1]!, columns.indexOf(c));
    c.keys.forEach((k) => failedKeys.add(k.split('.')[0]!));
  };
  for (const c of columns) {
    const index = at.get(c.id);
    if (index === undefined) continue;
    const value = scalar(row.getCell(index).value);
    if (c.required && text(value) === '') {
      fail(c, c.requiredMessage ?? 'is required');
      continue;
    }
    const r = c.read(value, ctx);
    if (r.ok) draft[c.id] = r.value;
    else fail(c, r.error);
  }
  const schema: z.ZodType<RecordInput> = kind === 'achievement' ? AchievementInput : DemandInput;
  const parsed = schema.safeParse(assembleInput(kind, draft));
  if (parsed.success) return { row: row.number, input: issues.length ? null : parsed.data, issues };
  for (const issue of parsed.error.issues) {
    // A cell that could not be read already has its error; zod would only add "expected …" for it.
    if (failedKeys.has(String(issue.path[0]))) continue;
    const col = columnForPath(columns, issue.path);
    const item = typeof issue.path[1] === 'number' ? `（第${issue.path[1] + 1}项）` : '';
    const field = issue.path.map(String).join('.') || 'row';
    issues.push({ row: row.number, field, message: `${col ? col.header : field}${item}: ${issue.message}` });
    order.set(issues[issues.length - 1]!, col ? columns.indexOf(col) : columns.length);
  }
  // Left to right, as the person reads the row.
  return { row: row.number, input: null, issues: issues.sort((a, b) => order.get(a)! - order.get(b)!) };
}

/** Reads the records sheet (by name, else the first sheet). A string is a problem with the file as a whole. */
export async function readImportFile(kind: RecordKind, file: Buffer, fields: TechnicalField[]): Promise<ParsedRow[] | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return 'is not a readable .xlsx workbook';
  }
  const ws = wb.getWorksheet(SHEET_NAME[kind]) ?? wb.worksheets[0];
  if (!ws) return 'has no worksheet';
  const columns = columnsOf(kind, fields.length).filter((c) => !c.exportOnly);
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, index) => {
    const col = byHeader.get(normaliseHeader(text(scalar(cell.value))));
    if (col && !at.has(col.id)) at.set(col.id, index);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.id));
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
    rows.push(parseRow(kind, columns, at, row, { fieldCodes }));
  });
  return rows.length ? rows : 'has no data rows under the header';
}
