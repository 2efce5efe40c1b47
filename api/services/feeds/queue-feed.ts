import type { Executor } from '../../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import type { FeedTrigger } from './generate-feed.js';

/** Changes coalesce: a burst of edits gives one run a little later rather than one run per edit. */
export const feedChangeDelaySeconds = 60;

export interface FeedJob {
  channelId: string;
  trigger: FeedTrigger;
}

/** Queues a feed run for a channel; one waiting run per channel at most (stately + singleton key). */
export async function queueFeed(
  deps: { jobs: JobQueue },
  channelId: string,
  trigger: FeedTrigger,
  options: { tx?: Executor } = {},
): Promise<void> {
  await deps.jobs.send(queues.generateFeed, { channelId, trigger } satisfies FeedJob, {
    singletonKey: channelId,
    ...(trigger === 'change' ? { startAfterSeconds: feedChangeDelaySeconds } : {}),
    ...(options.tx ? { tx: options.tx } : {}),
  });
}
