import type { NewsStatus } from '../../../common/api/news.js';

export type NewsTransition = 'withdraw';

/** The one transition of a news item: a published item may be withdrawn (with a reason); nothing comes back. */
export const NEWS_TRANSITION_TABLE: Record<NewsTransition, { from: readonly NewsStatus[]; to: NewsStatus }> = {
  withdraw: { from: ['published'], to: 'withdrawn' },
};

export const newsTransitionAllowed = (status: NewsStatus, t: NewsTransition): boolean => NEWS_TRANSITION_TABLE[t].from.includes(status);
