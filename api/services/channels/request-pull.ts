import type { Executor } from '../../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';

/**
 * Asks for a pull of this channel as soon as a worker is free. The stately queue keeps one queued job
 * per key, and the next scheduled pull (queued to start later) holds the channel's own key — so an
 * immediate pull uses a key of its own, or it would be swallowed until the scheduled one comes due.
 */
export function requestPullNow(jobs: JobQueue, channelId: string, tx?: Executor) {
  return jobs.send(
    queues.pullChannel,
    { channelId },
    { singletonKey: `${channelId}:now`, ...(tx ? { tx } : {}) },
  );
}
