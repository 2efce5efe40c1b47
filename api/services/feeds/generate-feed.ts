import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { channelOffers, feedRuns } from '../../../db/schema/index.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { buildOffer } from '../pricing/build-offer.js';
import { loadChannelSettings } from '../pricing/channel-settings.js';
import { channelQuantities, loadOfferProducts } from '../pricing/load-offer-products.js';
import type { FeedOffer } from './formats/feed-file.js';
import { isDeliveredFeed, queueFeedDelivery } from './queue-feed.js';
import { renderFeed } from './render-feed.js';

export type FeedTrigger = 'schedule' | 'change' | 'manual';

export interface FeedRunSummary {
  id: string;
  fileName: string;
  offers: number;
  blocked: number;
}

/** Products read per query: keeps memory flat on a 100 000-product catalogue. */
const PAGE = 2000;

/**
 * One feed run for one channel: every catalogue product priced and checked, the publishable ones
 * written in the channel's format, the file(s) kept, and each product's status on the channel saved
 * with its reasons, so the products page says why a product is not published. With `jobs`, a run the
 * channel takes through its API is queued for delivery in the same transaction (deliver-feed.ts).
 */
export async function generateFeed(
  deps: { db: Database; jobs?: JobQueue },
  channelId: string,
  trigger: FeedTrigger,
  now: Date,
): Promise<FeedRunSummary[]> {
  const [settings] = await loadChannelSettings(deps.db, channelId);
  if (!settings) return [];
  const publishable: FeedOffer[] = [];
  const blocked: { productId: string; reasons: { code: string; message: string }[] }[] = [];
  let afterSku: string | undefined;
  for (;;) {
    const page = await loadOfferProducts(deps.db, { afterSku, limit: PAGE });
    if (page.length === 0) break;
    afterSku = page.at(-1)!.sku;
    const ids = page.map((p) => p.productId);
    const quantities = await channelQuantities(deps.db, channelId, ids);
    const links = await deps.db
      .select({
        productId: channelOffers.productId,
        externalId: channelOffers.externalId,
        externalParentId: channelOffers.externalParentId,
      })
      .from(channelOffers)
      .where(and(eq(channelOffers.channelId, channelId), inArray(channelOffers.productId, ids)));
    const linkOf = new Map(links.map((l) => [l.productId, l]));
    for (const product of page) {
      const offer = buildOffer(product, settings, quantities.get(product.productId) ?? 0);
      if (!offer.isPublishable) {
        blocked.push({ productId: product.productId, reasons: offer.reasons });
        continue;
      }
      const link = linkOf.get(product.productId);
      publishable.push({
        ...offer,
        externalId: link?.externalId ?? null,
        externalParentId: link?.externalParentId ?? null,
      });
    }
  }

  const files = await renderFeed(publishable, settings, now);
  const runs: FeedRunSummary[] = [];
  await deps.db.transaction(async (tx) => {
    const runOf = new Map<string, string>();
    const skipped: typeof blocked = [];
    for (const file of files) {
      const id = newId('fdr');
      await tx.insert(feedRuns).values({
        id,
        channelId,
        format: settings.feed.format,
        trigger,
        status: 'generated',
        fileName: file.fileName,
        contentType: file.contentType,
        file: file.content,
        offers: file.positions.length,
        blocked: blocked.length + file.skipped.length,
        createdAt: now,
      });
      runs.push({
        id,
        fileName: file.fileName,
        offers: file.positions.length,
        blocked: blocked.length + file.skipped.length,
      });
      if (deps.jobs && isDeliveredFeed({ ...settings, format: settings.feed.format }))
        await queueFeedDelivery({ jobs: deps.jobs }, { runId: id }, { tx });
      for (const p of file.positions) runOf.set(p.productId, id);
      for (const s of file.skipped)
        skipped.push({ productId: s.productId, reasons: [{ code: s.code, message: s.message }] });
    }
    const priceOf = new Map(publishable.map((o) => [o.product.productId, o]));
    const statuses = [
      ...[...runOf].map(([productId, runId]) => {
        const o = priceOf.get(productId)!;
        return {
          productId,
          status: 'published' as const,
          reasons: [],
          itemPrice: o.price.itemPrice,
          shippingPrice: o.price.shippingPrice,
          quantity: o.quantity,
          feedRunId: runId,
        };
      }),
      ...[...blocked, ...skipped].map((b) => ({
        productId: b.productId,
        status: 'blocked' as const,
        reasons: b.reasons,
        itemPrice: null,
        shippingPrice: null,
        quantity: null,
        feedRunId: runs[0]?.id ?? null,
      })),
    ];
    await saveOfferStatuses(tx, channelId, statuses, now);
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'feed.generated',
        entityType: 'channel',
        entityId: channelId,
        payload: {
          trigger,
          runs: runs.map((r) => r.id),
          offers: publishable.length,
          blocked: blocked.length,
        },
      },
      now,
    );
  });
  return runs;
}

async function saveOfferStatuses(
  tx: Executor,
  channelId: string,
  rows: {
    productId: string;
    status: 'published' | 'blocked';
    reasons: { code: string; message: string }[];
    itemPrice: number | null;
    shippingPrice: number | null;
    quantity: number | null;
    feedRunId: string | null;
  }[],
  now: Date,
) {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(channelOffers)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, channelId, updatedAt: now })))
      .onConflictDoUpdate({
        target: [channelOffers.channelId, channelOffers.productId],
        set: {
          status: sql`excluded.status`,
          reasons: sql`excluded.reasons`,
          itemPrice: sql`excluded.item_price`,
          shippingPrice: sql`excluded.shipping_price`,
          quantity: sql`excluded.quantity`,
          feedRunId: sql`excluded.feed_run_id`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}
