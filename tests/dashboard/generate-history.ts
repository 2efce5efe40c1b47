import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { genChannels, genPickers, genProducts, pickDays, spanSeconds } from './history-rules.js';
import { type HistoryTruth, historyTruth } from './history-truth.js';

/**
 * A seller's history of `size` orders over two years on three marketplaces, written set-based (one
 * INSERT … SELECT FROM generate_series per table), with rates known in advance. Every attribute of order
 * i is a pure function of i (below, `orderFacts`), used once in SQL to write the rows and once in
 * TypeScript to compute the true figures, so the test can compare the dashboard's queries with them.
 */
/** Writes the history; returns the instant it was generated against (whole seconds) and the true figures. */
export async function generateHistory(
  db: Database,
  size: number,
  now: Date,
): Promise<{ now: Date; nowS: number; truth: HistoryTruth }> {
  const nowS = Math.floor(now.getTime() / 1000);
  const step = Math.floor(spanSeconds / size);
  const arr = (k: 'cancel' | 'late' | 'invalid' | 'returns') =>
    sql.raw(`array[${genChannels.map((c) => c[k]).join(',')}]`);
  const ids = sql.raw(`array[${genChannels.map((c) => `'${c.id}'`).join(',')}]`);
  const pickerIds = sql.raw(`array[${genPickers.map((p) => `'${p.id}'`).join(',')}]`);
  const wrongEvery = sql.raw(`array[${genPickers.map((p) => p.wrongEvery).join(',')}]`);
  await db.transaction(async (tx) => {
    for (const c of genChannels) {
      await tx.execute(
        sql`insert into channels (id, type, name, credentials_sealed) values (${c.id}, ${c.type}, ${c.name}, 'unused')`,
      );
    }
    for (const p of genPickers) {
      await tx.execute(sql`insert into users (id, name, role) values (${p.id}, ${p.name}, 'picker')`);
    }
    await tx.execute(sql`insert into warehouses (id, code, name) values ('whs_gen', 'GEN', 'Gen warehouse')`);
    await tx.execute(sql`insert into bins (id, warehouse_id, code) values ('bin_gen', 'whs_gen', 'GEN-01')`);
    await tx.execute(sql`insert into products (id, sku, name)
      select 'prd_gen_' || p, 'GEN-' || lpad(p::text, 2, '0'), 'Generated product ' || p from generate_series(0, ${genProducts - 1}) p`);
    await tx.execute(sql`insert into bin_stock (id, bin_id, product_id, on_hand, reserved)
      select 'bst_gen_' || p, 'bin_gen', 'prd_gen_' || p, 100 + 37 * p, 0 from generate_series(0, ${genProducts - 1}) p`);
    // The facts of every order, computed once (the same rules as orderFacts).
    await tx.execute(sql`create temp table gen on commit drop as
      select i, c, h, h2, h3, h4, placed, ship_by,
        case when h < (${arr('cancel')})[c + 1] then 'cancelled'
             when ship_by > ${nowS} - 86400 then (array['ready','picking','packed','pending'])[i % 4 + 1]
             else 'shipped' end as status,
        case when h < (${arr('cancel')})[c + 1] or ship_by > ${nowS} - 86400 then null
             when h < (${arr('cancel')})[c + 1] + (${arr('late')})[c + 1] then ship_by + (1 + i % 20) * 3600
             else ship_by - (2 + i % 30) * 3600 end as shipped
      from (select i, (i % 3)::int as c, (i * 7919) % 1000 as h, (i * 104729) % 1000 as h2, (i * 31337) % 1000 as h3,
              (i * 7211) % 1000 as h4, ${nowS}::bigint - (${size}::bigint - i) * ${step} as placed,
              ${nowS}::bigint - (${size}::bigint - i) * ${step} + 48 * 3600 as ship_by
            from generate_series(0::bigint, ${size - 1}::bigint) i) f`);
    await tx.execute(sql`insert into orders (id, channel_id, external_id, status, channel_state, channel_status, placed_at,
        channel_updated_at, ship_by, currency, total_minor, shipping_minor, buyer_name, shipping_address, shipped_at, created_at, updated_at)
      select 'ord_gen_' || i, (${ids})[c + 1], 'GEN-' || i, status, 'to_ship', 'SHIPPING', to_timestamp(placed), to_timestamp(placed),
        to_timestamp(ship_by), 'EUR', 1990, 490, 'Buyer ' || i,
        '{"name":"Buyer","company":null,"line1":"1 rue de la Paix","line2":null,"postalCode":"75002","city":"Paris","countryCode":"FR","phone":null}'::jsonb,
        to_timestamp(shipped), to_timestamp(placed + 600), to_timestamp(coalesce(shipped, placed + 600))
      from gen`);
    await tx.execute(sql`insert into order_lines (id, order_id, external_line_id, product_id, sku, title, quantity, unit_price_minor,
        status, quantity_picked, quantity_packed, quantity_shipped)
      select 'oln_gen_' || i, 'ord_gen_' || i, '1', 'prd_gen_' || (i % ${genProducts}), 'GEN-' || lpad((i % ${genProducts})::text, 2, '0'),
        'Generated', 1 + i % 3, 1990,
        case status when 'cancelled' then 'cancelled' when 'shipped' then 'shipped' else 'reserved' end,
        case when status = 'shipped' then 1 + i % 3 else 0 end, case when status = 'shipped' then 1 + i % 3 else 0 end,
        case when status = 'shipped' then 1 + i % 3 else 0 end
      from gen`);
    await tx.execute(sql`insert into shipments (id, order_id, status, carrier_code, carrier_name, service, channel_push_status,
        channel_confirmed_at, created_at, shipped_at)
      select 'shp_gen_' || i, 'ord_gen_' || i, 'shipped', 'colissimo', 'Colissimo', 'standard',
        case when h2 < (${arr('invalid')})[c + 1] then 'failed' else 'confirmed' end,
        case when h2 < (${arr('invalid')})[c + 1] then null else to_timestamp(shipped + 60) end,
        to_timestamp(shipped - 3600), to_timestamp(shipped)
      from gen where shipped is not null`);
    await tx.execute(sql`insert into parcels (id, shipment_id, tracking_number, weight_grams, label_format, label)
      select 'pcl_gen_' || i, 'shp_gen_' || i, 'GEN' || lpad(i::text, 9, '0') || 'FR', 500, 'pdf', '\\x00'::bytea
      from gen where shipped is not null`);
    await tx.execute(sql`insert into returns (id, order_id, status, source, created_at)
      select 'rma_gen_' || i, 'ord_gen_' || i,
        case when h3 < (${arr('returns')})[c + 1] then 'closed' else 'cancelled' end, 'channel', to_timestamp(shipped + 3 * 86400)
      from gen where shipped is not null and h3 < (${arr('returns')})[c + 1] + 10`);
    await tx.execute(sql`insert into parcel_tracking (parcel_id, order_id, status, delivered_at, last_checked_at)
      select 'pcl_gen_' || i, 'ord_gen_' || i, 'delivered', to_timestamp(ship_by + (h4 % 5) * 86400 + 6 * 3600),
        to_timestamp(${nowS})
      from gen where shipped is not null and h4 < 600`);
    const recent = sql`from gen where shipped is not null and shipped >= ${nowS - pickDays * 86_400}`;
    await tx.execute(sql`insert into events (id, occurred_at, type, order_id, actor_user_id, payload)
      select 'evt_gen_pick_' || i, to_timestamp(shipped - 3 * 3600), 'pick.scanned', 'ord_gen_' || i, (${pickerIds})[i % 3 + 1],
        jsonb_build_object('units', 1 + i % 3) ${recent}`);
    await tx.execute(sql`insert into events (id, occurred_at, type, order_id, actor_user_id, payload)
      select 'evt_gen_wrong_' || i, to_timestamp(shipped - 3 * 3600 - 60), 'pick.scan_rejected', 'ord_gen_' || i,
        (${pickerIds})[i % 3 + 1], '{}'::jsonb ${recent} and i % (${wrongEvery})[i % 3 + 1] = 0`);
    await tx.execute(sql`insert into events (id, occurred_at, type, order_id, actor_user_id, payload)
      select 'evt_gen_short_' || i, to_timestamp(shipped - 3 * 3600 + 30), 'pick.short', 'ord_gen_' || i, (${pickerIds})[i % 3 + 1],
        jsonb_build_object('units', 1) ${recent} and i % 40 = i % 3`);
  });
  // As autovacuum would after a load: fresh statistics, and a visibility map for index-only scans.
  await db.execute(sql`vacuum analyze`);
  return { now: new Date(nowS * 1000), nowS, truth: historyTruth(size, nowS) };
}
