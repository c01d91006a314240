import { describe, expect, it } from 'vitest';
import { cleanFileName, maxBytesOf, MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES, sniffFileType, zipEntryNames } from './sniff.js';

/** A stored (uncompressed) zip of the given entries: enough for the central-directory reader. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, 'utf8');
    const body = Buffer.from('<x/>');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    centrals.push(central, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('sniffFileType', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n')],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['docx', zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])],
    ['xlsx', zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'])],
  ])('knows %s by its bytes', (type, bytes) => {
    expect(sniffFileType(bytes)).toBe(type);
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['a plain zip', zip(['readme.txt'])],
    ['an OOXML zip that is neither Word nor Excel', zip(['[Content_Types].xml', 'ppt/presentation.xml'])],
    ['a truncated zip', zip(['[Content_Types].xml', 'word/document.xml']).subarray(0, 60)],
    ['PDF bytes not at the start', Buffer.from(' %PDF-1.4')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, bytes) => {
    expect(sniffFileType(bytes)).toBeNull();
  });

  it('reads the entry names of a zip', () => {
    expect(zipEntryNames(zip(['a.txt', '目录/b.xml']))).toEqual(['a.txt', '目录/b.xml']);
    expect(zipEntryNames(Buffer.from('not a zip at all, no end record here'))).toBeNull();
  });
});

describe('limits and names', () => {
  it('holds images to 5 MB and documents to 10 MB', () => {
    expect(maxBytesOf('png')).toBe(MAX_IMAGE_BYTES);
    expect(maxBytesOf('jpeg')).toBe(5 * 1024 * 1024);
    expect(maxBytesOf('pdf')).toBe(MAX_DOCUMENT_BYTES);
    expect(maxBytesOf('xlsx')).toBe(10 * 1024 * 1024);
  });

  it('keeps the name, drops paths and control characters, and gives it the sniffed extension', () => {
    expect(cleanFileName('专利证书.pdf', 'pdf')).toBe('专利证书.pdf');
    expect(cleanFileName('C:\\fakepath\\setup.exe', 'pdf')).toBe('setup.pdf');
    expect(cleanFileName('../../etc/"pass\u0000wd".png', 'png')).toBe('passwd.png');
    expect(cleanFileName('.pdf', 'pdf')).toBe('file.pdf');
    expect(cleanFileName('photo.JPG', 'jpeg')).toBe('photo.jpg');
  });
});
