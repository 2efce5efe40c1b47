import { and, desc, eq, sql } from 'drizzle-orm';
import { feedRuns } from '../../db/schema/index.js';
import type { AppDeps } from '../deps.js';
import { deliverFeed } from '../services/feeds/deliver-feed.js';
import { generateFeed } from '../services/feeds/generate-feed.js';
import { type DeliverFeedJob, type FeedJob, queueFeed } from '../services/feeds/queue-feed.js';
import { loadChannelSettings } from '../services/pricing/channel-settings.js';
import { queues } from './queues.js';

/**
 * Offer feeds: a run per channel on change (queued by the import and the rule edits) and on schedule
 * (the tick queues a run for each channel whose interval has passed since its last run). A run the
 * channel takes through its API is then delivered by its own job (queued with the run), and its import
 * read back by follow-ups until the channel's report is kept.
 */
export async function startFeedWorkers(
  deps: AppDeps,
  polling: { pollingIntervalSeconds: number; batchSize: number },
): Promise<void> {
  const boss = deps.jobs.boss;
  const log = deps.logger.child({ component: 'feeds' });
  await boss.work<FeedJob>(queues.generateFeed, polling, async ([job]) => {
    if (!job) return;
    const runs = await generateFeed(deps, job.data.channelId, job.data.trigger, deps.clock.now());
    log.info('feed generated', {
      channelId: job.data.channelId,
      trigger: job.data.trigger,
      runs: runs.length,
    });
  });
  // With metadata: the last attempt of a delivery fails its run instead of leaving it waiting.
  await boss.work<DeliverFeedJob>(
    queues.deliverFeed,
    { ...polling, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      const outcome = await deliverFeed(deps, job.data, {
        isLastAttempt: job.retryCount >= job.retryLimit,
      });
      log.info('feed delivery', { runId: job.data.runId, poll: job.data.poll ?? 0, outcome });
    },
  );
  await boss.work(queues.feedTick, polling, async () => {
    const now = deps.clock.now();
    for (const s of await loadChannelSettings(deps.db)) {
      if (!s.isEnabled || !s.isSaved || s.feed.intervalMinutes <= 0) continue;
      const [last] = await deps.db
        .select({ at: feedRuns.createdAt })
        .from(feedRuns)
        .where(and(eq(feedRuns.channelId, s.channelId), sql`${feedRuns.trigger} <> 'manual'`))
        .orderBy(desc(feedRuns.createdAt))
        .limit(1);
      if (!last || now.getTime() - last.at.getTime() >= s.feed.intervalMinutes * 60_000)
        await queueFeed(deps, s.channelId, 'schedule');
    }
  });
  await boss.schedule(queues.feedTick, '*/5 * * * *', {});
}
