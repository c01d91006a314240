import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RegistrationStatus } from '../../../common/api/events.js';

/**
 * The pure rules of an event: seats and the waiting list, who may do what to a registration, and
 * the signed ticket. The service applies them with the event's row locked, so that two concurrent
 * registrations never both take the last seat.
 */

/** Default pitch and Q&A minutes of a roadshow slot (issue 17: "8 min pitch + 7 min Q&A as defaults"). */
export const DEFAULT_PITCH_MINUTES = 8;
export const DEFAULT_QA_MINUTES = 7;

/** Statuses that hold a seat. */
export const SEATED: readonly RegistrationStatus[] = ['registered', 'checked_in'];
/** Statuses of a live registration (one per person and event). */
export const LIVE: readonly RegistrationStatus[] = ['registered', 'waitlisted', 'checked_in'];

/** Where a new registration goes: a seat while one is free, else the waiting list. */
export function placeFor(capacity: number, seated: number): 'registered' | 'waitlisted' {
  return seated < capacity ? 'registered' : 'waitlisted';
}

/** How many from the head of the waiting list get a seat now (after a cancellation or a larger capacity). */
export function promotable(capacity: number, seated: number, waiting: number): number {
  return Math.max(0, Math.min(capacity - seated, waiting));
}

/** Registration is open while the event is published, before it closes (by default at the start). */
export function registrationOpen(event: { status: string; registrationClosesAt: Date; startsAt: Date }, now: Date): boolean {
  return event.status === 'published' && now < event.registrationClosesAt && now < event.startsAt;
}

export type RegistrationTransition = 'cancel' | 'check_in' | 'promote';
export type RegistrationParty = 'holder' | 'organizer' | 'system';

/** One table for a registration's life. */
export const REGISTRATION_TRANSITION_TABLE: Record<
  RegistrationTransition,
  { from: readonly RegistrationStatus[]; to: RegistrationStatus; by: readonly RegistrationParty[] }
> = {
  cancel: { from: ['registered', 'waitlisted'], to: 'cancelled', by: ['holder', 'organizer'] },
  check_in: { from: ['registered'], to: 'checked_in', by: ['organizer'] },
  promote: { from: ['waitlisted'], to: 'registered', by: ['system'] },
};

export function registrationTransitionAllowed(name: RegistrationTransition, status: RegistrationStatus, by: RegistrationParty): boolean {
  const t = REGISTRATION_TRANSITION_TABLE[name];
  return t.from.includes(status) && t.by.includes(by);
}

/** Place in the waiting list (1 = next) of the registration with `seq`, among the waiting seqs. */
export function waitlistPlace(seq: number, waitingSeqs: readonly number[]): number {
  return waitingSeqs.filter((s) => s < seq).length + 1;
}

// Tickets: `<registration id>.<HMAC-SHA256 of "<event id>:<registration id>" under the event's key, 128 bits>`.
// The QR code on the ticket carries this text; check-in verifies the signature and the event.
const mac = (key: string, eventId: string, registrationId: string) =>
  createHmac('sha256', key).update(`${eventId}:${registrationId}`).digest('base64url').slice(0, 22);

export function signTicket(key: string, eventId: string, registrationId: string): string {
  return `${registrationId}.${mac(key, eventId, registrationId)}`;
}

/** The registration id a ticket names (not yet verified), or null when it is not a ticket's shape. */
export function ticketRegistrationId(ticket: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(ticket.trim());
  return m ? m[1]! : null;
}

export function verifyTicket(key: string, eventId: string, ticket: string): boolean {
  const id = ticketRegistrationId(ticket);
  if (!id) return false;
  const expected = Buffer.from(signTicket(key, eventId, id));
  const given = Buffer.from(ticket.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** An event is edited by its organiser while published and not yet begun. */
export const editable = (event: { status: string; startsAt: Date }, now: Date): boolean =>
  event.status === 'published' && now < event.startsAt;
