import { asc, eq } from 'drizzle-orm';
import { PRICING_METHOD_LABELS, TRADE_ROUTE_LABELS, type TradeRoute } from '../../../common/api/trading.js';
import { TRANSFER_MODE_LABELS, type TransferMode } from '../../../common/catalog.js';
import type { Db } from '../../db/client.js';
import { tradeAuctionRegistrations, tradeBids, tradeListingIntents, tradeObjections } from './schema.js';
import type { ApprovalData, PricingBasisData } from './schema.js';
import type { Actor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { createPdf, renderPdf, type Pdf } from '../../lib/pdf.js';
import { SCREENING_DECISION_LABELS, EXPORT_CLASS_LABELS, type ScreeningEvidenceView } from '../../../common/api/export-control.js';
import { evidenceKey, screeningEvidence } from '../export-control/evidence.js';
import { partiesFor, seesIdentities } from './policy.js';
import { loadDeal, loadObjections, loadOrgRefs, loadTrade } from './records.js';

/**
 * The pricing-decision dossier (定价决策档案, seed 十八): the record that the procedure was followed —
 * the route, the price basis (appraisal or evaluation), approvals, and per route the listing's
 * intents, the auction's terms and full bid history, or the notice with its objections, answers
 * and resolutions. For the parties, trading staff and officials over the region. The reserve price
 * is confidential and appears only as whether there was one.
 */
const yuan = (fen: number | null | undefined) =>
  fen == null ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const at = (d: Date | null | undefined) =>
  d ? `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）` : '—';
const mode = (m: string) => TRANSFER_MODE_LABELS[m as TransferMode]?.zh ?? m;

function heading(doc: Pdf, text: string) {
  doc.moveDown(0.8).font('cjk-bold').fontSize(13).text(text).font('cjk').fontSize(10.5).moveDown(0.3);
}
function line(doc: Pdf, label: string, value: string) {
  doc.font('cjk-bold').text(`${label}：`, { continued: true }).font('cjk').text(value);
}

function basisAndApprovals(doc: Pdf, basis: PricingBasisData | null, approvals: ApprovalData[]) {
  heading(doc, '定价依据 Price basis');
  if (!basis) doc.text('未提供评估或评价（以竞争性方式或协商确定价格）。');
  else {
    line(doc, '方式', PRICING_METHOD_LABELS[basis.method]?.zh ?? basis.method);
    if (basis.appraiser) line(doc, '评估/评价机构', basis.appraiser);
    if (basis.appraisedValueFen != null) line(doc, '评估/评价值', yuan(basis.appraisedValueFen));
    if (basis.reportNumber) line(doc, '报告编号', basis.reportNumber);
    if (basis.reportDate) line(doc, '报告日期', basis.reportDate);
    if (basis.note) line(doc, '说明', basis.note);
  }
  heading(doc, '内部决策 Approvals');
  if (approvals.length === 0) doc.text('未登记。');
  approvals.forEach((a, i) => doc.text(`${i + 1}. ${a.decidedOn} ${a.body}：${a.decision}${a.reference ? `（${a.reference}）` : ''}`));
}

/** The export-control screening of a cross-border deal: decision, reviewer, items with control points, approvals. */
function exportScreening(doc: Pdf, e: ScreeningEvidenceView) {
  heading(doc, '出口管制审查 Export-control screening');
  line(doc, '审查编号', e.id);
  line(doc, '受让方所在地', e.foreignCountry ?? '—');
  line(doc, '依据目录', `${e.catalogue.label}（${e.catalogue.sourceDocument}）`);
  line(doc, '状态', e.statusLabel);
  line(doc, '审查结论', e.decision ? SCREENING_DECISION_LABELS[e.decision].zh : '待审查');
  if (e.reason) line(doc, '理由', e.reason);
  line(doc, '审查人', e.reviewer ?? '—');
  line(doc, '审查时间', at(e.decidedAt ? new Date(e.decidedAt) : null));
  if (e.letterOfIntentNo) line(doc, '技术出口许可意向书', `${e.letterOfIntentNo}（${e.letterOfIntentOn ?? ''}）`);
  if (e.licenceNo) line(doc, '技术出口许可证', `${e.licenceNo}（${e.licenceOn ?? ''}）`);
  doc.font('cjk-bold').text(`目录比对 Matched items（${e.items.length}）`).font('cjk');
  if (e.items.length === 0) doc.text('未匹配到目录条目。');
  e.items.forEach((i, n) => {
    doc.text(`${n + 1}. ${i.code ?? '（编号待核）'} ${i.name}（${EXPORT_CLASS_LABELS[i.class].zh}）${i.decided ? ' —— 结论依据' : ''}`);
    if (i.matchedTerms.length) doc.text(`   匹配词：${i.matchedTerms.join('、')}`);
    for (const p of i.matchedControlPoints) doc.text(`   控制要点：${p}`);
  });
}

export async function renderDealDossier(opts: { db: Db; actor: Actor; dealId: string }): Promise<{ filename: string; pdf: Buffer }> {
  const { db } = opts;
  const d = await loadDeal(db, opts.dealId);
  if (!d) throw AppError.notFound('Deal');
  const parties = partiesFor(opts.actor, {
    organizationId: d.row.sellerOrganizationId,
    regionPath: d.regionPath,
    buyerOrganizationIds: [d.row.buyerOrganizationId],
  });
  if (!parties.includes('owner') && !parties.includes('buyer') && !seesIdentities(parties)) throw AppError.notFound('Deal');
  const deal = d.row;
  const route = deal.route as TradeRoute;
  const doc = createPdf({ title: `定价决策档案 ${deal.title}`, subject: deal.id });
  doc.font('cjk-bold').fontSize(18).text('科技成果交易定价决策档案', { align: 'center' });
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor('#555')
    .text(`Pricing-decision dossier · 成交编号 ${deal.id} · 生成于 ${at(clock.now())}`, { align: 'center' })
    .fillColor('black')
    .fontSize(10.5);

  heading(doc, '成交 Deal');
  line(doc, '科技成果', deal.title);
  line(doc, '定价方式', `${TRADE_ROUTE_LABELS[route].zh}（${TRADE_ROUTE_LABELS[route].en}）`);
  line(doc, '转让方', d.seller.name);
  line(doc, '受让方', d.buyer.name);
  line(doc, '成交价格', yuan(deal.priceFen));
  line(doc, '转化方式', mode(deal.transferMode));
  line(doc, '成交时间', at(deal.createdAt));
  line(
    doc,
    '状态',
    deal.status === 'completed'
      ? `已付款（${at(deal.paymentConfirmedAt)}，凭证 ${deal.paymentReference ?? ''}）`
      : deal.status === 'cancelled'
        ? `已取消：${deal.cancelReason ?? ''}`
        : '待付款',
  );

  const screening = (await screeningEvidence(db, [{ subject: 'deal', id: deal.id }])).get(evidenceKey('deal', deal.id));
  if (screening) exportScreening(doc, screening);

  if (deal.auctionId) {
    const a = await loadTrade(db, 'auction', deal.auctionId);
    if (a) {
      basisAndApprovals(doc, a.row.pricingBasis ?? null, a.row.approvals);
      heading(doc, '拍卖 Auction');
      line(doc, '公告时间', at(a.row.announcedAt));
      line(doc, '竞价时间', `${at(a.row.startsAt)} 至 ${at(a.row.originalEndsAt)}；实际结束 ${at(a.row.endsAt)}`);
      line(doc, '起拍价 / 加价幅度', `${yuan(a.row.startingPriceFen)} / ${yuan(a.row.incrementFen)}`);
      line(doc, '保留价', a.row.reservePriceFen !== null ? '设有保留价（金额保密）' : '未设保留价');
      line(doc, '保证金', `${a.row.depositPercent}%（${yuan(a.row.depositFen)}）`);
      const regs = await db
        .select()
        .from(tradeAuctionRegistrations)
        .where(eq(tradeAuctionRegistrations.auctionId, a.row.id))
        .orderBy(asc(tradeAuctionRegistrations.createdAt));
      line(doc, '竞买人', regs.map((r) => `${r.bidderNumber}（${r.status}，保证金 ${r.depositStatus}）`).join('；') || '无');
      line(doc, '成交竞买人编号', a.row.winnerNumber ?? '—');
      const bids = await db.select().from(tradeBids).where(eq(tradeBids.auctionId, a.row.id)).orderBy(asc(tradeBids.seq));
      heading(doc, `出价记录 Bid history（${bids.length}）`);
      for (const b of bids)
        doc.text(
          `#${b.seq}  ${at(b.placedAt)}  竞买人 ${b.bidderNumber}  ${yuan(b.amountFen)}${b.extended ? `  延时至 ${at(b.endsAtAfter)}` : ''}`,
        );
    }
  }
  if (deal.listingId) {
    const l = await loadTrade(db, 'listing', deal.listingId);
    if (l) {
      if (!deal.auctionId) basisAndApprovals(doc, l.row.pricingBasis ?? null, l.row.approvals);
      heading(doc, '挂牌 Listing');
      line(doc, '挂牌价', yuan(l.row.basePriceFen));
      line(
        doc,
        '挂牌期',
        `${at(l.row.startsAt)} 至 ${at(l.row.endsAt)}（${l.row.listingDays} 日${l.row.renewals ? `，续挂 ${l.row.renewals} 次` : ''}）`,
      );
      const intents = await db
        .select()
        .from(tradeListingIntents)
        .where(eq(tradeListingIntents.listingId, l.row.id))
        .orderBy(asc(tradeListingIntents.createdAt));
      const orgs = await loadOrgRefs(
        db,
        intents.map((i) => i.buyerOrganizationId),
      );
      heading(doc, `意向受让 Intents（${intents.length}）`);
      for (const i of intents)
        doc.text(
          `${at(i.createdAt)}  ${orgs.get(i.buyerOrganizationId)?.name ?? ''}  报价 ${yuan(i.offerFen)}  ${i.status}${i.reviewReason ? `（${i.reviewReason}）` : ''}`,
        );
      if (deal.auctionId) doc.text('多个合格意向受让方，转为拍卖竞价（见上）。');
    }
  }
  if (deal.noticeId) {
    const n = await loadTrade(db, 'notice', deal.noticeId);
    if (n) {
      basisAndApprovals(doc, n.row.pricingBasis ?? null, n.row.approvals);
      heading(doc, '协议定价公示 Public notice');
      line(doc, '公示期', `${at(n.row.postedAt)} 至 ${at(n.row.endsAt)}（${n.row.noticeDays} 日）`);
      line(doc, '公示内容', n.row.summary);
      line(
        doc,
        '关联关系',
        n.row.relatedParty || n.row.relatedPartyReasons.length ? n.row.relatedPartyReasons.join('；') || '存在' : '未发现',
      );
      const objections = await loadObjections(db, eq(tradeObjections.noticeId, n.row.id));
      heading(doc, `异议 Objections（${objections.length}）`);
      if (objections.length === 0) doc.text('公示期内无异议。');
      objections.forEach((o, i) => {
        doc
          .font('cjk-bold')
          .text(`${i + 1}. ${at(o.row.createdAt)} 提出`)
          .font('cjk');
        doc.text(`理由：${o.row.grounds}`);
        doc.text(`答复：${o.row.answer ?? '—'}${o.row.answeredAt ? `（${at(o.row.answeredAt)}）` : ''}`);
        doc.text(
          `处理：${o.row.decision === 'upheld' ? '异议成立' : o.row.decision === 'dismissed' ? '异议不成立' : '未处理'}${o.row.resolutionReason ? `，${o.row.resolutionReason}` : ''}${o.row.resolvedAt ? `（${at(o.row.resolvedAt)}）` : ''}`,
        );
      });
    }
  }
  doc
    .moveDown(1.2)
    .fontSize(9)
    .fillColor('#555')
    .text('本档案由津桥平台根据交易记录自动生成，各环节均记入防篡改审计日志。', { align: 'left' });
  return { filename: `dossier-${deal.id}.pdf`, pdf: await renderPdf(doc) };
}
