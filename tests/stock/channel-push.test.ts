import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOrder } from '../../api/services/orders/ingest-order.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import { rowsOf } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { allocationRules, channels, events } from '../../db/schema/index.js';
import type { ReceivedCall } from '../fakes/mirakl/simulator.js';
import { validateRequestBody } from '../fakes/mirakl/spec.js';
import { startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { canonicalOrder, makeBin, makeChannel, makeProduct, makeWarehouse } from './factories.js';

const windowSeconds = 3;

/** The STO01 calls that carry this SKU, with the quantity the CSV gives it. */
function stockCalls(received: ReceivedCall[], sku: string, shopId: string | undefined) {
  return received
    .filter((c) => c.operationId === 'STO01' && c.query.shop_id === shopId)
    .map((c) => ({ call: c, content: (c.body as { file?: { content?: string } }).file?.content ?? '' }))
    .filter((c) => c.content.includes(`"${sku}"`))
    .map(({ call, content }) => {
      const line = content.split('\n').find((l) => l.startsWith(`"${sku}"`)) ?? '';
      return { call, quantity: Number(line.split(';')[1]) };
    });
}

/**
 * A burst of sales on one channel, through the real ingest, job queue, Mirakl connector and simulator:
 * each channel gets coalesced STO01 pushes, never two within one window, and the last one is right.
 */
describe('stock pushes to channels', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('a burst of 100 sales on one channel gives every channel at most one push per window, with the last value', async () => {
    const { db, secrets, jobs } = t.system.deps;
    await db
      .update(channels)
      .set({
        settings: sql`${channels.settings} || ${JSON.stringify({ stockPushIntervalSeconds: windowSeconds })}::jsonb`,
      })
      .where(eq(channels.id, t.channelId));
    const otherId = await makeChannel(db, secrets, 'Second shop', {
      shopId: '2002',
      stockPushIntervalSeconds: windowSeconds,
    });
    const warehouseId = await makeWarehouse(db);
    const binId = await makeBin(db, warehouseId, 'B-01-01-1', 1);
    const productId = await makeProduct(db, 'BURST-1');
    // The second shop sees half of what is free, after a buffer of 4.
    await db
      .insert(allocationRules)
      .values({ id: newId('alr'), channelId: otherId, productId, bufferUnits: 4, sharePercent: 50 });
    await db.transaction((tx) =>
      applyMovement(tx, {}, { productId, binId, delta: 300, reason: 'receipt' }, new Date()),
    );

    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        ingestOrder(
          { db, jobs },
          { id: t.channelId, requiresAcceptance: false },
          canonicalOrder([{ sku: 'BURST-1', quantity: 1 }], `BURST-${i}`),
          {},
          new Date(),
        ),
      ),
    );
    // 200 free: the seller's shop shows 200, the second shop (200 - 4) * 50% = 98.
    const expected = { [t.channelId]: 200, [otherId]: 98 };
    await waitFor(
      async () => {
        const [pending] = rowsOf<{ n: number }>(
          await db.execute(
            sql`select count(*)::int as n from pgboss.job where name = 'stock.push' and state in ('created', 'retry', 'active') and data->>'productId' = ${productId}`,
          ),
        );
        const last = (shop: string | undefined) =>
          stockCalls(t.simulator.received, 'BURST-1', shop).at(-1)?.quantity;
        return Number(pending?.n) === 0 && last(undefined) === 200 && last('2002') === 98;
      },
      40_000,
      'final stock pushes',
    );

    for (const [channelId, shopId] of [
      [t.channelId, undefined],
      [otherId, '2002'],
    ] as const) {
      const calls = stockCalls(t.simulator.received, 'BURST-1', shopId);
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls.at(-1)?.quantity).toBe(expected[channelId]);
      for (const { call } of calls) {
        expect(call.status).toBe(201);
        expect(validateRequestBody('STO01', call.body)).toEqual([]);
      }
      const pushes = await db
        .select({ at: events.occurredAt })
        .from(events)
        .where(
          and(
            eq(events.type, 'stock.pushed'),
            eq(events.entityId, productId),
            sql`${events.payload}->>'channelId' = ${channelId}`,
          ),
        )
        .orderBy(events.occurredAt);
      expect(pushes.length).toBe(calls.length);
      // A job queued while another waits is dropped, and a job that starts too soon after the last push
      // waits: pushes are a whole window apart, measured at the moment each read the quantity.
      for (let i = 1; i < pushes.length; i++) {
        const gap = pushes[i]!.at.getTime() - pushes[i - 1]!.at.getTime();
        expect(gap).toBeGreaterThanOrEqual(windowSeconds * 1000);
      }
    }
  }, 90_000);
});
