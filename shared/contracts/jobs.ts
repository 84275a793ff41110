import { z } from 'zod';
import { call } from './call';

/**
 * A long call takes an optional `jobId` the caller makes up (a UUID), so it can follow the
 * progress events and cancel before the call returns.
 */
export const JobId = z.string().min(8).max(64);
export const JobCancel = z.object({ jobId: JobId });

export const jobsContract = {
  'jobs:cancel': call<{ cancelled: boolean }>()(JobCancel),
} as const;
