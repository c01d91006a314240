/**
 * The portal's home page (门户首页).
 *
 *   GET /api/portal/figures   public   PortalFiguresView (cached for PORTAL_FIGURES_TTL_SECONDS)
 *   GET /api/portal/site      public   SiteInfoView (the footer: operator, contact, ICP number)
 */
import { z } from 'zod';

/** How long the home page's figures are kept before they are counted again. */
export const PORTAL_FIGURES_TTL_SECONDS = 60;

export const PortalFiguresView = z.object({
  /** Published, unrestricted achievements and demands on the market now. */
  achievements: z.number().int(),
  demands: z.number().int(),
  /** Trading deals (挂牌/拍卖/协议成交) concluded this calendar year (Beijing time). */
  dealsThisYear: z.number().int(),
  /** The year the contract figures are for: this year, or the latest year with certified contracts. */
  contractYear: z.number().int(),
  contractYearIsCurrent: z.boolean(),
  /** Certified technology contracts whose seller is in the city, and their contract amount (fen). */
  contracts: z.number().int(),
  contractAmountFen: z.number().int(),
  countedAt: z.string(),
});
export type PortalFiguresView = z.infer<typeof PortalFiguresView>;

export const SiteInfoView = z.object({
  operator: z.string(),
  contact: z.string(),
  icp: z.string().nullable(),
});
export type SiteInfoView = z.infer<typeof SiteInfoView>;
