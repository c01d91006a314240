import type { TradingParametersView } from '../../../common/api/trading.js';

/**
 * The rule parameters of trading, in one place, each with its source (DOMAIN.md "Rules that are
 * parameters"). Durations are what the services use; the view is what GET /api/trading/parameters
 * shows. Tests read these, never literals.
 */
export const TRADING_PARAMETERS = {
  /** An auction is announced at least this long before bidding opens (拍卖法: 7 days). */
  auctionAnnounceMs: 7 * 86400_000,
  /** Deposit, percent of the starting price (court online-auction rules, 2016: 5–20%). */
  depositPercent: { min: 5, max: 20 },
  /** A bid accepted this close to the end moves the end to `softCloseExtensionMs` after the bid. */
  softCloseWindowMs: 5 * 60_000,
  softCloseExtensionMs: 5 * 60_000,
  /** The shortest bidding window an owner may set. */
  minBiddingMs: 30 * 60_000,
  /** Agreement notice: posted for at least this many calendar days, counted as the civil law counts (the posting day not counted, ending 24:00 Beijing time). */
  noticeDays: 15,
  /** Listing period, calendar days counted the same way. */
  listingDays: { min: 5, max: 90 },
  /** A listing with several qualified buyers becomes an auction among them, announced and run like any other. */
  conversion: { biddingMs: 60 * 60_000, incrementPercent: 1, depositPercent: 10 },
} as const;

export type TradingParameters = typeof TRADING_PARAMETERS;

const MIN = 60_000;
const DAY = 86400_000;

export function presentParameters(p: TradingParameters = TRADING_PARAMETERS): TradingParametersView {
  return {
    auctionAnnounceDays: {
      value: p.auctionAnnounceMs / DAY,
      unit: 'days',
      source: '《中华人民共和国拍卖法》第四十五条：拍卖人应当于拍卖日七日前发布拍卖公告',
    },
    depositPercentMin: {
      value: p.depositPercent.min,
      unit: '% of the starting price',
      source: '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》（2016）：保证金在起拍价的百分之五至百分之二十范围内确定',
    },
    depositPercentMax: {
      value: p.depositPercent.max,
      unit: '% of the starting price',
      source: '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》（2016）：保证金在起拍价的百分之五至百分之二十范围内确定',
    },
    softCloseWindowMinutes: {
      value: p.softCloseWindowMs / MIN,
      unit: 'minutes',
      source: '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》（2016）：竞价结束前五分钟内有出价的，自该出价时点顺延五分钟',
    },
    softCloseExtensionMinutes: {
      value: p.softCloseExtensionMs / MIN,
      unit: 'minutes',
      source: '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》（2016）：竞价结束前五分钟内有出价的，自该出价时点顺延五分钟',
    },
    minBiddingMinutes: { value: p.minBiddingMs / MIN, unit: 'minutes', source: 'platform setting' },
    noticeDays: {
      value: p.noticeDays,
      unit: 'calendar days',
      source: '《浙江省促进科技成果转化条例》（2021）第十七条；《山东省促进科技成果转化条例》（2017）第十四条',
    },
    listingDaysMin: { value: p.listingDays.min, unit: 'calendar days', source: 'platform setting' },
    listingDaysMax: { value: p.listingDays.max, unit: 'calendar days', source: 'platform setting' },
  };
}
