import type { Job } from '../../lib/scheduler.js';
import { sendDecisionReminders } from './reminders.js';

/** Hourly: reminds TTO staff of disclosures whose decision is due soon or overdue (reminders.ts). */
export const decisionRemindersJob: Job = {
  name: 'disclosures.decision_reminders',
  everyMs: 3600_000,
  async run({ db }) {
    const r = await sendDecisionReminders({ db });
    return `reminded ${r.dueSoon} due soon, ${r.overdue} overdue`;
  },
};

export const disclosureJobs: Job[] = [decisionRemindersJob];
