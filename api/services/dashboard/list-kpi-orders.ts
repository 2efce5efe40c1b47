import { eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { type KpiName, policyFor } from './kpi-policies.js';
import { inWindow, kpiDefinitions } from './kpi-queries.js';

export interface KpiOrder {
  orderId: string;
  externalId: string;
  status: string;
  placedAt: string;
  shipBy: string | null;
  shippedAt: string | null;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/**
 * The orders behind a figure: the defects of one KPI, channel and window, newest first. Built from the
 * same definition as the count, so the list and the figure never disagree.
 */
export async function listKpiOrders(
  db: Executor,
  input: { channelId: string; kpi: KpiName; windowDays: number; limit: number },
  now: Date,
): Promise<{ total: number; orders: KpiOrder[] }> {
  const [channel] = await db
    .select({ type: channels.type, settings: channels.settings })
    .from(channels)
    .where(eq(channels.id, input.channelId));
  if (!channel) throw notFound('channel_not_found', `No channel ${input.channelId}.`);
  const policy = policyFor(channel.type, channel.settings);
  const def = kpiDefinitions[input.kpi]({
    now,
    deliveryPromiseDays: new Map([[input.channelId, policy.deliveryPromiseDays]]),
  });
  const population = inWindow(def, now, input.windowDays);
  const where = sql`and o.channel_id = ${input.channelId} and ${def.defect}`;
  const [count] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n ${population} ${where}`),
  );
  const rows = rowsOf<{
    id: string;
    external_id: string;
    status: string;
    placed_at: string;
    ship_by: string | null;
    shipped_at: string | null;
  }>(
    await db.execute(
      sql`select o.id, o.external_id, o.status, o.placed_at, o.ship_by, o.shipped_at ${population} ${where}
        order by ${def.orderBy} limit ${input.limit}`,
    ),
  );
  return {
    total: Number(count?.n ?? 0),
    orders: rows.map((r) => ({
      orderId: r.id,
      externalId: r.external_id,
      status: r.status,
      placedAt: iso(r.placed_at)!,
      shipBy: iso(r.ship_by),
      shippedAt: iso(r.shipped_at),
    })),
  };
}
