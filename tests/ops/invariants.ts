import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/** Runs one SQL text and returns its rows; adapters below wrap drizzle (either driver) and postgres.js. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/** What a channel fake saw, in the checker's terms. */
export interface ChannelRecord {
  channelId: string;
  /** External ids of every order the fake offered to us. */
  emittedOrderIds: string[];
  /** Every shipment confirmation the channel accepted (one per "shipped" write it took). */
  confirmations: { externalOrderId: string; trackingNumber: string | null }[];
  /**
   * The channel takes one confirmation per parcel, under its tracking number (Amazon packages, eBay
   * fulfillments, Octopia parcels, Shopify fulfillments, WooCommerce notes): each parcel of a shipped
   * shipment is then expected there once, where a Mirakl order carries one tracking for the shipment.
   */
  isPerParcel?: boolean;
}

export interface InvariantOptions {
  /**
   * Or a function, called once the shipments are read: on a system still pushing, a fake read before
   * them could miss a confirmation the database then shows, and report it missing.
   */
  channels?: ChannelRecord[] | (() => ChannelRecord[] | Promise<ChannelRecord[]>);
  /** A run still under way may have pushes waiting; a settled one may not. */
  allowPendingPushes?: boolean;
}

export interface InvariantReport {
  ok: boolean;
  violations: string[];
  counts: { orders: number; shippedShipments: number; movements: number; activeReservations: number };
}

export function drizzleRunner(db: Database): RunSql {
  return async (text) => {
    const result = (await db.execute(sql.raw(text))) as unknown;
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      unknown
    >[];
  };
}

/**
 * The four promises of the system after any fault, read from the database (and from the channel fakes
 * when given): every shipped parcel confirmed at its channel exactly once; no order lost or doubled;
 * on-hand equals the sum of the ledger and reserved equals the sum of the live reservations; no live
 * reservation on a line that no longer needs it. Returns every violation, not just the first.
 */
export async function checkInvariants(run: RunSql, options: InvariantOptions = {}): Promise<InvariantReport> {
  const violations: string[] = [];
  const add = (rows: Record<string, unknown>[], say: (r: Record<string, unknown>) => string) => {
    for (const r of rows) violations.push(say(r));
  };

  add(
    await run(`select channel_id, external_id, count(*)::int n from orders
               group by channel_id, external_id having count(*) > 1`),
    (r) => `order ${r.external_id} of channel ${r.channel_id} exists ${r.n} times`,
  );
  add(
    await run(`select coalesce(b.bin_id, m.bin_id) bin_id, coalesce(b.product_id, m.product_id) product_id,
                      coalesce(b.on_hand, 0) on_hand, coalesce(m.total, 0) ledger
               from bin_stock b
               full outer join (select bin_id, product_id, sum(delta)::int total from stock_movements
                                group by bin_id, product_id) m
                 on m.bin_id = b.bin_id and m.product_id = b.product_id
               where coalesce(b.on_hand, 0) <> coalesce(m.total, 0)`),
    (r) => `bin ${r.bin_id} product ${r.product_id}: on hand ${r.on_hand} but the ledger sums to ${r.ledger}`,
  );
  add(
    await run(`select coalesce(b.bin_id, r.bin_id) bin_id, coalesce(b.product_id, r.product_id) product_id,
                      coalesce(b.reserved, 0) reserved, coalesce(r.held, 0) held, coalesce(b.on_hand, 0) on_hand
               from bin_stock b
               full outer join (select bin_id, product_id, sum(quantity)::int held from reservations
                                where status = 'active' group by bin_id, product_id) r
                 on r.bin_id = b.bin_id and r.product_id = b.product_id
               where coalesce(b.reserved, 0) <> coalesce(r.held, 0)
                  or coalesce(b.reserved, 0) > coalesce(b.on_hand, 0) or coalesce(b.on_hand, 0) < 0`),
    (r) =>
      `bin ${r.bin_id} product ${r.product_id}: reserved ${r.reserved}, live reservations ${r.held}, on hand ${r.on_hand}`,
  );
  add(
    await run(`select r.id, l.status line_status, o.status order_status from reservations r
               join order_lines l on l.id = r.order_line_id join orders o on o.id = l.order_id
               where r.status = 'active'
                 and (l.status in ('shipped', 'cancelled', 'refused') or o.status in ('shipped', 'cancelled'))`),
    (r) => `reservation ${r.id} is live on a ${r.line_status} line of a ${r.order_status} order`,
  );
  add(
    await run(`select l.id, l.status, l.quantity, l.quantity_picked,
                      coalesce(sum(r.quantity) filter (where r.status in ('active', 'consumed')), 0)::int held,
                      coalesce(sum(r.quantity_picked) filter (where r.status in ('active', 'consumed')), 0)::int picked
               from order_lines l left join reservations r on r.order_line_id = l.id
               group by l.id
               having coalesce(sum(r.quantity) filter (where r.status in ('active', 'consumed')), 0) > l.quantity
                  or (l.status not in ('cancelled', 'refused')
                      and coalesce(sum(r.quantity_picked) filter (where r.status in ('active', 'consumed')), 0)
                          <> l.quantity_picked)`),
    (r) =>
      `line ${r.id} (${r.status}): quantity ${r.quantity}, picked ${r.quantity_picked}, reservations hold ${r.held} with ${r.picked} picked`,
  );
  add(
    await run(`select o.id from orders o where o.status = 'shipped'
               and not exists (select 1 from shipments s where s.order_id = o.id and s.status = 'shipped')`),
    (r) => `order ${r.id} is shipped without a shipped shipment`,
  );

  const shipped = await run(`select s.id, s.channel_push_status, o.channel_id, o.external_id,
                                    array_agg(p.tracking_number order by p.tracking_number) tracking
                             from shipments s join orders o on o.id = s.order_id
                             left join parcels p on p.shipment_id = s.id
                             where s.status = 'shipped'
                             group by s.id, s.channel_push_status, o.channel_id, o.external_id`);
  for (const s of shipped) {
    if (s.channel_push_status !== 'confirmed' && !options.allowPendingPushes)
      violations.push(`shipment ${s.id} is shipped but its channel push is ${s.channel_push_status}`);
  }
  const channels = typeof options.channels === 'function' ? await options.channels() : options.channels;
  for (const channel of channels ?? []) {
    const known = new Map<string, number>();
    for (const c of channel.confirmations) {
      const key = `${c.externalOrderId}|${c.trackingNumber}`;
      known.set(key, (known.get(key) ?? 0) + 1);
    }
    const expected = new Set<string>();
    for (const s of shipped.filter((x) => x.channel_id === channel.channelId)) {
      const numbers = (s.tracking as (string | null)[]).filter((n): n is string => n !== null);
      const times = numbers.reduce((sum, n) => sum + (known.get(`${s.external_id}|${n}`) ?? 0), 0);
      for (const n of numbers) expected.add(`${s.external_id}|${n}`);
      if (channel.isPerParcel) {
        for (const n of numbers) {
          const parcelTimes = known.get(`${s.external_id}|${n}`) ?? 0;
          if (s.channel_push_status === 'confirmed' ? parcelTimes !== 1 : parcelTimes > 1)
            violations.push(
              `parcel ${n} of shipment ${s.id} (order ${s.external_id}) is at its channel ${parcelTimes} times`,
            );
        }
        continue;
      }
      if (s.channel_push_status === 'confirmed' && times !== 1)
        violations.push(
          `shipment ${s.id} (order ${s.external_id}) was confirmed at its channel ${times} times`,
        );
      if (s.channel_push_status !== 'confirmed' && times > 1)
        violations.push(`shipment ${s.id} (order ${s.external_id}) reached its channel ${times} times`);
    }
    for (const key of known.keys()) {
      if (!expected.has(key))
        violations.push(
          `channel ${channel.channelId} shows ${key.replace('|', ' shipped as ')}, not shipped here`,
        );
    }
    const ours =
      await run(`select external_id from orders where channel_id = '${channel.channelId.replace(/'/g, "''")}'
                            union select external_id from parked_orders
                            where channel_id = '${channel.channelId.replace(/'/g, "''")}' and external_id is not null`);
    const seen = new Set(ours.map((r) => String(r.external_id)));
    for (const id of channel.emittedOrderIds)
      if (!seen.has(id))
        violations.push(`order ${id} of channel ${channel.channelId} is neither in orders nor parked`);
  }

  const [counts] = await run(`select (select count(*)::int from orders) orders,
                                     (select count(*)::int from shipments where status = 'shipped') shipped,
                                     (select count(*)::int from stock_movements) movements,
                                     (select count(*)::int from reservations where status = 'active') active`);
  return {
    ok: violations.length === 0,
    violations,
    counts: {
      orders: Number(counts?.orders ?? 0),
      shippedShipments: Number(counts?.shipped ?? 0),
      movements: Number(counts?.movements ?? 0),
      activeReservations: Number(counts?.active ?? 0),
    },
  };
}

/** A Mirakl fake's log as a channel record: a confirmation is an accepted OR24, with the tracking of the OR23 before it. */
export function miraklRecord(
  channelId: string,
  log: {
    orders: ({ order_id: string } | null | undefined)[];
    received: { operationId: string; path: string; body: unknown; status: number | null }[];
  },
): ChannelRecord {
  const tracking = new Map<string, string | null>();
  const confirmations: ChannelRecord['confirmations'] = [];
  for (const call of log.received) {
    if (call.status === null || call.status >= 300) continue;
    const orderId = decodeURIComponent(call.path.split('/')[3] ?? '');
    if (call.operationId === 'OR23')
      tracking.set(orderId, (call.body as { tracking_number?: string } | null)?.tracking_number ?? null);
    if (call.operationId === 'OR24')
      confirmations.push({ externalOrderId: orderId, trackingNumber: tracking.get(orderId) ?? null });
  }
  return {
    channelId,
    emittedOrderIds: log.orders.flatMap((o) => (o?.order_id ? [o.order_id] : [])),
    confirmations,
  };
}
