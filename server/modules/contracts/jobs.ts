import type { Job } from '../../lib/scheduler.js';
import { sendDeadlineReminders } from './reminders.js';

/**
 * Reminds registrars of applications within 2 working days of their deadline or past it
 * (reminders.ts). Hourly: the conditions change at most once a Beijing day; each reminder is
 * claimed in the database, so reruns, restarts and several processes send it once.
 */
export const deadlineRemindersJob: Job = {
  name: 'contracts.deadline_reminders',
  everyMs: 3600_000,
  async run({ db }) {
    const r = await sendDeadlineReminders({ db });
    return `reminded ${r.dueSoon} due soon, ${r.overdue} overdue (${r.notifications} notification(s))`;
  },
};

/** This module's recurring jobs (registered in server/app.ts SCHEDULED_JOBS). */
export const contractsJobs: Job[] = [deadlineRemindersJob];
