import {
  CONTRACT_SUBTYPE_LABELS,
  CONTRACT_TYPE_LABELS,
  formatYuan,
  vatExemption,
  type ContractSubtype,
  type ContractType,
} from '../../../common/contracts.js';
import { amountInChineseCapitals } from '../../../common/amount-in-words.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { createPdf, renderPdf } from '../../lib/pdf.js';
import { encodeQr } from '../../lib/qr.js';
import type { LoadedContract, PartyRow } from './records.js';
import { verificationCode } from './verify.js';

/** What the certificate states: built here, rendered by `renderCertificate` (tests read this, since PDF text is compressed). */
export interface CertificateContent {
  title: string;
  /** The registration number, or null on a preview before certification. */
  registrationNumber: string | null;
  preview: boolean;
  cancelled: boolean;
  rows: Array<{ label: string; value: string }>;
  amounts: { contractAmountYuan: string; technologyTransactionAmountYuan: string };
  vat: { eligible: boolean; text: string };
  /** The public check (certified only): the verify page's address for the QR code, and the code printed beside it. */
  verification: { url: string; code: string } | null;
  footer: string;
}

/**
 * A party on lines of its own: name, credit code, place. The place starts its own line so a district
 * name (天津市滨海新区) is never broken across two lines.
 */
const partyLine = (p: PartyRow) =>
  [p.name, p.creditCode ? `统一社会信用代码 ${p.creditCode}` : null, p.country === 'CN' ? p.regionName : `境外（${p.country}）`]
    .filter(Boolean)
    .join('\n');

/** The registration point's name, with its district only when the name does not already say it. */
const pointLine = (point: { name: string; regionName: string }) =>
  point.name.includes(point.regionName) ? point.name : `${point.name}\n${point.regionName}`;

export function certificateContent(c: LoadedContract, opts: { preview: boolean; publicUrl?: string }): CertificateContent {
  const r = c.row;
  const type = CONTRACT_TYPE_LABELS[r.type as ContractType].zh;
  const subtype = r.subtype ? CONTRACT_SUBTYPE_LABELS[r.subtype as ContractSubtype]?.zh : null;
  const vat = vatExemption(r.type as ContractType, r.relatedServicesInvoicedTogether);
  const contractAmountYuan = formatYuan(r.contractAmountFen);
  const technologyTransactionAmountYuan = formatYuan(r.technologyTransactionAmountFen);
  const rows: CertificateContent['rows'] = [
    { label: '合同名称', value: r.title },
    { label: '合同类别', value: subtype ? `${type}（${subtype}）` : type },
    { label: '技术领域', value: c.fieldName ?? '—' },
    { label: '卖方（技术输出方）', value: partyLine(c.parties.seller) },
    { label: '买方（技术吸纳方）', value: partyLine(c.parties.buyer) },
  ];
  if (c.parties.intermediary) rows.push({ label: '中介方', value: partyLine(c.parties.intermediary) });
  rows.push(
    { label: '签订日期', value: r.signedOn },
    { label: '有效期限', value: r.validFrom || r.validUntil ? `${r.validFrom ?? '—'} 至 ${r.validUntil ?? '—'}` : '—' },
    { label: '合同成交额', value: `${contractAmountYuan} 元` },
    { label: '合同成交额（大写）', value: `人民币${amountInChineseCapitals(r.contractAmountFen)}` },
    { label: '非技术性费用（已扣除）', value: `${formatYuan(r.nonTechnicalCostsFen)} 元` },
    { label: '技术载体费用（合理数量，未扣除）', value: `${formatYuan(r.technicalCarrierFen)} 元` },
  );
  if (r.adjustmentFen)
    rows.push({
      label: '登记机构核定调整',
      value: `${r.adjustmentFen > 0 ? '+' : ''}${formatYuan(r.adjustmentFen)} 元（${r.adjustmentReason ?? ''}）`,
    });
  rows.push(
    { label: '技术交易额', value: `${technologyTransactionAmountYuan} 元` },
    { label: '技术交易额（大写）', value: `人民币${amountInChineseCapitals(r.technologyTransactionAmountFen)}` },
    { label: '登记机构', value: pointLine(c.registrationPoint) },
    { label: '登记日期', value: r.certifiedAt ? localDateOf(r.certifiedAt) : '（尚未登记）' },
    { label: '版本', value: `第 ${r.version} 版` },
  );
  return {
    title: '技术合同认定登记证明',
    registrationNumber: opts.preview ? null : r.registrationNumber,
    preview: opts.preview,
    cancelled: r.status === 'cancelled',
    rows,
    amounts: { contractAmountYuan, technologyTransactionAmountYuan },
    vat: { eligible: vat.eligible, text: `${vat.eligible ? '符合' : '不符合'}免征增值税条件。${vat.reasonZh}` },
    verification:
      !opts.preview && r.registrationNumber && r.certifiedAt
        ? {
            url: `${opts.publicUrl ?? ''}/verify/${encodeURIComponent(r.registrationNumber)}`,
            code: verificationCode({
              registrationNumber: r.registrationNumber,
              contractAmountFen: r.contractAmountFen,
              technologyTransactionAmountFen: r.technologyTransactionAmountFen,
              certifiedOn: localDateOf(r.certifiedAt),
            }),
          }
        : null,
    footer: `本证明由津桥技术转移平台生成于 ${localDateOf(clock.now())}。技术交易额 = 合同成交额 − 非技术性费用（设备、仪器、零部件、原材料）± 登记机构核定调整。`,
  };
}

const QR_SIZE = 72;

/** The QR code to the verify page in the top right corner, the verification code under it. */
function drawVerification(doc: PDFKit.PDFDocument, v: { url: string; code: string }): number {
  const qr = encodeQr(v.url);
  const quiet = 4;
  const cell = QR_SIZE / (qr.size + 2 * quiet);
  const x0 = doc.page.width - doc.page.margins.right - QR_SIZE;
  const y0 = doc.page.margins.top - 20;
  const { x, y } = doc;
  doc.save().fillColor('black');
  qr.modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) doc.rect(x0 + (c + quiet) * cell, y0 + (r + quiet) * cell, cell, cell);
    }),
  );
  doc.fill().restore();
  doc
    .font('cjk')
    .fontSize(7.5)
    .fillColor('#333333')
    .text(`验证码 ${v.code}`, x0 - 20, y0 + QR_SIZE + 1, { width: QR_SIZE + 40, align: 'center', lineBreak: false })
    .fillColor('black');
  doc.x = x;
  doc.y = y;
  return y0 + QR_SIZE + 12;
}

/** The certificate as an A4 PDF in Chinese. */
export async function renderCertificate(content: CertificateContent): Promise<Buffer> {
  const doc = createPdf({ title: content.title, subject: content.registrationNumber ?? '预览' });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('cjk-bold').fontSize(22).text(content.title, { align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('cjk')
    .fontSize(12)
    .text(content.preview ? '预览（尚未认定登记，不作为登记证明）' : `登记编号：${content.registrationNumber}`, { align: 'center' });
  if (content.cancelled) doc.fillColor('#c00000').text('本合同登记已注销', { align: 'center' }).fillColor('black');
  // The rows start below the QR code (it stands beside the title and the number).
  if (content.verification) doc.y = Math.max(doc.y, drawVerification(doc, content.verification));
  doc.moveDown(1);
  for (const row of content.rows) {
    const y = doc.y;
    doc.font('cjk-bold').fontSize(11).text(row.label, left, y, { width: 170 });
    const labelBottom = doc.y;
    doc.font('cjk').text(row.value, left + 180, y, { width: width - 180 });
    doc.y = Math.max(doc.y, labelBottom) + 4;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.y += 4;
  }
  doc.moveDown(0.5);
  doc.font('cjk-bold').fontSize(11).text('增值税免税资格', left);
  doc.font('cjk').fontSize(10.5).text(content.vat.text, left, doc.y, { width });
  doc.moveDown(1.5);
  doc.fontSize(9).fillColor('#555555').text(content.footer, left, doc.y, { width });
  if (content.preview) {
    doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font('cjk-bold')
      .fontSize(72)
      .fillColor('#dddddd', 0.5)
      .text('预览', 0, doc.page.height / 2 - 40, { width: doc.page.width, align: 'center' });
    doc.restore();
  }
  return renderPdf(doc);
}
