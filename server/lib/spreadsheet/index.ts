/** The spreadsheet engine: declare a sheet (sheet.ts), write it (write.ts), read it (read.ts), import it with a job (jobs.ts). See README.md. */
export * from './cells.js';
export {
  failInterruptedImports,
  getImportJob,
  INTERRUPTED,
  runImport,
  type ImportJobView,
  type ImportResult,
  type ImportRun,
} from './jobs.js';
export { READ_LIMITS, readWorkbook, type FileProblem, type ParsedRow, type ReadLimits, type RowIssue } from './read.js';
export { exportOnlyColumn, MAX_IMPORT_ROWS, XLSX_MIME, type Column, type ReferenceList, type SheetSpec } from './sheet.js';
export { workbookBuffer, writeWorkbook } from './write.js';
export {
  acceptXlsx,
  ImportJobQuery,
  ImportJobSchema,
  ImportResultSchema,
  MAX_IMPORT_BYTES,
  RowIssueSchema,
  sendWorkbook,
  uploadedFile,
} from './http.js';
