/**
 * Pitches are scored with the shared scoring engine (server/modules/experts/scoring.ts, issue 15):
 * its 'roadshow_pitch' sheet, its validation and totals, and its aggregation (the highest and the
 * lowest total dropped from five judges on). Judges are named by the organiser rather than drawn
 * from the expert pool, so the scores are kept in this module's table in the engine's shape.
 */
import { SHEETS, aggregateTotals, sheetTotal } from '../experts/scoring.js';

export const ROADSHOW_PITCH = SHEETS.roadshow_pitch!;
export { aggregateTotals, sheetTotal };
