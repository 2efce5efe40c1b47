import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, feedRunErrors, feedRuns } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/** Recent runs, newest first, without their files. */
export async function listFeedRuns(db: Database, options: { channelId?: string; limit: number }) {
  return db
    .select({
      id: feedRuns.id,
      channelId: feedRuns.channelId,
      channelName: channels.name,
      format: feedRuns.format,
      trigger: feedRuns.trigger,
      status: feedRuns.status,
      fileName: feedRuns.fileName,
      offers: feedRuns.offers,
      blocked: feedRuns.blocked,
      errorCount: feedRuns.errorCount,
      deliveryError: feedRuns.deliveryError,
      createdAt: feedRuns.createdAt,
      completedAt: feedRuns.completedAt,
    })
    .from(feedRuns)
    .innerJoin(channels, eq(channels.id, feedRuns.channelId))
    .where(options.channelId ? eq(feedRuns.channelId, options.channelId) : undefined)
    .orderBy(desc(feedRuns.createdAt), desc(feedRuns.id))
    .limit(options.limit);
}

export async function listFeedRunErrors(db: Database, runId: string) {
  return db
    .select({
      line: feedRunErrors.line,
      sku: feedRunErrors.sku,
      productId: feedRunErrors.productId,
      message: feedRunErrors.message,
    })
    .from(feedRunErrors)
    .where(eq(feedRunErrors.feedRunId, runId))
    .orderBy(asc(feedRunErrors.position));
}

/** The file exactly as generated (and sent). */
export async function getFeedFile(db: Database, runId: string) {
  const [run] = await db
    .select({ fileName: feedRuns.fileName, contentType: feedRuns.contentType, file: feedRuns.file })
    .from(feedRuns)
    .where(eq(feedRuns.id, runId));
  if (!run) throw notFound('feed_run_not_found', `No feed run ${runId}`);
  return run;
}
