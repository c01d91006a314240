/**
 * What a file is, from its bytes — never from its name or the content type the browser sent. Only
 * the allow-list below is accepted; anything else (an .exe renamed .pdf, HTML, SVG with script) is
 * refused before it is stored.
 */
export const ALLOWED_FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf', image: false },
  png: { mime: 'image/png', ext: 'png', image: true },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', image: true },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', image: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', image: false },
} as const;
export type FileType = keyof typeof ALLOWED_FILE_TYPES;

/**
 * Size limits. A platform decision, not a rule: images are shown inline in record pages and kept
 * small; documents (patent certificates, test reports) may be longer scans.
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const maxBytesOf = (type: FileType) => (ALLOWED_FILE_TYPES[type].image ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Names of a zip's entries, read from its central directory; null when it is not a well-formed zip. */
export function zipEntryNames(buf: Buffer): string[] | null {
  // End of central directory: signature 0x06054b50, within the last 22 + 65535 (comment) bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return null;
    names.push(buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The allow-listed type the bytes are, or null. Office files are zips told apart by their parts. */
export function sniffFileType(buf: Buffer): FileType | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG)) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 30 && buf.readUInt32LE(0) === 0x04034b50) {
    const names = zipEntryNames(buf);
    if (!names || !names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, ≤ 120 characters. */
export function cleanFileName(name: string, type: FileType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 120);
  const ext = ALLOWED_FILE_TYPES[type].ext;
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}
