// Parses an uploaded workbook off the event loop (a worker thread, see read.ts), with exceljs's
// streaming reader: the rows of the data sheet (by name, else the first sheet) as plain values, and
// it stops as soon as the sheet holds more rows than the limit. Plain JavaScript so that it runs
// under any loader (tsx, vitest, node).
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
// Only the streaming reader: it loads in about a third of the time of the whole of exceljs.
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';

/** One cell → string | number | boolean | Date | null (rich text joined, formulas by their result). */
function scalar(v) {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return v.result == null || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : v.result;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : scalar(v.text);
  if ('error' in v) return v.error;
  return null;
}

const blank = (v) => v == null || (typeof v === 'string' && v.trim() === '');

async function parse({ file, sheet, maxRows }) {
  const reader = new WorkbookReader(Readable.from([Buffer.from(file)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  // A file without shared strings (inline strings, numbers): its sheets are parsed as they stream in
  // instead of being parked in temporary files until the end of the archive (see zip.ts for the order).
  reader.sharedStrings = [];
  let chosen = null;
  for await (const ws of reader) {
    const named = ws.name === sheet;
    const rows = [];
    let data = 0;
    for await (const row of ws) {
      const cells = [];
      let empty = true;
      row.values.forEach((v, i) => {
        const s = scalar(v);
        cells[i] = s;
        if (!blank(s)) empty = false;
      });
      if (empty) continue;
      if (row.number > 1 && ++data > maxRows) {
        // Answer at once: leaving the loops would drain (inflate) the rest of the sheet first.
        parentPort.postMessage({ ok: false, limit: true, message: `has more than ${maxRows} rows; split it into several files` });
        return null;
      }
      rows.push({ number: row.number, cells: Array.from(cells, (c) => c ?? null) });
    }
    if (!chosen || named) chosen = rows;
    if (named) break;
  }
  if (!chosen) return { ok: false, limit: false, message: 'has no worksheet' };
  return { ok: true, rows: chosen };
}

parse(workerData).then(
  (result) => result && parentPort.postMessage(result),
  () => parentPort.postMessage({ ok: false, limit: false, message: 'is not a readable .xlsx workbook' }),
);
