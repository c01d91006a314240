import { SearchQuery } from '../../../common/api/search.js';
import type { Db } from '../client.js';
import { anonymousActor, systemActor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { rememberSearchDays } from '../../modules/search/history.js';
import { createSearchState, searchAchievements } from '../../modules/search/service.js';
import { learnCandidates } from '../../modules/search/synonym-candidates.js';

/**
 * Search demo: the synonym candidates an admin finds on 同义词与学科模型 (learned from the demo
 * catalogue's keywords, as the button there does), and a week of searches behind 热门搜索 — queries
 * a visitor to a Tianjin platform would type, kept only when the demo catalogue answers them.
 */
const WEEK: Array<{ q: string; searchers: number; days: number }> = [
  { q: '锂离子电池', searchers: 9, days: 7 },
  { q: '机器人', searchers: 7, days: 6 },
  { q: '新材料', searchers: 6, days: 5 },
  { q: '传感器', searchers: 5, days: 5 },
  { q: '污水处理', searchers: 4, days: 4 },
  { q: '中药', searchers: 4, days: 3 },
  { q: '芯片', searchers: 3, days: 3 },
];

export async function seedSearchDemo(db: Db): Promise<void> {
  await learnCandidates({ db, actor: systemActor('seed:demo') });
  const search = createSearchState({ clock });
  for (const w of WEEK) {
    const found = await searchAchievements({ db, search, actor: anonymousActor(), query: SearchQuery.parse({ q: w.q }) });
    if (found.total === 0) continue;
    await rememberSearchDays(db, { kind: 'achievement', q: w.q, searchers: w.searchers, days: w.days });
  }
}
