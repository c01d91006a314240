/**
 * The text of a PDF written by server/lib/pdf.ts (pdfkit, embedded CJK font subsets), for tests that
 * check what a generated document says. pdfkit compresses page content and writes each glyph as its
 * subset id in hex; every font carries a ToUnicode map, which this reads to turn ids back into text.
 * Each text object (BT … ET) becomes one line of the answer: a wrapped line, or a run of a line
 * written in several fonts, is several.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let raw = body.slice(at + 'stream'.length).replace(/^\r?\n/, '');
    raw = raw.slice(0, raw.lastIndexOf('endstream')).replace(/\r?\n$/, '');
    const bytes = Buffer.from(raw, 'latin1');
    out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(bytes).toString('latin1') : raw });
  }
  return out;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmapOf(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(src!.toLowerCase(), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const width = lo!.length;
      const list = rest!.startsWith('[') ? [...rest!.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((x) => x[1]!.replace(/\s/g, '')) : null;
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(width, '0');
        if (list) {
          const dst = list[code - from];
          if (dst) map.set(key, utf16(dst));
        } else {
          const base = Buffer.from(rest!.slice(1, -1), 'hex');
          base.writeUInt16BE(base.readUInt16BE(base.length - 2) + (code - from), base.length - 2);
          map.set(key, utf16(base.toString('hex')));
        }
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const cmaps = new Map<number, Map<string, string>>();
  const fontCmap = new Map<string, Map<string, string>>();
  for (const [, o] of objs) {
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(ref));
      const tu = font?.dict.match(/\/ToUnicode\s+(\d+) 0 R/);
      if (!tu) continue;
      const n = Number(tu[1]);
      if (!cmaps.has(n)) cmaps.set(n, cmapOf(objs.get(n)?.stream ?? ''));
      fontCmap.set(name!, cmaps.get(n)!);
    }
  }
  const lines: string[] = [];
  for (const [, o] of objs) {
    if (o.stream === null || !/\bBT\b/.test(o.stream)) continue;
    let font: Map<string, string> | undefined;
    let current = '';
    const re = /\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(BT|ET)\b/g;
    for (let m = re.exec(o.stream); m; m = re.exec(o.stream)) {
      if (m[1]) font = fontCmap.get(m[1]);
      else if (m[3] === 'BT') current = '';
      else if (m[3] === 'ET') lines.push(current);
      else if (m[2] !== undefined && font)
        for (let i = 0; i < m[2].length; i += 4) current += font.get(m[2].slice(i, i + 4).toLowerCase()) ?? '';
    }
  }
  return lines.join('\n');
}
