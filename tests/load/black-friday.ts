import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { sql } from 'drizzle-orm';
import { type ChannelType, channelTypes } from '../channels/support/six-channels.js';
import { desk as deskUser } from '../ops/cluster.js';
import { withLoopbackTrust } from './loopback-tls.js';
import { type Call, Recorder, signInTimed } from './recorder.js';
import { createCrew, sampleConnections, startLoadTarget, topUpStock } from './target.js';

/**
 * `npm run load`: a Black Friday hour compressed into LOAD_SECONDS against a running server on loopback.
 * Orders arrive from six marketplaces, each a fake on a loopback port of its own (Amazon, eBay, Cdiscount,
 * Shopify, WooCommerce over HTTPS, and the Mirakl simulator), pulled by the workers over HTTP through the
 * real connectors, and are typed in by the desk (manual channel); LOAD_PICKERS pickers and LOAD_PACKERS
 * packers scan them through the real routes, closed loop (each sends its next request when the last one
 * answered); the desk prints label batches, closes the manifest and scans parcels out, which ships them
 * and pushes tracking to each order's channel; stock pushes go out to the six as reservations change.
 * After the traffic the orders still at the channels are given LOAD_DRAIN_SECONDS to come in. Reports
 * throughput, p50/p95/p99 per route, errors by status, per channel the orders imported, shipments
 * confirmed and stock pushes, and the database's connection use, then checks the invariants over the
 * database and the six channels and stops by itself. Times are reported, never asserted.
 */
// The run needs its WooCommerce fake trusted over TLS: the first call re-runs this script with a loopback
// certificate trusted (it waits for that run and exits with its code), the second returns the certificate.
const tls = await withLoopbackTrust();
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = env('LOAD_SECONDS', 40);
const pickers = env('LOAD_PICKERS', 50);
const packers = env('LOAD_PACKERS', 10);
const ordersPerSecond = env('LOAD_ORDERS_PER_SECOND', 8);
const manualPerSecond = env('LOAD_MANUAL_PER_SECOND', 1);
const stockPushSeconds = env('LOAD_STOCK_PUSH_SECONDS', 5);
const drainSeconds = env('LOAD_DRAIN_SECONDS', 30);
const thinkMs = env('LOAD_THINK_MS', 100);
const apis = env('LOAD_API_PROCESSES', 2);
const workers = env('LOAD_WORKER_PROCESSES', 1);
// Whatever happens, the run ends: a bound on setting up (the machine may be busy starting processes),
// then one on the traffic and its drain; past either, the processes it started are stopped and it exits.
let stopTarget: () => Promise<void> = async () => {};
let hardStop: NodeJS.Timeout | undefined;
const bound = (limitSeconds: number, what: string) => {
  clearTimeout(hardStop);
  hardStop = setTimeout(() => {
    console.error(`load test: ${what} took over ${limitSeconds} s, stopping`);
    void Promise.race([stopTarget().catch(() => {}), sleep(10_000)]).then(() => process.exit(2));
  }, limitSeconds * 1000);
  hardStop.unref();
};
bound(env('LOAD_SETUP_SECONDS', 180), 'setting up');

// Deep-stock demo SKUs (topped up below), so the run measures the floor and not backorders.
const skus = ['SEC-220', 'GAN-M', 'GAN-L', 'GRA-TOM', 'LAM-SOL', 'NIC-BOIS', 'ARR-1050'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

const setupStarted = performance.now();
const phase = (what: string) =>
  console.error(`load test: ${what} (${((performance.now() - setupStarted) / 1000).toFixed(1)} s)`);
const target = await startLoadTarget({ apis, workers, tls, stockPushIntervalSeconds: stockPushSeconds });
stopTarget = () => target.stop();
phase(`${target.kind}: ${target.shape} up`);
await topUpStock(target.db, 100_000);
const recorder = new Recorder();
const crew = {
  pickers: await createCrew(target.db, 'picker', pickers),
  packers: await createCrew(target.db, 'packer', packers),
};
phase('stock and crew ready');
const deskCall = await signInTimed(target.baseUrl, recorder, deskUser);
// Signed in a few at a time, as a shift arrives: a burst of sixty would trip the login rate limit.
const signInAll = async (list: { badge: string; pin: string }[]) => {
  const calls: Call[] = [];
  for (let i = 0; i < list.length; i += 5)
    calls.push(
      ...(await Promise.all(list.slice(i, i + 5).map((c) => signInTimed(target.baseUrl, recorder, c)))),
    );
  return calls;
};
const pickerCalls = await signInAll(crew.pickers);
const packerCalls = await signInAll(crew.packers);
const setupSeconds = (performance.now() - setupStarted) / 1000;
console.error(`load test: ${target.kind}, ${target.shape}; set up in ${setupSeconds.toFixed(1)} s`);

bound(seconds + drainSeconds + env('LOAD_GRACE_SECONDS', 60), 'the run');
const connections = sampleConnections(target.databaseUrl);
const toPick: string[] = [];
const toPack: string[] = [];
const seen = new Set<string>();
const done = { picked: 0, packed: 0, labelled: 0, printed: 0, shipped: 0, manual: 0, marketplace: 0 };
const createdAt = Object.fromEntries(channelTypes.map((t) => [t, 0])) as Record<ChannelType, number>;
let isRunning = true;
const started = performance.now();

/** LOAD_ORDERS_PER_SECOND in all, each order at the next of the six channels in turn. */
async function marketplaceOrders() {
  for (let i = 0; isRunning && ordersPerSecond > 0; i++) {
    const type = channelTypes[i % channelTypes.length]!;
    const n = Math.floor(i / channelTypes.length);
    const lines = Array.from({ length: 1 + (n % 3) }, (_, k) => ({
      sku: pick(skus, n + k * 2),
      quantity: 1 + ((n + k) % 2),
    }));
    target.marketplaces.createOrder(type, lines);
    createdAt[type] += 1;
    done.marketplace += 1;
    await sleep(1000 / ordersPerSecond);
  }
}

async function manualOrders() {
  for (let i = 0; isRunning && manualPerSecond > 0; i++) {
    const res = await deskCall('POST', '/api/manual-orders', {
      reference: `BF-${randomUUID().slice(0, 8)}`,
      buyer: { name: 'Camille Martin' },
      shipTo: {
        name: 'Camille Martin',
        line1: '12 rue de la Paix',
        postalCode: '75002',
        city: 'Paris',
        countryCode: 'FR',
      },
      lines: [{ sku: pick(skus, i), quantity: 1, unitPrice: '19.90' }],
      currency: 'EUR',
    });
    if (res.status === 201) done.manual += 1;
    await sleep(1000 / manualPerSecond);
  }
}

/** The queue screen: ready orders go to the next free picker. */
async function dispatcher() {
  while (isRunning) {
    const res = await deskCall('GET', '/api/orders?status=ready&limit=500');
    if (res.status === 200)
      for (const o of (res.body as { items: { id: string }[] }).items)
        if (!seen.has(o.id)) {
          seen.add(o.id);
          toPick.push(o.id);
        }
    await sleep(1000);
  }
}

async function picker(call: Call) {
  while (isRunning) {
    const orderId = toPick.shift();
    if (!orderId) {
      await sleep(250);
      continue;
    }
    const list = await call('GET', `/api/orders/${orderId}/pick-list`);
    if (list.status !== 200) continue;
    let isComplete = true;
    for (const step of list.body as { binCode: string; barcodes: string[]; quantity: number }[])
      for (let u = 0; u < step.quantity && isRunning; u++) {
        await sleep(thinkMs);
        const res = await call('POST', `/api/orders/${orderId}/pick-scans`, {
          clientScanId: randomUUID(),
          binCode: step.binCode,
          itemCode: step.barcodes[0],
          quantity: 1,
        });
        if (res.status !== 200) isComplete = false;
      }
    if (isComplete && isRunning) {
      done.picked += 1;
      toPack.push(orderId);
    }
  }
}

interface PackView {
  lines: { quantity: number; quantityPacked: number; barcodes: string[] }[];
  boxes: { id: string; status: string }[];
}

async function packer(call: Call) {
  while (isRunning) {
    const orderId = toPack.shift();
    if (!orderId) {
      await sleep(250);
      continue;
    }
    const opened = await call('POST', '/api/pack/open', { code: orderId });
    if (opened.status !== 200) continue;
    const view = opened.body as PackView;
    const box = view.boxes.find((b) => b.status === 'open');
    if (!box) continue;
    for (const line of view.lines)
      for (let u = line.quantityPacked; u < line.quantity && isRunning; u++) {
        await sleep(thinkMs);
        await call('POST', `/api/pack/orders/${orderId}/scans`, {
          clientScanId: randomUUID(),
          code: line.barcodes[0],
          boxId: box.id,
        });
      }
    if (!isRunning) break;
    done.packed += 1;
    const closed = await call('POST', `/api/pack/boxes/${box.id}/close`, { packagingCode: 'box-m' });
    if (closed.status === 200) done.labelled += 1;
  }
}

interface QueueGroup {
  carrierCode: string;
  parcels: {
    parcelId: string;
    trackingNumber: string;
    labelFormat: string;
    printCount: number;
    manifestId: string | null;
    scannedOutAt: string | null;
  }[];
}

/** The shipping desk: prints what is new in batches, and every few rounds hands a carrier's day over. */
async function desk() {
  for (let round = 0; isRunning; round++) {
    await sleep(2000);
    const queue = await deskCall('GET', '/api/desk/print-queue?unprintedOnly=true');
    if (queue.status !== 200) continue;
    // Our own labels print in either format; a carrier's only as the carrier sent it.
    const format = round % 3 === 2 ? 'pdf' : 'zpl';
    const batches = new Map<string, string[]>();
    for (const group of queue.body as QueueGroup[])
      for (const p of group.parcels) {
        const as = group.carrierCode === 'SELF' ? format : p.labelFormat;
        batches.set(as, [...(batches.get(as) ?? []), p.parcelId]);
      }
    for (const [as, parcelIds] of batches) {
      const printed = await deskCall('POST', '/api/desk/print', {
        parcelIds: parcelIds.slice(0, 200),
        format: as,
      });
      if (printed.status === 200) done.printed += Math.min(parcelIds.length, 200);
    }
    if (round % 3 !== 1) continue;
    const waiting = await deskCall('GET', '/api/desk/print-queue');
    if (waiting.status !== 200) continue;
    for (const group of waiting.body as QueueGroup[])
      if (group.parcels.some((p) => !p.manifestId))
        await deskCall('POST', '/api/desk/manifests', { carrierCode: group.carrierCode });
    // The driver takes what is printed and on a manifest: each parcel scanned out at the dock.
    const onManifest = await deskCall('GET', '/api/desk/print-queue');
    if (onManifest.status !== 200) continue;
    for (const group of onManifest.body as QueueGroup[])
      for (const parcel of group.parcels) {
        if (!isRunning || parcel.printCount === 0 || !parcel.manifestId || parcel.scannedOutAt) continue;
        const out = await deskCall('POST', '/api/desk/dock-scans', {
          code: parcel.trackingNumber,
          manifestId: parcel.manifestId,
        });
        if (out.status === 200 && (out.body as { isShipmentShipped: boolean }).isShipmentShipped)
          done.shipped += 1;
      }
  }
}

const loops = [
  marketplaceOrders(),
  manualOrders(),
  dispatcher(),
  desk(),
  ...pickerCalls.map((c) => picker(c)),
  ...packerCalls.map((c) => packer(c)),
];
await sleep(seconds * 1000);
isRunning = false;
recorder.isRecording = false;
const elapsed = (performance.now() - started) / 1000;
await Promise.all(loops);
const connectionUse = (await connections?.stop()) ?? 'n/a (PGlite: one connection in the process)';

const rowsOf = async <T>(query: ReturnType<typeof sql>) => {
  const result = (await target.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
};
/**
 * Per channel: orders in (imported or parked), those still pending (the channel's acceptance or payment
 * not through yet), shipments shipped here and confirmed at the channel.
 */
const channelRows = async () => {
  const rows = await rowsOf<{
    id: string;
    imported: number;
    pending: number;
    parked: number;
    shipped: number;
    pushed: number;
  }>(
    sql`select c.id,
          (select count(*)::int from orders o where o.channel_id = c.id) as imported,
          (select count(*)::int from orders o where o.channel_id = c.id and o.status = 'pending') as pending,
          (select count(*)::int from parked_orders p where p.channel_id = c.id) as parked,
          (select count(*)::int from shipments s join orders o on o.id = s.order_id
            where o.channel_id = c.id and s.status = 'shipped') as shipped,
          (select count(*)::int from shipments s join orders o on o.id = s.order_id
            where o.channel_id = c.id and s.status = 'shipped' and s.channel_push_status = 'confirmed') as pushed
        from channels c`,
  );
  return new Map(rows.map((r) => [r.id, r]));
};

// The orders still at the channels when the traffic stopped are pulled in, so none counts as lost.
const drainStarted = performance.now();
const isDrained = async () => {
  const rows = await channelRows();
  return target.marketplaces.channels.every((c) => {
    const row = rows.get(c.id);
    return Number(row?.imported ?? 0) + Number(row?.parked ?? 0) >= createdAt[c.type];
  });
};
while (!(await isDrained()) && performance.now() - drainStarted < drainSeconds * 1000) await sleep(500);
const drained = Math.round((performance.now() - drainStarted) / 100) / 10;

// What the channels saw, and where the orders stand.
const simulatorCalls: Record<string, number> = {};
for (const c of target.simulator.simulator.received)
  simulatorCalls[c.operationId] = (simulatorCalls[c.operationId] ?? 0) + 1;
const orderStatuses = Object.fromEntries(
  (
    await rowsOf<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from orders group by status order by status`,
    )
  ).map((row) => [row.status, Number(row.n)]),
);
const invariants = await target.check().catch((err: Error) => ({ ok: false, violations: [err.message] }));
const finalRows = await channelRows();
const channelFigures = target.marketplaces.channels.map((c) => {
  const row = finalRows.get(c.id);
  const record = target.marketplaces.record(c.type);
  return {
    channel: c.type,
    created: createdAt[c.type],
    imported: Number(row?.imported ?? 0),
    pending: Number(row?.pending ?? 0),
    parked: Number(row?.parked ?? 0),
    shipped: Number(row?.shipped ?? 0),
    // Shipments whose push the channel answered, by our database; and the confirmations the fake holds.
    pushConfirmed: Number(row?.pushed ?? 0),
    confirmedAtChannel: record.confirmations.length,
    stockPushes: target.marketplaces.stockPushes(c.type),
  };
});
const labelsBooked = target.marketplaces.labelsBooked();
await target.stop();

const routes = recorder.stats(elapsed);
const totalRequests = routes.reduce((a, r) => a + r.requests, 0);
const errorCount = routes.reduce((a, r) => a + Object.values(r.errors).reduce((x, y) => x + y, 0), 0);
const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;

console.log(`\nBlack Friday load on ${target.kind} (${target.shape}) — ${machine}`);
console.log(
  `${elapsed.toFixed(1)} s, ${pickers} pickers, ${packers} packers, think ${thinkMs} ms: ${totalRequests} requests, ` +
    `${(totalRequests / elapsed).toFixed(1)} req/s, ${errorCount} errors\n`,
);
const w = Math.max(...routes.map((r) => r.route.length));
console.log(
  `${'route'.padEnd(w)}  ${'requests'.padStart(8)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p95 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'max ms'.padStart(7)}  errors`,
);
for (const r of routes)
  console.log(
    `${r.route.padEnd(w)}  ${String(r.requests).padStart(8)}  ${String(r.perSecond).padStart(7)}  ${String(r.p50).padStart(7)}  ${String(r.p95).padStart(7)}  ${String(r.p99).padStart(7)}  ${String(r.max).padStart(7)}  ${
      Object.entries(r.errors)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ') || '-'
    }`,
  );
console.log(`\nflow: ${JSON.stringify(done)}`);
console.log(`orders by status: ${JSON.stringify(orderStatuses)}`);
console.log(`\nper channel (orders still at the channels were given ${drained} s after the traffic):`);
const columns = [
  ['channel', 'channel'],
  ['created', 'created'],
  ['imported', 'imported'],
  ['pending', 'pending'],
  ['parked', 'parked'],
  ['shipped', 'shipped'],
  ['pushConfirmed', 'push confirmed'],
  ['confirmedAtChannel', 'at channel'],
  ['stockPushes', 'stock pushes'],
] as const;
console.log(columns.map(([, title], i) => (i === 0 ? title.padEnd(12) : title.padStart(16))).join(''));
for (const f of channelFigures)
  console.log(
    columns.map(([key], i) => (i === 0 ? String(f[key]).padEnd(12) : String(f[key]).padStart(16))).join(''),
  );
console.log(`\nlabels booked with the carrier (Sendcloud fake, Amazon and eBay orders): ${labelsBooked}`);
console.log(`Mirakl simulator calls: ${JSON.stringify(simulatorCalls)}`);
console.log(`database connections: ${JSON.stringify(connectionUse)}`);
console.log(
  `invariants after the run: ${invariants.ok ? 'ok' : `VIOLATED\n  ${invariants.violations.slice(0, 10).join('\n  ')}`}`,
);

mkdirSync('tests/bench/results', { recursive: true });
const file = `tests/bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-load-${target.kind}.json`;
writeFileSync(
  file,
  JSON.stringify(
    {
      kind: 'load',
      database: target.kind,
      shape: target.shape,
      machine,
      at: new Date().toISOString(),
      settings: {
        seconds,
        pickers,
        packers,
        ordersPerSecond,
        manualPerSecond,
        stockPushSeconds,
        drainSeconds,
        thinkMs,
        apis,
        workers,
      },
      setupSeconds: Math.round(setupSeconds * 10) / 10,
      elapsedSeconds: Math.round(elapsed * 10) / 10,
      totalRequests,
      requestsPerSecond: Math.round((totalRequests / elapsed) * 10) / 10,
      errors: errorCount,
      routes,
      flow: done,
      orderStatuses,
      drainedSeconds: drained,
      channels: channelFigures,
      labelsBooked,
      simulatorCalls,
      connections: connectionUse,
      invariants,
    },
    null,
    2,
  ),
);
console.log(`\nwritten ${file}`);
process.exit(invariants.ok ? 0 : 1);
