import { ChannelError } from '../channels/connector.js';
import type { AppDeps } from '../deps.js';
import { listReturnChannels, pullChannelReturns } from '../services/returns/pull-channel-returns.js';
import { type PullReturnsJob, queues } from './queues.js';

/**
 * Returns the channels signal (Mirakl RT11…): every 15 minutes (Mirakl recommends no more often) a
 * fan-out queues one read per channel whose connector has the capability.
 */
export async function startReturnWorkers(
  deps: AppDeps,
  polling: { pollingIntervalSeconds: number; batchSize: number },
): Promise<void> {
  const boss = deps.jobs.boss;
  const log = deps.logger.child({ component: 'returns' });
  await boss.work<PullReturnsJob>(queues.pullReturns, polling, async ([job]) => {
    if (!job) return;
    const { channelId } = job.data;
    if (!channelId) {
      for (const id of await listReturnChannels(deps))
        await deps.jobs.send(queues.pullReturns, { channelId: id }, { singletonKey: id });
      return;
    }
    try {
      const { unreadable, ...summary } = await pullChannelReturns(deps, channelId);
      if (summary.opened || summary.linked || summary.parked || summary.resolved || unreadable.length)
        log.info('channel returns read', { channelId, ...summary, unreadable: unreadable.length });
      for (const reason of unreadable) log.warn('channel return notice unreadable', { channelId, reason });
    } catch (err) {
      log.warn('channel returns read failed', { channelId, err });
      // A refusal (bad key, bad request) would fail again at once: the next scheduled read tries anew.
      if (err instanceof ChannelError && err.retryable) throw err;
    }
  });
  await boss.schedule(queues.pullReturns, '*/15 * * * *', {});
}
