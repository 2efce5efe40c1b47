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

/**
 * The feeds a channel takes through its API, by channel type (see README.md): the run is sent and its
 * import read back. Every other run stays a file to download.
 */
const deliveredFormats: Readonly<Record<string, string>> = { mirakl: 'mirakl-of01', ebay: 'ebay-bulk' };

export function isDeliveredFeed(channel: {
  channelType: string;
  isEnabled: boolean;
  format: string;
}): boolean {
  return channel.isEnabled && deliveredFormats[channel.channelType] === channel.format;
}

export interface DeliverFeedJob {
  runId: string;
  /** Import reads already made by earlier jobs of this run (follow-ups); absent for the upload. */
  poll?: number;
}

/** Queues a run's delivery; one waiting job per run (stately + singleton key). */
export async function queueFeedDelivery(
  deps: { jobs: JobQueue },
  job: DeliverFeedJob,
  options: { tx?: Executor; startAfterSeconds?: number } = {},
): Promise<void> {
  await deps.jobs.send(queues.deliverFeed, job, {
    singletonKey: job.runId,
    ...(options.startAfterSeconds ? { startAfterSeconds: options.startAfterSeconds } : {}),
    ...(options.tx ? { tx: options.tx } : {}),
  });
}
