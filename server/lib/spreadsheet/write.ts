/**
 * Writes a workbook from a sheet declaration with ExcelJS's streaming writer: the data sheet (the
 * template: the header only; an export: one row per record, committed as written, so memory stays
 * flat) then 填写说明 (every column's help, the notes, the reference lists the dropdowns point at).
 */
import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from './exceljs.js';
import { clock } from '../clock.js';
import { MAX_IMPORT_ROWS, requiredLabel, type Column, type SheetSpec } from './sheet.js';

const HELP = '填写说明';
const HELP_COLUMNS = 4; // 列名, 必填, 说明, 示例; the reference lists start after one blank column
const letter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** Where each reference list starts on 填写说明 (1-based column number). */
function listColumns(spec: SheetSpec<never, unknown, never>): Map<string, number> {
  const at = new Map<string, number>();
  let col = HELP_COLUMNS + 2;
  for (const list of spec.lists ?? []) {
    at.set(list.id, col);
    col += list.headers.length + 1;
  }
  return at;
}

export async function writeWorkbook<R>(
  out: Writable,
  spec: SheetSpec<R, unknown, never>,
  batches: AsyncIterable<R[]> | null,
): Promise<void> {
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Jinqiao 津桥';
  wb.created = clock.now();
  const generic = spec as unknown as SheetSpec<never, unknown, never>;
  const columns = spec.columns.filter((c) => batches || !c.exportOnly);
  const lists = listColumns(generic);
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.id, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    const req = requiredLabel(c as Column<never, never>, spec.modes);
    cell.note = `${req === '是' ? '必填。' : req ? `${req}必填。` : ''}${c.help}${c.example ? `\n例：${c.example}` : ''}`;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.exportOnly ? 'FFEEEEEE' : c.required ? 'FFFFE7BA' : 'FFDDEBF7' } };
    const range = `${letter(i + 1)}2:${letter(i + 1)}${MAX_IMPORT_ROWS + 1}`;
    const list = c.choices && spec.lists?.find((l) => l.id === c.choices!.list);
    const validation: ExcelJS.DataValidation | undefined = list
      ? {
          type: 'list',
          allowBlank: true,
          formulae: [`'${HELP}'!$${letter(lists.get(list.id)!)}$3:$${letter(lists.get(list.id)!)}$${list.rows.length + 2}`],
          showErrorMessage: false,
          showInputMessage: true,
          prompt: c.choices!.prompt,
        }
      : c.validation;
    // exceljs keeps range validations (untyped API); Excel shows the dropdown on every row of the range.
    if (validation)
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        range,
        validation,
      );
  });
  header.commit();
  if (batches) for await (const batch of batches) for (const rec of batch) ws.addRow(columns.map((c) => c.write(rec))).commit();
  ws.commit();

  const help = wb.addWorksheet(HELP);
  [16, 10, 60, 34].forEach((w, i) => (help.getColumn(i + 1).width = w));
  const title = (row: number, col: number, value: string) =>
    Object.assign(help.getRow(row).getCell(col), { value, font: { bold: true, size: 12 } });
  const heads = (col: number, values: string[]) =>
    values.forEach((v, i) => Object.assign(help.getRow(2).getCell(col + i), { value: v, font: { bold: true } }));
  title(1, 1, `${spec.sheet}导入：每列的填写方法`);
  heads(1, ['列名', '必填', '说明', '示例']);
  const own = columns.filter((c) => !c.exportOnly);
  // The streaming writer commits rows in order: gather every cell first, then write row by row.
  const cells = new Map<number, Array<[number, unknown]>>();
  const put = (row: number, col: number, value: unknown) => cells.set(row, [...(cells.get(row) ?? []), [col, value]]);
  own.forEach((c, i) => {
    put(i + 3, 1, c.header);
    put(i + 3, 2, requiredLabel(c as Column<never, never>, spec.modes));
    put(i + 3, 3, c.help);
    put(i + 3, 4, c.example ?? '');
  });
  spec.notes.forEach((n, i) => put(own.length + 4 + i, 1, n));
  for (const list of spec.lists ?? []) {
    const col = lists.get(list.id)!;
    list.widths.forEach((w, i) => (help.getColumn(col + i).width = w));
    title(1, col, list.title);
    heads(col, list.headers);
    list.rows.forEach((r, i) => r.forEach((v, j) => put(i + 3, col + j, v)));
  }
  help.getRow(1).commit();
  help.getRow(2).commit();
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const r = help.getRow(row);
    for (const [col, value] of cells.get(row)!) r.getCell(col).value = value as ExcelJS.CellValue;
    r.commit();
  }
  help.commit();
  await wb.commit();
}

/** The whole workbook as one buffer (the template, or a small export). */
export async function workbookBuffer<R>(spec: SheetSpec<R, unknown, never>, records: R[] | null): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject));
  await writeWorkbook(
    out,
    spec,
    records
      ? (async function* () {
          yield records;
        })()
      : null,
  );
  await ended;
  return Buffer.concat(chunks);
}
