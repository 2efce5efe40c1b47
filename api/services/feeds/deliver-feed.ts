import { and, eq, gt, inArray, isNull, notInArray } from 'drizzle-orm';
import { feedRuns } from '../../../db/schema/index.js';
import { type ChannelConnector, ChannelError } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { loadChannel } from '../channels/load-channel.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { type DeliverFeedJob, queueFeedDelivery } from './queue-feed.js';
import { recordFeedReport } from './record-feed-report.js';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'secrets' | 'connectors' | 'clock'>;

export type FeedDeliveryOutcome = 'done_already' | 'superseded' | 'processing' | 'completed' | 'failed';

/**
 * Mirakl asks for an import to be read once right after the upload, then every few minutes (OF02 at most
 * once a minute): 1, 2, 4, 8 minutes, then every 15, for about a day before the run is given up.
 */
export const importPollDelaySeconds = (poll: number) => Math.min(60 * 2 ** (poll - 1), 900);
export const maxImportPolls = 100;

const finished: ('completed' | 'failed' | 'superseded')[] = ['completed', 'failed', 'superseded'];

/**
 * Sends one generated run to its channel and keeps what the channel made of it, once per run:
 *
 * - The channel's import id is written on the run as soon as the upload answers, before anything else,
 *   so a retried job reads that import back instead of uploading the file again. Only an upload whose
 *   answer was lost (timeout) is sent again: Mirakl answers a duplicate upload with the first import's
 *   id, and the file only sets values (NORMAL mode), so even a second import changes nothing more.
 * - An import still running is read again by a follow-up job, later (`importPollDelaySeconds`).
 * - The report (Mirakl OF03, eBay's per-SKU answers) is stored with `recordFeedReport`, which puts each
 *   error next to its product.
 * - A passing failure (429, 5xx, timeout, the database) is thrown for the queue to retry, its message
 *   kept on the run; a refusal, or the last attempt, fails the run.
 * - A run older than another run of its channel is never sent: it would put older prices back.
 */
export async function deliverFeed(
  deps: Deps,
  job: DeliverFeedJob,
  options: { isLastAttempt?: boolean } = {},
): Promise<FeedDeliveryOutcome> {
  const [run] = await deps.db.select().from(feedRuns).where(eq(feedRuns.id, job.runId));
  if (!run || (finished as string[]).includes(run.status)) return 'done_already';
  try {
    const { connector } = await loadChannel(deps, run.channelId);
    let importId = run.externalId;
    if (importId === null) {
      if (!connector.sendFeed)
        return fail(deps, run.id, `The ${connector.type} channel takes no feed through its API`);
      if (await hasNewerRun(deps, run)) {
        await setStatus(deps, run.id, 'superseded');
        return 'superseded';
      }
      const sent = await connector.sendFeed({
        format: run.format,
        fileName: run.fileName,
        contentType: run.contentType,
        content: run.file,
      });
      if (sent.kind === 'report') {
        await recordFeedReport(deps, run.id, sent.report, deps.clock.now());
        return 'completed';
      }
      importId = sent.importId;
      await markSent(deps, run, importId);
    }
    return await readImport(deps, connector, run.id, importId, job.poll ?? 0);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A refusal (4xx, a report we cannot read, a channel gone) will not change on a retry; the rest may.
    const isRefused = (err instanceof ChannelError && !err.retryable) || err instanceof AppError;
    const isFinal = isRefused || options.isLastAttempt === true;
    if (isFinal) return fail(deps, run.id, message);
    await deps.db
      .update(feedRuns)
      .set({ deliveryError: message.slice(0, 2000) })
      .where(and(eq(feedRuns.id, run.id), notInArray(feedRuns.status, finished)));
    throw err;
  }
}

async function readImport(
  deps: Deps,
  connector: ChannelConnector,
  runId: string,
  importId: string,
  polls: number,
): Promise<FeedDeliveryOutcome> {
  if (!connector.readFeedImport)
    return fail(deps, runId, `The ${connector.type} channel cannot say how import ${importId} went`);
  const state = await connector.readFeedImport(importId);
  if (state.status === 'pending') {
    const poll = polls + 1;
    if (poll > maxImportPolls)
      return fail(deps, runId, `Import ${importId} still ${state.channelStatus} after ${polls} reads`);
    await deps.db.transaction(async (tx) => {
      await tx
        .update(feedRuns)
        .set({ status: 'processing', deliveryError: null })
        .where(and(eq(feedRuns.id, runId), inArray(feedRuns.status, ['sent', 'processing'])));
      await queueFeedDelivery(deps, { runId, poll }, { tx, startAfterSeconds: importPollDelaySeconds(poll) });
    });
    return 'processing';
  }
  const failure =
    state.status === 'failed'
      ? `Import ${importId} ${state.channelStatus}${state.reason ? `: ${state.reason}` : ''}`
      : undefined;
  await recordFeedReport(deps, runId, state.report ?? '', deps.clock.now(), failure ? { failure } : {});
  return failure ? 'failed' : 'completed';
}

/** Another run of the channel written after this one (it holds every offer, newer). */
async function hasNewerRun(deps: Deps, run: { id: string; channelId: string; createdAt: Date }) {
  const [newer] = await deps.db
    .select({ id: feedRuns.id })
    .from(feedRuns)
    .where(and(eq(feedRuns.channelId, run.channelId), gt(feedRuns.createdAt, run.createdAt)))
    .limit(1);
  return newer !== undefined;
}

async function markSent(deps: Deps, run: { id: string; channelId: string }, importId: string) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(feedRuns)
      .set({ externalId: importId, status: 'sent', deliveryError: null })
      .where(and(eq(feedRuns.id, run.id), isNull(feedRuns.externalId)));
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'feed.sent',
        entityType: 'channel',
        entityId: run.channelId,
        payload: { runId: run.id, importId },
      },
      now,
    );
  });
}

async function setStatus(deps: Deps, runId: string, status: 'superseded') {
  await deps.db
    .update(feedRuns)
    .set({ status, completedAt: deps.clock.now() })
    .where(and(eq(feedRuns.id, runId), notInArray(feedRuns.status, finished)));
}

async function fail(deps: Deps, runId: string, message: string): Promise<'failed'> {
  await deps.db
    .update(feedRuns)
    .set({ status: 'failed', deliveryError: message.slice(0, 2000), completedAt: deps.clock.now() })
    .where(and(eq(feedRuns.id, runId), notInArray(feedRuns.status, finished)));
  return 'failed';
}
