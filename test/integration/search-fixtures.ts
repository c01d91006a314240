import { expect } from 'vitest';
import type { LoggedIn } from '../factories.js';

/** An achievement filed through the API by `owner`, then submitted, approved and published by `reviewer`: indexed as users' records are. */
export async function publishThroughApi(
  owner: LoggedIn,
  reviewer: LoggedIn,
  o: { title: string; summary?: string; keywords?: string[]; fieldCode?: string },
): Promise<string> {
  const res = await owner.inject({
    method: 'POST',
    url: '/api/achievements',
    payload: {
      title: o.title,
      summary: o.summary ?? '这是一项用于检索测试的科技成果摘要。',
      fieldCode: o.fieldCode ?? 'D15',
      keywords: o.keywords ?? [],
      trl: 5,
      transferModes: ['transfer'],
      priceFen: 5_000_000,
      ipAssets: [],
      publicFunding: false,
      restricted: false,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  for (const [who, action] of [
    [owner, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const) {
    const r = await who.inject({ method: 'POST', url: `/api/achievements/${id}/transitions`, payload: { action } });
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}
