/**
 * What a module declares to import and export one kind of record as xlsx: its columns (header,
 * reader, writer, help), the reference lists on the 填写说明 sheet, and how a row's cells become the
 * input its zod schema validates. See README.md.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { ok, type Read, type Scalar } from './cells.js';

/** Rows one file may hold (and the rows the template's dropdowns cover). */
export const MAX_IMPORT_ROWS = 5000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column<R, Ctx = unknown> {
  /** Where the cell's value goes in the row draft handed to `assemble`. */
  id: string;
  /** The Chinese header; matched ignoring white space, ＊ and full-width brackets. */
  header: string;
  /** Input paths (first segment, or two: `contacts.name`, `seller.name`) whose validation issues belong to this column. */
  keys: string[];
  /** Required in every import (true), or in the named modes only. */
  required?: boolean | readonly string[];
  /** What an empty required cell is told, when plain "is required" says too little. */
  requiredMessage?: string;
  width: number;
  help: string;
  example?: string;
  read(v: Scalar, ctx: Ctx): Read;
  write(rec: R): Scalar;
  /** A dropdown over one of the sheet's reference lists (by id); not enforced (a cell may hold several values or a code). */
  choices?: { list: string; prompt: string };
  /** Any other Excel data validation over the column's rows. */
  validation?: ExcelJS.DataValidation;
  numFmt?: string;
  /** Written on export only (status, id); ignored on import. */
  exportOnly?: boolean;
}

/** A column written on export only (status, id, owner), ignored on import. */
export function exportOnlyColumn<R, Ctx = unknown>(
  id: string,
  header: string,
  width: number,
  write: (rec: R) => Scalar,
  help = '导出时填写；导入时忽略',
): Column<R, Ctx> {
  return { id, header, keys: [], width, help, exportOnly: true, read: () => ok(undefined), write };
}

/** A table on the 填写说明 sheet: what a column accepts (technical fields, modes, …). Its first column feeds `choices`. */
export interface ReferenceList {
  id: string;
  title: string;
  headers: string[];
  widths: number[];
  rows: Scalar[][];
}

export interface SheetSpec<R, Out, Ctx = unknown> {
  /** The data sheet's name (the import reads it by name, else the first sheet). */
  sheet: string;
  columns: Array<Column<R, Ctx>>;
  lists?: ReferenceList[];
  /** Lines under the column table of 填写说明. */
  notes: string[];
  /** Import modes with their labels, for columns required in some modes only (申请登记 / 历史登记). */
  modes?: Record<string, string>;
  /** Row draft (column id → value) → the object `schema` validates. */
  assemble(draft: Record<string, unknown>, ctx: Ctx): unknown;
  schema: z.ZodType<Out>;
  /** Further checks of a row's draft; `fail(columnId, message)` reports on a column. */
  check?(draft: Record<string, unknown>, fail: (columnId: string, message: string) => void, mode: string | undefined): void;
  /** How a row error is named after `rows.<n>.`: the input path (`ipAssets.0.number`) or the column header. */
  errorField: 'path' | 'header';
}

export const isRequired = (c: Column<never, never>, mode: string | undefined): boolean =>
  c.required === true || (Array.isArray(c.required) && mode !== undefined && c.required.includes(mode));

/** 必填 / 申请登记 … for the help: '' when optional. */
export function requiredLabel(c: Column<never, never>, modes: Record<string, string> | undefined): string {
  if (!c.required) return '';
  if (c.required === true || !modes || Object.keys(modes).every((m) => (c.required as readonly string[]).includes(m))) return '是';
  return (c.required as readonly string[]).map((m) => modes[m] ?? m).join('、');
}
