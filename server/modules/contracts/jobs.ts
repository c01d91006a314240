import type { Job } from '../../lib/scheduler.js';

/** This module's recurring jobs (registered in server/app.ts SCHEDULED_JOBS). */
export const contractsJobs: Job[] = [];
