/**
 * An uploaded .xlsx is a zip. Before anything is inflated, its central directory is read and the
 * declared sizes are held to the limits (a zip bomb of 400 MB of white space is 423 KB). The entries
 * are then laid out again, byte for byte, in the order a streaming reader wants them (relationships,
 * workbook, shared strings and styles before the sheets), so the reader never parks a sheet in a
 * temporary file while it waits for the shared strings.
 */

export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Declared uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number;
}

interface Entry {
  name: string;
  offset: number;
  compressed: number;
  uncompressed: number;
}

/** Why the file is refused: `limit` is the limit it broke (for the problem), or null when it is not a zip at all. */
export class ZipRefused extends Error {
  constructor(
    message: string,
    readonly limit: boolean,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function centralDirectory(buf: Buffer): { entries: Entry[]; start: number } {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('is not a readable .xlsx workbook', false);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > eocd) throw new ZipRefused('is not a readable .xlsx workbook', false);
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('is not a readable .xlsx workbook', false);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      compressed: buf.readUInt32LE(at + 20),
      uncompressed: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, start };
}

const READ_ORDER = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
const rank = (name: string) => {
  const i = READ_ORDER.indexOf(name);
  return i >= 0 ? i : /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? READ_ORDER.length + 1 : READ_ORDER.length;
};

/**
 * Checks the declared sizes against the limits and returns the archive with its entries reordered
 * (the central directory follows unchanged: a streaming reader reads only the local headers, and
 * stops at the directory). Throws ZipRefused.
 */
export function checkAndReorder(buf: Buffer, limits: ZipLimits): Buffer {
  if (buf.length < 22) throw new ZipRefused('is not a readable .xlsx workbook', false);
  const { entries, start } = centralDirectory(buf);
  if (entries.length > limits.maxEntries) throw new ZipRefused(`holds more than ${limits.maxEntries} parts (the limit of an import)`, true);
  let total = 0;
  for (const e of entries) {
    // ZIP64 markers: a size that does not fit 32 bits is far beyond any limit here.
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff || e.offset === 0xffffffff) {
      throw new ZipRefused(`unpacks to more than ${mib(limits.maxEntryBytes)} in one part (the limit of an import)`, true);
    }
    if (e.uncompressed > limits.maxEntryBytes)
      throw new ZipRefused(`unpacks to more than ${mib(limits.maxEntryBytes)} in one part (the limit of an import)`, true);
    total += e.uncompressed;
    if (total > limits.maxTotalBytes)
      throw new ZipRefused(`unpacks to more than ${mib(limits.maxTotalBytes)} (the limit of an import)`, true);
    if (e.offset >= start || buf.readUInt32LE(e.offset) !== LOCAL) throw new ZipRefused('is not a readable .xlsx workbook', false);
  }
  // Each entry runs from its local header to the next one's (data descriptors included).
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  const extent = new Map(byOffset.map((e, i) => [e, [e.offset, i + 1 < byOffset.length ? byOffset[i + 1]!.offset : start] as const]));
  const ordered = [...entries].sort((a, b) => rank(a.name) - rank(b.name) || a.offset - b.offset);
  return Buffer.concat([...ordered.map((e) => buf.subarray(...extent.get(e)!)), buf.subarray(start)]);
}
