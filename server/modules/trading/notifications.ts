import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notify } from '../alerts/notify.js';
import { tradeAuctionRegistrations } from './schema.js';

/**
 * What a bidder, seller or objector waits for, told through alerts' `notify()` inside the
 * transaction that made the change (a notification exists exactly when the change does). The texts
 * are the ones people read: zh-CN.
 */
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
const auctionLink = (id: string) => `/trading/auctions/${id}`;
const noticeLink = (id: string) => `/trading/notices/${id}`;

interface AuctionRef {
  id: string;
  title: string;
}

export async function notifyRegistrationDecided(
  tx: Tx,
  a: AuctionRef,
  r: { bidderOrganizationId: string; bidderNumber: string },
  decision: 'qualified' | 'rejected',
  reason: string | null,
  exceptUserId: string | null,
) {
  await notify(tx, {
    organizationId: r.bidderOrganizationId,
    exceptUserIds: [exceptUserId],
    kind: decision === 'qualified' ? 'registration_qualified' : 'registration_rejected',
    title:
      decision === 'qualified' ? `竞买资格已审核通过：「${a.title}」（竞买人编号 ${r.bidderNumber}）` : `竞买资格未通过：「${a.title}」`,
    body: reason,
    link: auctionLink(a.id),
    needsAction: decision === 'qualified',
  });
}

export async function notifyDepositConfirmed(
  tx: Tx,
  a: AuctionRef,
  r: { bidderOrganizationId: string; depositFen: number },
  exceptUserId: string | null,
) {
  await notify(tx, {
    organizationId: r.bidderOrganizationId,
    exceptUserIds: [exceptUserId],
    kind: 'deposit_confirmed',
    title: `竞买保证金已到账：「${a.title}」`,
    body: `保证金 ${yuan(r.depositFen)} 已确认，资格审核通过后即可出价。`,
    link: auctionLink(a.id),
  });
}

/** After an accepted bid: the previous leader is outbid; on an extension every other qualified bidder hears of the new end. */
export async function notifyBidConsequences(
  tx: Tx,
  a: AuctionRef,
  bid: { registrationId: string; amountFen: number; previousLeaderRegistrationId: string | null; extendedTo: Date | null; userId: string },
) {
  if (bid.previousLeaderRegistrationId && bid.previousLeaderRegistrationId !== bid.registrationId) {
    const [prev] = await tx
      .select({ org: tradeAuctionRegistrations.bidderOrganizationId })
      .from(tradeAuctionRegistrations)
      .where(eq(tradeAuctionRegistrations.id, bid.previousLeaderRegistrationId));
    if (prev) {
      await notify(tx, {
        organizationId: prev.org,
        exceptUserIds: [bid.userId],
        kind: 'auction_outbid',
        title: `您的出价已被超过：「${a.title}」`,
        body: `当前最高价 ${yuan(bid.amountFen)}。`,
        link: auctionLink(a.id),
        needsAction: true,
      });
    }
  }
  if (bid.extendedTo) {
    const others = await tx
      .select({ org: tradeAuctionRegistrations.bidderOrganizationId })
      .from(tradeAuctionRegistrations)
      .where(
        and(
          eq(tradeAuctionRegistrations.auctionId, a.id),
          eq(tradeAuctionRegistrations.status, 'qualified'),
          ne(tradeAuctionRegistrations.id, bid.registrationId),
        ),
      );
    for (const o of others) {
      await notify(tx, {
        organizationId: o.org,
        kind: 'auction_extended',
        title: `拍卖已延时：「${a.title}」`,
        body: `结束时间延至 ${bid.extendedTo.toISOString().slice(0, 16).replace('T', ' ')}（UTC）。`,
        link: auctionLink(a.id),
      });
    }
  }
}

/** At the close: the winner is told it won, every other qualified bidder that it did not. */
export async function notifyAuctionClosed(tx: Tx, a: AuctionRef, outcome: { winner: string | null; priceFen: number | null }) {
  const regs = await tx
    .select({ id: tradeAuctionRegistrations.id, org: tradeAuctionRegistrations.bidderOrganizationId })
    .from(tradeAuctionRegistrations)
    .where(and(eq(tradeAuctionRegistrations.auctionId, a.id), inArray(tradeAuctionRegistrations.status, ['qualified'])));
  for (const r of regs) {
    const won = r.id === outcome.winner;
    await notify(tx, {
      organizationId: r.org,
      kind: won ? 'auction_won' : 'auction_lost',
      title: won ? `恭喜竞得：「${a.title}」` : outcome.winner ? `未竞得：「${a.title}」` : `拍卖未成交：「${a.title}」`,
      body: won ? `成交价 ${yuan(outcome.priceFen ?? 0)}，请按成交确认书签订合同并支付价款。` : '您缴纳的竞买保证金将予退还。',
      link: auctionLink(a.id),
      needsAction: won,
    });
  }
}

export async function notifyObjectionFiled(tx: Tx, n: { id: string; title: string; organizationId: string }, objectorUserId: string) {
  await notify(tx, {
    organizationId: n.organizationId,
    exceptUserIds: [objectorUserId],
    kind: 'objection_filed',
    title: `协议定价公示收到异议：「${n.title}」`,
    body: '请在公示期内答复异议。',
    link: noticeLink(n.id),
    needsAction: true,
  });
}

export async function notifyObjectionAnswered(tx: Tx, n: { id: string; title: string }, objectorUserId: string, answer: string) {
  await notify(tx, {
    userIds: [objectorUserId],
    kind: 'objection_answered',
    title: `您的异议已获答复：「${n.title}」`,
    body: answer.slice(0, 200),
    link: noticeLink(n.id),
  });
}

export async function notifyObjectionResolved(
  tx: Tx,
  n: { id: string; title: string; organizationId: string },
  objectorUserId: string,
  decision: 'upheld' | 'dismissed',
  reason: string,
  exceptUserId: string | null,
) {
  const title = decision === 'upheld' ? `异议成立，公示已撤销：「${n.title}」` : `异议不成立：「${n.title}」`;
  await notify(tx, { userIds: [objectorUserId], kind: 'objection_resolved', title, body: reason, link: noticeLink(n.id) });
  await notify(tx, {
    organizationId: n.organizationId,
    exceptUserIds: [exceptUserId, objectorUserId],
    kind: 'objection_resolved',
    title,
    body: reason,
    link: noticeLink(n.id),
  });
}
