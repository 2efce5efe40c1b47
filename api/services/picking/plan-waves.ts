import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { bins, orderLines, orders, reservations, waveOrders } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../events/record-event.js';
import { isUniqueViolation } from '../scans/scan-replay.js';
import { buildWave } from './build-wave.js';

export interface WaveCriteria {
  /** Only orders that must ship by then. */
  shipByBefore?: Date | undefined;
  channelId?: string | undefined;
  serviceLevel?: string | undefined;
  /** Only orders whose every unit sits in this zone. */
  zone?: string | undefined;
  /** Orders of one wave share these (one carrier's cut-off, one zone's walk). */
  groupBy?: ('channel' | 'serviceLevel' | 'zone')[] | undefined;
  /** Cart capacity: orders (totes) and units. */
  maxOrders: number;
  maxUnits: number;
  maxWaves: number;
}

/**
 * Builds waves automatically: ready orders not yet in a live wave, expedited ones first, then most urgent
 * ship-by, filtered and grouped as asked, each wave filled up to the cart's capacity.
 */
export async function planWaves(
  db: Database,
  actor: Actor,
  criteria: WaveCriteria,
  now: Date,
): Promise<{ waveIds: string[] }> {
  const candidates = await db
    .select({
      id: orders.id,
      channelId: orders.channelId,
      serviceLevel: orders.serviceLevel,
      units: sql<number>`sum(${reservations.quantity} - ${reservations.quantityPicked})::int`,
      zone: sql<string>`case when min(${bins.zone}) = max(${bins.zone}) then min(${bins.zone}) else '*' end`,
    })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .innerJoin(
      reservations,
      and(eq(reservations.orderLineId, orderLines.id), eq(reservations.status, 'active')),
    )
    .innerJoin(bins, eq(bins.id, reservations.binId))
    .where(
      and(
        eq(orders.status, 'ready'),
        criteria.shipByBefore ? lte(orders.shipBy, criteria.shipByBefore) : undefined,
        criteria.channelId ? eq(orders.channelId, criteria.channelId) : undefined,
        criteria.serviceLevel ? eq(orders.serviceLevel, criteria.serviceLevel) : undefined,
        sql`not exists (select 1 from ${waveOrders} where ${waveOrders.orderId} = ${orders.id} and ${waveOrders.isOpen})`,
      ),
    )
    .groupBy(orders.id)
    .having(sql`sum(${reservations.quantity} - ${reservations.quantityPicked}) > 0`)
    .orderBy(
      desc(orders.priority),
      sql`${orders.shipBy} asc nulls last`,
      asc(orders.placedAt),
      asc(orders.id),
    )
    .limit(5000);
  const eligible = candidates.filter((o) => !criteria.zone || o.zone === criteria.zone);
  const groups = new Map<string, { orderIds: string[]; units: number }[]>();
  const waves: { key: string; orderIds: string[]; units: number }[] = [];
  for (const o of eligible) {
    if (o.units > criteria.maxUnits) continue; // too big for any cart: picked on its own wave by the desk
    const key = (criteria.groupBy ?? [])
      .map((g) => (g === 'channel' ? o.channelId : g === 'serviceLevel' ? (o.serviceLevel ?? '') : o.zone))
      .join('|');
    const open = groups.get(key) ?? [];
    let wave = open.find(
      (w) => w.orderIds.length < criteria.maxOrders && w.units + o.units <= criteria.maxUnits,
    );
    if (!wave) {
      if (waves.length >= criteria.maxWaves) continue;
      wave = { orderIds: [], units: 0 };
      open.push(wave);
      groups.set(key, open);
      waves.push(Object.assign(wave, { key }));
    }
    wave.orderIds.push(o.id);
    wave.units += o.units;
  }
  const stored = {
    ...criteria,
    shipByBefore: criteria.shipByBefore?.toISOString() ?? null,
  };
  try {
    const waveIds = await db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const w of waves) {
        ids.push(
          await buildWave(tx, actor, { orderIds: w.orderIds, criteria: { ...stored, group: w.key } }, now),
        );
      }
      return ids;
    });
    return { waveIds };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'order_already_in_wave',
        409,
        'Another desk built a wave from these orders meanwhile; plan again.',
      );
    }
    throw err;
  }
}
