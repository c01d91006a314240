import { tokenize } from '../../lib/text/tokenize.js';

/**
 * Matching a demand to experts: a pure score out of 100 from the shared technical field
 * (`FIELD_POINTS`) and the demand's words found in the expert's keywords and field names
 * (`TEXT_POINTS`, full at `TEXT_FULL_AT` distinct shared words). Platform parameters, explained to the
 * user by the reasons returned with each match.
 */
export const MATCH_WEIGHTS = { field: 40, text: 60 } as const;
export const TEXT_FULL_AT = 3;

export interface DemandText {
  fieldCode: string;
  text: string;
}
export interface ExpertText {
  fieldCodes: readonly string[];
  keywords: string;
  fieldNames: readonly string[];
}

const terms = (text: string) => new Set(tokenize(text).filter((t) => [...t].length >= 2));

/** The demand's distinct terms, computed once for a whole pool. */
export const demandTerms = (d: DemandText) => terms(d.text);

export function scoreExpert(
  demand: DemandText,
  demandTermSet: ReadonlySet<string>,
  expert: ExpertText,
): { score: number; sameField: boolean; sharedWords: string[] } {
  const sameField = expert.fieldCodes.includes(demand.fieldCode);
  const mine = terms(`${expert.keywords} ${expert.fieldNames.join(' ')}`);
  const sharedWords = [...demandTermSet].filter((t) => mine.has(t)).sort();
  const text = Math.min(sharedWords.length, TEXT_FULL_AT) / TEXT_FULL_AT;
  const score = Math.round((sameField ? MATCH_WEIGHTS.field : 0) + text * MATCH_WEIGHTS.text);
  return { score, sameField, sharedWords };
}
