import { z } from 'zod';
import { IP_KINDS, PRICE_BANDS, TRANSFER_MODES } from '../catalog.js';
import { AchievementView, DemandView } from './catalog.js';

/** Multi-valued query parameters arrive as `a,b` or repeated keys. */
const multi = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : String(v).split(',')).filter((x) => x !== '')),
    z.array(item).optional(),
  );

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: multi(z.string().max(32)),
  trl: multi(z.coerce.number().int().min(1).max(9)),
  region: multi(z.string().max(12)), // a region code matches its whole subtree
  mode: multi(z.enum(TRANSFER_MODES)),
  price: multi(z.enum(PRICE_BANDS.map((b) => b.key) as [string, ...string[]])),
  ip: multi(z.enum(IP_KINDS)),
  funding: z.enum(['public', 'none']).optional(),
  sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc']).default('relevance'),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Facet counts cost a little; the portal asks for them, the API may skip them. */
  facets: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const FacetBucket = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const Facets = z.object({
  field: z.array(FacetBucket),
  trl: z.array(FacetBucket),
  region: z.array(FacetBucket),
  mode: z.array(FacetBucket),
  price: z.array(FacetBucket),
  ip: z.array(FacetBucket),
  funding: z.array(FacetBucket),
});

/** Snippets with matched terms wrapped in <mark>…</mark> (everything else HTML-escaped). */
export const Highlight = z.object({ title: z.string(), summary: z.string() });

export const AchievementHit = z.object({ record: AchievementView, score: z.number().nullable(), highlight: Highlight });
export const DemandHit = z.object({ record: DemandView, score: z.number().nullable(), highlight: Highlight });

export const AchievementSearchResult = z.object({
  items: z.array(AchievementHit),
  total: z.number(),
  nextCursor: z.string().nullable(),
  facets: Facets.nullable(),
  /** The tokens the query was cut into, after synonym expansion (for "searched for …"). */
  terms: z.array(z.string()),
  /**
   * A broad query (more text matches than the server's window, 1,000): facet counts cover only its
   * most recently published matches; when the filtered matches also exceed the window, so do the
   * ranking and `total`, which is then a lower bound.
   */
  approximate: z.boolean(),
  /**
   * How the text matched: `words` (as typed), or relaxed because that found nothing — `bigrams`
   * (every pair of characters typed) or `characters` (every character, in the order typed). A
   * relaxed match may come with the fuller term of the catalogue the query seems to abbreviate
   * (锂电池 → 锂离子电池), for "您是不是要找：…".
   */
  match: z.object({ level: z.enum(['words', 'bigrams', 'characters']), relaxed: z.boolean(), suggestion: z.string().nullable() }),
});
export const DemandSearchResult = AchievementSearchResult.extend({ items: z.array(DemandHit) });

export const SearchSuggestQuery = z.object({
  q: z.string().trim().min(1).max(50),
  kind: z.enum(['achievement', 'demand']).default('achievement'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
/** Search-as-you-type: keywords (with how many of the sampled records hold them) and titles. */
export const SearchSuggestResult = z.object({
  items: z.array(z.object({ text: z.string(), source: z.enum(['keyword', 'title']), count: z.number() })),
});

export const SynonymGroupView = z.object({ id: z.string(), terms: z.array(z.string()), createdAt: z.string() });
export const SynonymGroupBody = z.object({
  terms: z.array(z.string().trim().min(1).max(30)).min(2, 'a synonym group needs at least two terms').max(20),
});

/** Hot and recent searches (search/history.ts). */
export const SearchHistoryQuery = z.object({ kind: z.enum(['achievement', 'demand']).default('achievement') });
export const ClearRecentQuery = z.object({ kind: z.enum(['achievement', 'demand']).optional() });
export const RecentSearchesResult = z.object({ items: z.array(z.object({ query: z.string(), searchedAt: z.string() })) });
export const HotSearchesResult = z.object({
  items: z.array(z.object({ query: z.string(), searchers: z.number(), searcherDays: z.number() })),
  /** The rule: distinct searchers per UTC day over `days` days; a query needs `minSearchers` of them. */
  days: z.number(),
  minSearchers: z.number(),
});

/** Synonym candidates learned from the catalogue (search/synonym-candidates.ts). */
export const SYNONYM_CANDIDATE_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const SynonymCandidateView = z.object({
  id: z.string(),
  terms: z.tuple([z.string(), z.string()]),
  source: z.enum(['abbreviation', 'cooccurrence']),
  score: z.number(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(SYNONYM_CANDIDATE_STATUSES),
  groupId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const SynonymCandidatesQuery = z.object({
  status: z.enum(SYNONYM_CANDIDATE_STATUSES).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const SynonymCandidateDecisionBody = z.object({ decision: z.enum(['accept', 'reject']) });

/** One component of a match score; components add up to the total. */
export const ScoreComponent = z.object({
  key: z.enum(['text', 'field', 'trl', 'region', 'price', 'mode']),
  label: z.string(),
  /** Points this component contributes (0..weight). */
  points: z.number(),
  weight: z.number(),
  reason: z.string(),
});
export const MatchExplanation = z.object({ total: z.number(), components: z.array(ScoreComponent) });

export const AchievementMatch = z.object({ record: AchievementView, explanation: MatchExplanation });
export const DemandMatch = z.object({ record: DemandView, explanation: MatchExplanation });

/**
 * What a saved search watches: a search query over achievements or demands, or a match watch on one of
 * my records (`matches_for_demand`: new achievements matching my demand; `matches_for_achievement`:
 * new demands matching my achievement), whose `query` is a MatchWatchQuery.
 */
export const SAVED_SEARCH_TARGETS = ['achievements', 'demands', 'matches_for_demand', 'matches_for_achievement'] as const;
export type SavedSearchTarget = (typeof SAVED_SEARCH_TARGETS)[number];
export const MatchWatchQuery = z.object({
  recordId: z.uuid('must be a record id'),
  /** Only matches scoring at least this (0–100, the explanation's total) are notified. */
  minScore: z.number().min(0, 'must be 0–100').max(100, 'must be 0–100').default(50),
});

export const SavedSearchBody = z.object({
  target: z.enum(SAVED_SEARCH_TARGETS),
  name: z.string().trim().min(1).max(100),
  query: z.record(z.string(), z.unknown()),
  notify: z.enum(['none', 'instant', 'daily']).default('instant'),
});
export const SavedSearchView = SavedSearchBody.extend({ id: z.string(), createdAt: z.string() });

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  /** On the workspace's to-do list until read. */
  needsAction: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const NotificationPreferences = z.object({
  /** E-mail: at once, in the daily digest, or never (the bell always). */
  email: z.enum(['instant', 'daily', 'off']),
});

export const SuggestBody = z.object({ title: z.string().max(200).default(''), summary: z.string().max(5000).default('') });
export const SuggestResult = z.object({
  /** basis: the model's own suggestion, or a reviewer's correction of a nearly identical text. */
  fields: z.array(z.object({ code: z.string(), name: z.string(), confidence: z.number(), basis: z.enum(['model', 'correction']) })),
  keywords: z.array(z.string()),
});

export const FieldCorrectionBody = z.object({
  kind: z.enum(['achievement', 'demand']),
  recordId: z.uuid('must be a record id'),
  /** What the model suggested (as shown); the model's suggestion now when omitted. */
  suggestedField: z.string().max(32).optional(),
  fieldCode: z.string().min(1).max(32),
});
export const FieldCorrectionView = z.object({ id: z.string(), suggestedField: z.string().nullable(), correctedField: z.string() });
export const FieldModelReport = z.object({
  model: z.object({ id: z.string(), trainedAt: z.string(), trainedOn: z.number(), corrections: z.number() }),
  /** Achievements published after the model was trained: top-1 / top-3 (null with none). */
  recent: z.object({ records: z.number(), top1: z.number().nullable(), top3: z.number().nullable() }),
  correctionsSinceTraining: z.number(),
  correctionsTotal: z.number(),
});
