import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { NEED_VERBS, isTechnologyField, priceRangeWan } from '../../server/db/seed/demo-text.js';
import { seedDemo } from '../../server/db/seed/demo.js';
import { useTestApp } from '../harness.js';

/**
 * The demo catalogue a visitor believes: technology achievements priced for their TRL and field,
 * demands that read like an enterprise's need, trading over technology records only.
 */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 300_000);

// Field codes of the disciplines a demo must never show (fields.ts): psychology, management,
// economics, law, politics, sociology, ethnology, education, sports, literature, journalism, arts,
// history, philosophy, military science.
const EXCLUDED = ['D11', ...Array.from({ length: 18 }, (_, i) => `D${50 + i}`)];

describe('demo catalogue', () => {
  it('no demo achievement or demand comes from an excluded discipline, and none is an essay on thought or history', async () => {
    const rows = await queryRows<{ title: string; field_code: string }>(
      t.db,
      sql`SELECT title, field_code FROM achievements UNION ALL SELECT title, field_code FROM demands`,
    );
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      expect(EXCLUDED, r.title).not.toContain(r.field_code);
      expect(isTechnologyField(r.field_code), r.title).toBe(true);
      expect(r.title).not.toMatch(/思想|马克思|邓小平|毛泽东|历史|哲学|军事|战争|教学/);
    }
  });

  it('prices each filed achievement within the plausible range for its TRL and field, and states the problem it solves', async () => {
    // Drafts are still being written (the TTO's achievement made from a disclosure, say): only what was filed is judged.
    const rows = await queryRows<{
      title: string;
      trl: number;
      field_code: string;
      price_fen: string | null;
      problem_solved: string | null;
    }>(t.db, sql`SELECT title, trl, field_code, price_fen, problem_solved FROM achievements WHERE status <> 'draft'`);
    let priced = 0;
    for (const r of rows) {
      expect(r.problem_solved?.length ?? 0, r.title).toBeGreaterThan(5);
      if (r.price_fen === null) continue;
      priced++;
      const [lo, hi] = priceRangeWan(r.trl, r.field_code);
      const wan = Number(r.price_fen) / 1_000_000;
      expect(wan, `${r.title} TRL ${r.trl} ${r.field_code}`).toBeGreaterThanOrEqual(lo - 0.1);
      expect(wan, `${r.title} TRL ${r.trl} ${r.field_code}`).toBeLessThanOrEqual(hi + 0.1);
    }
    expect(priced).toBeGreaterThan(rows.length / 2);
  });

  it('every demand title starts with a need verb and names one of its technology keywords; budgets, deadlines and regions are given', async () => {
    const rows = await queryRows<{
      title: string;
      keywords: string[];
      budget_negotiable: boolean;
      budget_max_fen: string | null;
      deadline: string | null;
      region_code: string;
    }>(t.db, sql`SELECT title, keywords, budget_negotiable, budget_max_fen, deadline::text AS deadline, region_code FROM demands`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(
        NEED_VERBS.some((v) => r.title.startsWith(v)),
        r.title,
      ).toBe(true);
      expect(
        r.keywords.some((k) => r.title.includes(k)),
        r.title,
      ).toBe(true);
      expect(r.title).not.toMatch(/技术解决方案$/);
      expect(r.budget_negotiable || r.budget_max_fen !== null, r.title).toBe(true);
      expect(r.deadline, r.title).not.toBeNull();
      expect(r.region_code).toMatch(/^12/);
    }
  });

  it('auctions, listings and notices are over technology records only', async () => {
    const rows = await queryRows<{ field_code: string }>(
      t.db,
      sql`SELECT field_code FROM trade_auctions UNION ALL SELECT field_code FROM trade_listings UNION ALL SELECT field_code FROM trade_agreement_notices`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) expect(isTechnologyField(r.field_code), r.field_code).toBe(true);
  });
});
