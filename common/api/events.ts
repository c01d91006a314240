/**
 * Roadshows and exhibitions (路演 / 展会): agenda, presented projects, registration with capacity and
 * a waiting list, signed tickets and check-in, judges' pitch scores, follow-up intents, statistics.
 *
 *   GET  /api/events?when=&kind=                public          { items: EventSummary[] }
 *   GET  /api/events/:id                        public          EventView (with `myRegistration` and `actions` when logged in)
 *   POST /api/events                            event:manage    CreateEventBody → 201 EventView
 *   POST /api/events/:id/projects               event:manage    AddProjectBody → 201 EventView
 *   POST /api/events/:id/cancel                 event:manage    → EventView
 *   POST /api/events/:id/registrations          authenticated   RegisterBody → 201 RegistrationView (registered or waitlisted)
 *   POST /api/event-registrations/:id/cancel    authenticated   → RegistrationView (the next in line is promoted)
 *   GET  /api/me/event-registrations            authenticated   { items: RegistrationView[] } (with ticket tokens)
 *   GET  /api/events/:id/registrations          event:manage    { items: RegistrationView[] } (organiser)
 *   POST /api/events/:id/check-in               event:manage    CheckInBody → RegistrationView
 *   POST /api/events/:id/projects/:projectId/scores   event:judge  ScoreBody → 201
 *   POST /api/events/:id/projects/:projectId/intents  authenticated IntentBody → 201
 *   GET  /api/events/:id/statistics             event:manage    EventStatistics
 */
import { z } from 'zod';

export const EVENT_KINDS = ['roadshow', 'exhibition'] as const;
export const EVENT_KIND_LABELS: Record<(typeof EVENT_KINDS)[number], string> = { roadshow: '路演', exhibition: '展会' };
export const EVENT_MODES = ['online', 'offline', 'hybrid'] as const;
export const EVENT_MODE_LABELS: Record<(typeof EVENT_MODES)[number], string> = { online: '线上', offline: '线下', hybrid: '线上+线下' };
export const EVENT_STATUSES = ['published', 'cancelled'] as const;

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'checked_in', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报名',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
};

export const INTENT_KINDS = ['cooperation', 'licence', 'investment', 'purchase', 'other'] as const;
export const INTENT_KIND_LABELS: Record<(typeof INTENT_KINDS)[number], string> = {
  cooperation: '合作开发',
  licence: '许可实施',
  investment: '投资',
  purchase: '转让受让',
  other: '其他',
};

const Text = (max: number) => z.string().trim().max(max);
const Instant = z.iso.datetime({ offset: true });

export const CreateEventBody = z.object({
  kind: z.enum(EVENT_KINDS),
  mode: z.enum(EVENT_MODES),
  title: Text(200).min(2, 'is required'),
  summary: Text(5000).default(''),
  venue: Text(300).optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) link' })
    .max(2000)
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,8}$/)
    .optional(),
  /** The organising organisation; one's own when one belongs to only one. */
  organizerOrganizationId: z.uuid().optional(),
  startsAt: Instant,
  endsAt: Instant,
  /** Defaults to the start. */
  registrationClosesAt: Instant.optional(),
  capacity: z.number().int().min(1).max(100_000),
  /** Minutes per pitch and per Q&A; the defaults are 8 and 7. */
  pitchMinutes: z.number().int().min(1).max(120).optional(),
  qaMinutes: z.number().int().min(0).max(120).optional(),
  judgeUserIds: z.array(z.uuid()).max(30).default([]),
  agenda: z
    .array(z.object({ startsAt: Instant, endsAt: Instant, title: Text(200).min(1, 'is required'), speaker: Text(200).optional() }))
    .max(100)
    .default([]),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

/** What the organiser may change while the event has not started (the fields given are changed). */
export const UpdateEventBody = z
  .object({
    title: Text(200).min(2, 'is required'),
    summary: Text(5000),
    venue: Text(300).nullable(),
    onlineUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) link' })
      .max(2000)
      .nullable(),
    startsAt: Instant,
    endsAt: Instant,
    registrationClosesAt: Instant,
    capacity: z.number().int().min(1).max(100_000),
  })
  .partial();
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const AddProjectBody = z
  .object({
    /** A published achievement presented; its title and owner are taken from the catalogue. */
    achievementId: z.uuid().optional(),
    /** A title, when the project is not in the catalogue. */
    title: Text(200).optional(),
    pitchMinutes: z.number().int().min(1).max(120).optional(),
    qaMinutes: z.number().int().min(0).max(120).optional(),
  })
  .refine((b) => b.achievementId || (b.title && b.title.length >= 2), {
    message: 'name an achievement or a title',
    path: ['achievementId'],
  });

export const RegisterBody = z.object({
  /** The organisation one attends for (optional). */
  organizationId: z.uuid().optional(),
  note: Text(500).optional(),
});

export const CheckInBody = z.object({ ticket: Text(400).min(10, 'is not a ticket') });

export const ScoreBody = z.object({
  /** Points per criterion of the 'roadshow_pitch' sheet, in tenths at most. */
  scores: z.record(z.string(), z.number().min(0).max(100)),
  comment: Text(2000).optional(),
});

export const IntentBody = z.object({
  kind: z.enum(INTENT_KINDS),
  note: Text(1000).optional(),
  organizationId: z.uuid().optional(),
});

export const EventsQuery = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  kind: z.enum(EVENT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const EventSummary = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  mode: z.enum(EVENT_MODES),
  title: z.string(),
  summary: z.string(),
  venue: z.string().nullable(),
  regionCode: z.string().nullable(),
  organizer: z.object({ id: z.string(), name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  registrationClosesAt: z.string(),
  status: z.enum(EVENT_STATUSES),
  capacity: z.number().int(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  projectCount: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const PitchResult = z.object({
  sheetKey: z.string(),
  judges: z.number().int(),
  scored: z.number().int(),
  /** Mean of the judges' totals (extremes dropped from 5 judges on), null before any score. */
  mean: z.number().nullable(),
  dropped: z.array(z.number()),
});

export const EventProjectView = z.object({
  id: z.string(),
  position: z.number().int(),
  achievementId: z.string().nullable(),
  title: z.string(),
  presenterOrganizationName: z.string().nullable(),
  pitchMinutes: z.number().int(),
  qaMinutes: z.number().int(),
  /** Scores are shown once the event has ended. */
  result: PitchResult.nullable(),
  intents: z.number().int(),
  /** Whether the caller (a judge) has scored it. */
  scoredByMe: z.boolean(),
});

export const RegistrationView = z.object({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  eventStartsAt: z.string(),
  userName: z.string(),
  organizationName: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPlace: z.number().int().nullable(),
  /** The signed ticket token (the check-in code), for the holder while registered. */
  ticket: z.string().nullable(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const EVENT_ACTIONS = ['register', 'manage', 'check_in', 'judge', 'intent', 'edit'] as const;

export const EventView = EventSummary.extend({
  onlineUrl: z.string().nullable(),
  pitchMinutes: z.number().int(),
  qaMinutes: z.number().int(),
  agenda: z.array(
    z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), title: z.string(), speaker: z.string().nullable() }),
  ),
  projects: z.array(EventProjectView),
  scoreSheet: z.object({
    key: z.string(),
    name: z.string(),
    source: z.string(),
    criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
  }),
  myRegistration: RegistrationView.nullable(),
  actions: z.array(z.enum(EVENT_ACTIONS)),
});
export type EventView = z.infer<typeof EventView>;

export const EventStatistics = z.object({
  capacity: z.number().int(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
  cancelled: z.number().int(),
  /** checked in ÷ (registered + checked in), 0..1, null with nobody registered. */
  attendanceRate: z.number().nullable(),
  /** Organisations that recorded an intent. */
  intentOrganizations: z.number().int(),
  intents: z.number().int(),
  intentsByKind: z.record(z.string(), z.number().int()),
  projects: z.array(
    z.object({ id: z.string(), title: z.string(), mean: z.number().nullable(), scored: z.number().int(), intents: z.number().int() }),
  ),
});
