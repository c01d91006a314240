import type { Hold, ScreeningDecision, ScreeningStatus, ScreeningTransition } from '../../../common/api/export-control.js';

/**
 * A screening's life (技术进出口管理条例 art. 35–37): a reviewer decides; a restricted technology is
 * held until the letter of intent (技术出口许可意向书, before substantive negotiation) and then the
 * licence (after signing) are recorded; the authority's refusal, like a prohibited item, stops it.
 */
export const SCREENING_TRANSITION_TABLE: Record<ScreeningTransition, { from: readonly ScreeningStatus[] }> = {
  decide: { from: ['pending'] },
  record_intent: { from: ['held'] },
  record_licence: { from: ['intent_granted'] },
  record_refusal: { from: ['held', 'intent_granted'] },
};

/** Where a decision leads. */
export const DECISION_STATUS: Record<ScreeningDecision, ScreeningStatus> = {
  free: 'cleared',
  restricted: 'held',
  prohibited: 'stopped',
};

export const TRANSITION_TARGET: Record<Exclude<ScreeningTransition, 'decide'>, ScreeningStatus> = {
  record_intent: 'intent_granted',
  record_licence: 'licensed',
  record_refusal: 'stopped',
};

export function screeningTransitionAllowed(name: ScreeningTransition, status: ScreeningStatus): boolean {
  return SCREENING_TRANSITION_TABLE[name].from.includes(status);
}

/** Whether the record may go on. */
export function holdOf(status: ScreeningStatus | null): Hold {
  switch (status) {
    case null:
    case 'cleared':
    case 'licensed':
      return 'none';
    case 'pending':
      return 'pending';
    case 'held':
    case 'intent_granted':
      return 'held';
    case 'stopped':
      return 'stopped';
  }
}

/** Substantive negotiation may go on once cleared or once the letter of intent is recorded (art. 36–37). */
export const negotiationAllowed = (status: ScreeningStatus): boolean => ['cleared', 'intent_granted', 'licensed'].includes(status);

/** A contract may be certified (registered) once the screening cleared it or its licence is recorded. */
export const certifiable = (status: ScreeningStatus): boolean => status === 'cleared' || status === 'licensed';
