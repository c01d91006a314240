import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { incomeDistributions, type Receipt } from './schema.js';

/**
 * One income: a platform deal and the contracts registered from it (contracts.dealId) are one
 * transaction and one stream of payments, whichever of them a distribution names. `agreedFen` is
 * the most the buyer agreed to pay for it (the larger of the deal's price and the registered
 * amounts, since a registered amount may differ from the price).
 */
export interface Income {
  key: string;
  sources: Array<{ kind: 'deal' | 'contract'; id: string }>;
  agreedFen: number;
}

const normalise = (reference: string) => reference.replace(/\s+/g, '').toLowerCase();

/**
 * Refuses distributing the same income twice (the double-counting guard): a payment (receipt
 * reference) may appear in one live (not cancelled) distribution of the income only, and the
 * receipts of all live distributions of the income together may not exceed what was agreed.
 * Instalments of one contract may be distributed separately. Serialised per income with a
 * transaction-scoped advisory lock, so two TTO staff saving at once cannot both pass.
 */
export async function refuseDoubleDistribution(tx: Tx, income: Income, receipts: Receipt[], excludeId?: string): Promise<void> {
  const seen = new Map<string, number>();
  receipts.forEach((r, i) => {
    const key = normalise(r.reference);
    if (seen.has(key))
      throw AppError.validation(`body.receipts.${i}.reference`, `is the same payment as receipt ${seen.get(key)! + 1}: record it once`);
    seen.set(key, i);
  });
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`income_distribution:${income.key}`}))`);
  const others = await tx
    .select({
      id: incomeDistributions.id,
      status: incomeDistributions.status,
      receipts: incomeDistributions.receipts,
      grossIncomeFen: incomeDistributions.grossIncomeFen,
    })
    .from(incomeDistributions)
    .where(
      and(
        or(...income.sources.map((s) => and(eq(incomeDistributions.sourceKind, s.kind), eq(incomeDistributions.sourceId, s.id)))),
        ne(incomeDistributions.status, 'cancelled'),
        excludeId ? ne(incomeDistributions.id, excludeId) : undefined,
      ),
    );
  for (const [i, r] of receipts.entries()) {
    const twin = others.find((o) => o.receipts.some((x) => normalise(x.reference) === normalise(r.reference)));
    if (twin)
      throw AppError.validation(
        `body.receipts.${i}.reference`,
        `this payment (${r.reference}) is already distributed in income distribution ${twin.id} (${twin.status}); the same income cannot be distributed twice`,
      );
  }
  const before = others.reduce((s, o) => s + o.grossIncomeFen, 0);
  const now = receipts.reduce((s, r) => s + r.amountFen, 0);
  if (before + now > income.agreedFen)
    throw AppError.validation(
      'body.receipts',
      `with ${before} fen already in other distributions of this income, ${now} fen more exceeds the ${income.agreedFen} fen agreed for it: the same income cannot be distributed twice`,
    );
}
