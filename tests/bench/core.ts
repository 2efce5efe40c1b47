import { eq, sql } from 'drizzle-orm';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { orders } from '../../db/schema/index.js';
import { renderShippingLabelPdf } from '../../labels/index.js';
import { signIn, type TestSystem } from '../support/system.js';
import { percentile, type Row } from './row.js';

/** The walking skeleton's own figures: Mirakl ingest, re-delivery, single-order pick scans, one label. */
export async function benchCore(t: TestSystem): Promise<Row[]> {
  const rows: Row[] = [];
  // Ingest: orders pulled from the Mirakl simulator through the real connector, mapped, stored, reserved.
  const orderCount = 300;
  for (let i = 0; i < orderCount; i++) t.simulator.createOrder({ lines: [{ sku: 'GRA-TOM', quantity: 1 }] });
  let started = performance.now();
  const summary = await pullChannel(t.system.deps, t.channelId);
  let ms = performance.now() - started;
  rows.push({
    figure: `ingest (${summary.created} orders, pull + map + reserve)`,
    value: Math.round((summary.created / ms) * 1000),
    unit: 'orders/s',
    target: '≥ 50',
  });

  // Re-pull of the same orders: all must be recognised as already there.
  await t.system.deps.db.execute(sql`update channels set pull_cursor = null`);
  started = performance.now();
  const again = await pullChannel(t.system.deps, t.channelId);
  ms = performance.now() - started;
  rows.push({
    figure: `re-delivery (${again.unchanged + again.updated} known orders)`,
    value: Math.round(((again.unchanged + again.updated) / ms) * 1000),
    unit: 'orders/s',
    target: '≥ 100',
  });

  // Pick scan round trip through HTTP (in-process), one unit per scan.
  const ready = await t.system.deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.status, 'pending'))
    .limit(100);
  await t.system.deps.db.update(orders).set({ status: 'ready' });
  const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
  const latencies: number[] = [];
  for (const [i, o] of ready.entries()) {
    const s = performance.now();
    const res = await picker.post(`/api/orders/${o.id}/pick-scans`, {
      clientScanId: `bench-${i}-${Date.now()}`,
      binCode: 'A-03-01-1',
      itemCode: 'GRA-TOM',
    });
    latencies.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`pick scan failed: ${res.status} ${await res.text()}`);
  }
  latencies.sort((a, b) => a - b);
  rows.push({
    figure: 'pick scan (HTTP, in-process) p50',
    value: +percentile(latencies, 50).toFixed(1),
    unit: 'ms',
    target: '< 50',
  });
  rows.push({
    figure: 'pick scan (HTTP, in-process) p95',
    value: +percentile(latencies, 95).toFixed(1),
    unit: 'ms',
    target: '< 150',
  });

  // Label rendering: 4x6 PDF with an embedded font subset and a Code 128.
  const renders: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    await renderShippingLabelPdf({
      size: '4x6',
      carrier: { code: 'SELF', name: 'Transporteur', service: 'STANDARD' },
      trackingNumber: 'SD123456785FR',
      barcode: { symbology: 'code128', value: 'SD123456785FR' },
      shipFrom: {
        name: 'Entrepôt',
        company: null,
        line1: '1 rue A',
        line2: null,
        postalCode: '69007',
        city: 'Lyon',
        countryCode: 'FR',
        phone: null,
      },
      shipTo: {
        name: 'Zoë Łódź',
        company: null,
        line1: '2 ulica B',
        line2: null,
        postalCode: '90-001',
        city: 'Łódź',
        countryCode: 'PL',
        phone: null,
      },
      reference: 'ord_bench',
      channelName: 'Bench',
      channelOrderId: 'B-1',
      weightGrams: 500,
      parcel: { index: 1, count: 1 },
      createdAt: new Date().toISOString(),
    });
    renders.push(performance.now() - s);
  }
  renders.sort((a, b) => a - b);
  rows.push({
    figure: 'label 4x6 PDF render p50',
    value: +percentile(renders, 50).toFixed(1),
    unit: 'ms',
    target: '< 100',
  });
  return rows;
}
