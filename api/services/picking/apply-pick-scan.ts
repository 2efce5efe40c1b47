import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import type { Actor } from '../events/record-event.js';

export interface PickScan {
  waveId: string;
  clientScanId: string;
  binCode: string;
  itemCode: string;
  toteCode?: string | undefined;
  quantity: number;
}

export interface AppliedPickScan {
  waveStatus: string;
  allocations: { orderId: string; slot: number; toteCode: string | null; units: number }[];
  progress: { unitsTotal: number; unitsPicked: number; unitsShort: number };
}

const dialect = new PgDialect();

interface Row {
  isApplied: boolean;
  waveStatus: string | null;
  unitsTotal: number | null;
  unitsPicked: number | null;
  unitsShort: number | null;
  allocations: AppliedPickScan['allocations'] | null;
}

/**
 * A right scan in one statement, so one round trip: resolve the bin and the item, lock the open tasks
 * and their reservations, split the units over them in walking order (single mode: the first order
 * still short; cluster mode: the scanned tote's order), then move the units onto the tasks, the
 * reservations, the order lines and the orders, count them on the wave (closing it on the last unit)
 * and write the scan's event. Every write is gated on one verdict taken over the locked rows, so the
 * scan applies whole or not at all; a scan that does not apply (wrong bin or item, wrong tote, more
 * units than are left, a wave not picking) returns null and changes nothing, and the caller says why.
 * The event's client scan id is unique: a scan sent twice fails here with a unique violation.
 */
export async function applyPickScan(
  db: Executor,
  actor: Actor,
  scan: PickScan,
  now: Date,
): Promise<AppliedPickScan | null> {
  // Prepared on the server (postgres.js keeps one per connection and statement text; PGlite runs it as
  // is): planning this statement costs more than running it, and it runs on every scan.
  const statement = dialect.sqlToQuery(pickScanStatement(actor, scan, now));
  const result = await db._.session.prepareQuery(statement, undefined, 'pick_scan', false).execute();
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
  const row = rows[0];
  if (!row?.isApplied || row.waveStatus === null) return null;
  return {
    waveStatus: row.waveStatus,
    allocations: row.allocations ?? [],
    progress: {
      unitsTotal: row.unitsTotal ?? 0,
      unitsPicked: row.unitsPicked ?? 0,
      unitsShort: row.unitsShort ?? 0,
    },
  };
}

/** The statement behind applyPickScan (exported for EXPLAIN ANALYZE when tuning it). */
export function pickScanStatement(actor: Actor, scan: PickScan, now: Date): SQL {
  const bin = scan.binCode.trim();
  // Bin labels carry the id; the shelf code beside it is accepted too (each has its own index).
  const binColumn = sql.raw(bin.startsWith('bin_') ? 'id' : 'code');
  return sql`
    with input as (
      select ${scan.waveId}::text as wave_id, ${bin}::text as bin, ${scan.itemCode.trim()}::text as item,
        ${scan.toteCode?.trim() ?? null}::text as tote, ${scan.quantity}::int as quantity,
        ${now.toISOString()}::timestamptz as now
    ),
    wave as (
      select w.id, w.mode from waves w, input where w.id = input.wave_id and w.status = 'picking'
    ),
    bin as (
      select b.id, b.code from bins b, input where b.${binColumn} = input.bin limit 1
    ),
    -- A product barcode (a case barcode counts several units), else the SKU typed by hand.
    product as (
      select id, sku, units_per_scan from (
        select p.id, p.sku, pb.units_per_scan, 0 as priority
        from product_barcodes pb join products p on p.id = pb.product_id, input where pb.code = input.item
        union all
        select p.id, p.sku, 1, 1 from products p, input where p.sku = input.item
      ) found order by priority limit 1
    ),
    tote as (
      select wo.order_id from wave_orders wo, wave, input
      where wo.wave_id = wave.id and wo.tote_code = input.tote and wo.is_open
    ),
    -- Locked, so the remaining counts below are the current ones and nobody moves them until commit.
    candidate as (
      select t.id, t.order_id, t.order_line_id, t.reservation_id, t.slot, t.sort_key,
        t.quantity - t.quantity_picked - t.quantity_short as remaining,
        r.quantity - r.quantity_picked as reservation_room
      from pick_tasks t
      join reservations r on r.id = t.reservation_id and r.status = 'active'
      -- Equalities on the three columns of pick_tasks_wave_bin_product_idx, as values: the prepared
      -- statement's generic plan then reads the scanned step's tasks, not every open task of the wave.
      where t.wave_id = (select id from wave) and t.bin_id = (select id from bin)
        and t.product_id = (select id from product) and t.status = 'open'
      for update of t, r
    ),
    chosen as (
      select c.*, row_number() over walk as seq,
        coalesce(sum(c.remaining) over (walk rows between unbounded preceding and 1 preceding), 0) as units_before
      from candidate c, wave
      where case wave.mode
        when 'single' then c.slot = (select min(slot) from candidate)
        when 'cluster' then c.order_id = (select order_id from tote)
        else true end
      window walk as (order by c.slot, c.sort_key, c.id)
    ),
    alloc as (
      select chosen.*, least(chosen.remaining, greatest(0, input.quantity * product.units_per_scan - chosen.units_before))::int as take
      from chosen, input, product
    ),
    verdict as (
      select coalesce((
        select sum(a.take) = input.quantity * product.units_per_scan
          and bool_and(a.reservation_room >= (select sum(b.take) from alloc b where b.reservation_id = a.reservation_id))
        from alloc a
      ), false) as ok
      from input, product
    ),
    picked_tasks as (
      update pick_tasks t set
        quantity_picked = t.quantity_picked + a.take,
        status = case when t.quantity_picked + t.quantity_short + a.take = t.quantity then 'picked' else 'open' end
      from alloc a, verdict v
      where v.ok and a.take > 0 and t.id = a.id
      returning t.id
    ),
    picked_reservations as (
      update reservations r set quantity_picked = r.quantity_picked + s.units
      from (select reservation_id, sum(take)::int as units from alloc where take > 0 group by reservation_id) s,
        verdict v
      where v.ok and r.id = s.reservation_id
      returning r.id
    ),
    picked_lines as (
      update order_lines l set
        quantity_picked = l.quantity_picked + s.units,
        status = case when l.quantity_picked + s.units = l.quantity then 'picked' else l.status end
      from (select order_line_id, sum(take)::int as units from alloc where take > 0 group by order_line_id) s,
        verdict v
      where v.ok and l.id = s.order_line_id
      returning l.id, l.order_id, l.status, l.quantity_picked, l.quantity
    ),
    -- An order is picked once no live line lacks units. The statement's snapshot shows the lines before
    -- this scan, so the lines it just changed are read from picked_lines instead.
    picked_orders as (
      update orders o set
        status = case when exists (
            select 1 from order_lines l
            where l.order_id = o.id and l.status <> 'cancelled' and l.quantity_picked < l.quantity
              and l.id not in (select id from picked_lines)
          ) or exists (
            select 1 from picked_lines p
            where p.order_id = o.id and p.status <> 'cancelled' and p.quantity_picked < p.quantity
          ) then 'picking' else 'picked' end,
        updated_at = input.now
      from input
      where o.id in (select order_id from picked_lines) and o.status in ('ready', 'picking')
      returning o.id
    ),
    -- The check constraint on the counters refuses a double count; the last unit closes the wave.
    progress as (
      update waves w set
        units_picked = w.units_picked + s.units,
        status = case when w.units_picked + s.units + w.units_short >= w.units_total then 'done' else w.status end,
        completed_at = case when w.units_picked + s.units + w.units_short >= w.units_total then input.now
          else w.completed_at end
      from (select sum(take)::int as units from alloc) s, verdict v, input
      where v.ok and w.id = input.wave_id
      returning w.id, w.status, w.units_total, w.units_picked, w.units_short
    ),
    closed_orders as (
      update wave_orders wo set is_open = false from progress p where p.status = 'done' and wo.wave_id = p.id
    ),
    allocations as (
      select coalesce(jsonb_agg(jsonb_build_object(
          'orderId', g.order_id, 'slot', g.slot, 'units', g.units,
          'toteCode', case when wave.mode = 'cluster' then input.tote end
        ) order by g.first_seq), '[]'::jsonb) as list,
        count(*)::int as orders, min(g.order_id) as only_order, sum(g.units)::int as units
      from (
        select order_id, min(slot) as slot, sum(take)::int as units, min(seq) as first_seq
        from alloc where take > 0 group by order_id
      ) g, wave, input
    ),
    scan_event as (
      insert into events (id, occurred_at, type, order_id, entity_type, entity_id, actor_user_id,
        actor_token_id, device_id, client_scan_id, payload)
      select ${newId('evt')}, input.now, 'pick.scanned', case when al.orders = 1 then al.only_order end,
        'wave', input.wave_id, ${actor.userId ?? null}::text, ${actor.tokenId ?? null}::text,
        ${actor.deviceId ?? null}::text, ${scan.clientScanId}::text,
        jsonb_build_object('waveId', input.wave_id, 'bin', bin.code, 'sku', product.sku, 'units', al.units,
          'allocations', al.list)
      from input, bin, product, allocations al, verdict v
      where v.ok
    ),
    done_event as (
      insert into events (id, occurred_at, type, entity_type, entity_id, actor_user_id, actor_token_id,
        device_id, payload)
      select ${newId('evt')}, input.now, 'wave.completed', 'wave', p.id, ${actor.userId ?? null}::text,
        ${actor.tokenId ?? null}::text, ${actor.deviceId ?? null}::text,
        jsonb_build_object('picked', p.units_picked, 'short', p.units_short)
      from progress p, input
      where p.status = 'done'
    )
    select v.ok as "isApplied", p.status as "waveStatus", p.units_total as "unitsTotal",
      p.units_picked as "unitsPicked", p.units_short as "unitsShort", al.list as allocations
    from verdict v cross join allocations al left join progress p on true
  `;
}
