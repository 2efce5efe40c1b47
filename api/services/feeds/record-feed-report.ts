import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channelOffers, feedRunErrors, feedRuns, products } from '../../../db/schema/index.js';
import { notFound, unprocessable } from '../../errors.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { readCsv } from '../manual-orders/read-import-file.js';
import { skusByPosition } from './run-positions.js';

export interface ReportLine {
  /** Line of the file (CSV) or message/request number (JSON), as the run's positions count them. */
  position: number | null;
  sku: string | null;
  message: string;
}

/**
 * Reads a channel's import report into lines: Mirakl's OF03 error file (the offer's columns plus
 * `error-line` and `error-message`), Amazon's processing report (`issues` by `messageId`), eBay's
 * bulkUpdatePriceQuantity response (`responses` by `sku`), or a plain list of `{ position, sku, message }`.
 */
export function parseFeedReport(text: string): ReportLine[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const table = readCsv(trimmed);
    if (!table.headers.includes('error-message'))
      throw unprocessable(
        'feed_report_unreadable',
        'A CSV report needs an error-message column (Mirakl OF03)',
      );
    return table.rows.map((r) => ({
      position: /^\d+$/.test(r.values['error-line'] ?? '') ? Number(r.values['error-line']) : null,
      sku: r.values.sku || null,
      message: r.values['error-message'] ?? '',
    }));
  }
  const json = JSON.parse(trimmed) as Record<string, unknown> | unknown[];
  if (Array.isArray(json)) return json as ReportLine[];
  if (Array.isArray(json.issues))
    return (json.issues as { messageId?: number; code?: string; severity?: string; message?: string }[])
      .filter((i) => i.severity !== 'WARNING')
      .map((i) => ({
        position: i.messageId ?? null,
        sku: null,
        message: [i.code, i.message].filter(Boolean).join(': '),
      }));
  if (Array.isArray(json.responses))
    return (json.responses as { sku?: string; statusCode?: number; errors?: { message?: string }[] }[])
      .filter((r) => (r.statusCode ?? 200) >= 400 || (r.errors?.length ?? 0) > 0)
      .map((r) => ({
        position: null,
        sku: r.sku ?? null,
        message: (r.errors ?? []).map((e) => e.message).join('; ') || `HTTP ${r.statusCode}`,
      }));
  throw unprocessable(
    'feed_report_unreadable',
    'The report is neither OF03, an Amazon report nor an eBay response',
  );
}

/**
 * Attaches a channel's import report to a run: each error line is tied back to the product the run put
 * on that line (or that SKU), kept with the run, and the product is marked rejected on the channel with
 * the channel's message, so the products page shows it next to the product. The run is completed, or
 * failed with `failure` when the channel refused the import as a whole.
 */
export async function recordFeedReport(
  deps: { db: Database },
  runId: string,
  reportText: string,
  now: Date,
  options: { failure?: string } = {},
): Promise<{ errors: number; matched: number }> {
  const lines = parseFeedReport(reportText);
  return deps.db.transaction(async (tx) => {
    const [run] = await tx.select().from(feedRuns).where(eq(feedRuns.id, runId));
    if (!run) throw notFound('feed_run_not_found', `No feed run ${runId}`);
    const skuAt = skusByPosition(run.format, run.file);
    const skuOf = (l: ReportLine) => l.sku ?? (l.position === null ? null : (skuAt.get(l.position) ?? null));
    const skus = [...new Set(lines.map(skuOf).filter((s): s is string => !!s))];
    const ids =
      skus.length === 0
        ? new Map<string, string>()
        : new Map(
            (
              await tx
                .select({ id: products.id, sku: products.sku })
                .from(products)
                .where(inArray(products.sku, skus))
            ).map((p) => [p.sku, p.id]),
          );
    await tx.delete(feedRunErrors).where(eq(feedRunErrors.feedRunId, runId));
    const rows = lines.map((l, i) => {
      const sku = skuOf(l);
      return {
        feedRunId: runId,
        position: i + 1,
        line: l.position,
        sku,
        productId: sku ? (ids.get(sku) ?? null) : null,
        message: l.message.slice(0, 2000),
      };
    });
    for (let i = 0; i < rows.length; i += 1000)
      await tx.insert(feedRunErrors).values(rows.slice(i, i + 1000));
    const byProduct = new Map<string, string[]>();
    for (const r of rows)
      if (r.productId) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r.message]);
    for (const [productId, messages] of byProduct)
      await tx
        .update(channelOffers)
        .set({
          status: 'rejected',
          reasons: messages.map((message) => ({ code: 'channel_rejected', message })),
          updatedAt: now,
        })
        .where(and(eq(channelOffers.channelId, run.channelId), eq(channelOffers.productId, productId)));
    await tx
      .update(feedRuns)
      .set({
        status: options.failure ? 'failed' : 'completed',
        errorCount: rows.length,
        completedAt: now,
        deliveryError: options.failure ?? null,
      })
      .where(eq(feedRuns.id, runId));
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'feed.report',
        entityType: 'channel',
        entityId: run.channelId,
        payload: { runId, errors: rows.length, ...(options.failure ? { failure: options.failure } : {}) },
      },
      now,
    );
    return { errors: rows.length, matched: byProduct.size };
  });
}
