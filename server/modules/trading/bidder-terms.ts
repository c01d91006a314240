import { addLocalDays, endOfLocalDate, isWorkingDay, localDateOf } from '../../lib/calendar.js';

/**
 * 竞买须知: the terms a bidder accepts when registering for an auction. The accepted version and time
 * are stored on the registration; a new version is a new constant here (and old registrations keep
 * the version they accepted). Source: the platform's auction trading rules (津桥技术交易平台拍卖交易
 * 规则, the operator's rules this module implements: soft close, deposits, binding bids).
 */
export const BIDDER_TERMS = {
  version: '2026-12-v1',
  source: '津桥技术交易平台拍卖交易规则（竞买须知）',
  items: [
    '竞买人应为依法设立、状态正常的单位，并以本单位名义参加竞买；须如实提交资质说明及营业执照、授权委托书等资格证明文件。',
    '竞买登记经交易中心资格审核通过、且竞买保证金在规定期限内到账并经确认后，方可出价。',
    '出价一经系统接受即具有法律约束力，不得撤回；已出价的竞买人不得撤销竞买登记。',
    '拍卖结束前 5 分钟内有人出价的，结束时间自该出价起顺延 5 分钟，直至无人出价。',
    '竞得人须按成交确认书约定签订技术合同并支付价款，竞得人的保证金转作价款；无故放弃竞得的，保证金不予退还。',
    '未竞得的竞买人，其保证金在拍卖结束后原路无息退还。',
    '竞买人应自行了解标的成果的权属、法律状态和技术内容；交易中心对成果的技术效果不作担保。',
  ],
} as const;

/** How the deposit is paid (shown with the amount and the deadline). */
export const DEPOSIT_INSTRUCTIONS =
  '请以竞买单位账户通过银行转账将保证金汇入交易中心公布的保证金专用账户，附言注明“竞买人编号 + 拍卖标的名称”；以到账时间为准，交易中心确认到账后通知竞买人。';

/**
 * The deposit must have arrived by the close (24:00 Beijing time) of the last working day before the
 * day bidding starts (same rules, deposit article), counted on the working-day calendar. When that
 * day is already past at announcement (an auction continuing a listing starts at once), the deadline
 * is the start of bidding itself.
 */
export function depositDueAt(auction: { announcedAt: Date; startsAt: Date }): Date {
  let day = addLocalDays(localDateOf(auction.startsAt), -1);
  while (!isWorkingDay(day)) day = addLocalDays(day, -1);
  const due = endOfLocalDate(day);
  return due > auction.announcedAt && due <= auction.startsAt ? due : auction.startsAt;
}
