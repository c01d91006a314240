/**
 * Favourites (收藏), follows (关注) and view counts.
 *
 *   PUT    /api/me/favourites/:kind/:id     authenticated  → FavouriteState (favourite a record / follow an organisation)
 *   DELETE /api/me/favourites/:kind/:id     authenticated  → FavouriteState
 *   GET    /api/me/favourites?kind=         authenticated  { items: FavouriteItem[] }
 *   POST   /api/engagement/:kind/:id/views  public         → 204 (counted once per viewer and UTC day)
 *   GET    /api/engagement/:kind/:id        public         Engagement (counts only for the owner)
 */
import { z } from 'zod';

export const FAVOURITE_KINDS = ['achievement', 'demand', 'organization'] as const;
export type FavouriteKind = (typeof FAVOURITE_KINDS)[number];
export const FAVOURITE_KIND_LABELS: Record<FavouriteKind, string> = { achievement: '成果', demand: '需求', organization: '机构' };

export const FavouriteParams = z.object({ kind: z.enum(FAVOURITE_KINDS), id: z.uuid('must be an id') });
export type FavouriteParams = z.infer<typeof FavouriteParams>;

export const FavouriteState = z.object({ kind: z.enum(FAVOURITE_KINDS), id: z.uuid(), favourited: z.boolean() });
export type FavouriteState = z.infer<typeof FavouriteState>;

export const MyFavouritesQuery = z.object({
  kind: z.enum(FAVOURITE_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const FavouriteItem = z.object({
  kind: z.enum(FAVOURITE_KINDS),
  id: z.uuid(),
  title: z.string(),
  /** False when the record is no longer published or visible (withdrawn, closed, suspended). */
  available: z.boolean(),
  /** Portal path of the record or organisation. */
  link: z.string(),
  createdAt: z.iso.datetime(),
});
export type FavouriteItem = z.infer<typeof FavouriteItem>;

export const Engagement = z.object({
  kind: z.enum(FAVOURITE_KINDS),
  id: z.uuid(),
  /** Whether the caller favourited / follows it (false for anonymous visitors). */
  favourited: z.boolean(),
  /** Shown to the owning organisation's members only (null for anyone else); never who. */
  counts: z.object({ views: z.number().int(), favourites: z.number().int() }).nullable(),
});
export type Engagement = z.infer<typeof Engagement>;
