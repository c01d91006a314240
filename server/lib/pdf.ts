import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDFs in Chinese: pdfkit with Noto Sans SC (SIL Open Font License, shipped by the npm package
 * @expo-google-fonts/noto-sans-sc, so a fresh machine needs no system fonts). pdfkit embeds only the
 * glyphs used. Fonts are read once per process.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

export type Pdf = InstanceType<typeof PDFDocument>;

/** A new A4 document with the fonts `cjk` and `cjk-bold` registered and selected. */
export function createPdf(info: { title: string; subject?: string }): Pdf {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: info.title, Creator: 'Jinqiao 津桥', ...(info.subject ? { Subject: info.subject } : {}) },
  });
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);
  doc.font('cjk');
  return doc;
}

/** Ends the document and collects it into one buffer. */
export function renderPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
