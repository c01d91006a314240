import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it is the largest library the server has (hundreds of CommonJS
 * files), and only exports and templates need it, so starting the server does not pay for it.
 */
let loading: Promise<typeof ExcelJS> | null = null;
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return loading;
}
