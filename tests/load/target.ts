import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '../../api/app.js';
import { startSystem } from '../../api/bootstrap.js';
import { seedDemo } from '../../api/demo/seed-demo.js';
import { startWorkers } from '../../api/jobs/workers.js';
import { silentLogger } from '../../api/logger.js';
import type { SecretBox } from '../../api/security/secret-box.js';
import { createUser } from '../../api/services/auth/create-user.js';
import { ensureFirstAdmin } from '../../api/services/auth/ensure-first-admin.js';
import { createCarrierAccount } from '../../api/services/carriers/create-carrier-account.js';
import { createChannel } from '../../api/services/channels/manage-channels.js';
import { systemActor } from '../../api/services/events/record-event.js';
import { createShippingRule } from '../../api/services/shipping-rules/create-shipping-rule.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import type { Database } from '../../db/client.js';
import { binStock, channels as channelRows } from '../../db/schema/index.js';
import { type ChannelType, channelTypes, serveSixFakes } from '../channels/support/six-channels.js';
import { createSendcloudFake } from '../fakes/carriers/sendcloud/fake.js';
import { type RunningMiraklSimulator, startMiraklSimulator } from '../fakes/mirakl/server.js';
import { admin, desk, startCluster } from '../ops/cluster.js';
import {
  type ChannelRecord,
  checkInvariants,
  drizzleRunner,
  type InvariantReport,
  miraklRecord,
} from '../ops/invariants.js';
import { startRoundRobin } from '../ops/round-robin.js';

export interface LoadTarget {
  kind: 'postgresql' | 'pglite';
  /** What serves the API: processes and their count. */
  shape: string;
  baseUrl: string;
  db: Database;
  databaseUrl: string | null;
  simulator: RunningMiraklSimulator;
  /** The seeded Mirakl channel, on the simulator. */
  channelId: string;
  /** The six marketplaces, each on a fake of its own on a loopback port (Mirakl: the simulator). */
  marketplaces: Marketplaces;
  /** The invariants over the database and all six channels. */
  check(): Promise<InvariantReport>;
  stop(): Promise<void>;
}

export interface LoadTargetOptions {
  apis: number;
  workers: number;
  /** Key and certificate for 127.0.0.1 (see loopback-tls.ts): the WooCommerce fake speaks HTTPS. */
  tls: { key: string; cert: string };
  /** Seconds a channel's stock push waits to gather a burst of changes (30 s by default in the product). */
  stockPushIntervalSeconds: number;
}

/**
 * PostgreSQL (DATABASE_URL): a fresh database, real `api/main.ts` processes (ROLE=api behind a loopback
 * round-robin when there are several, ROLE=worker) and the Mirakl simulator on loopback. PGlite: the whole
 * system in this process, served on a loopback port, as `npm start` runs it. Either way the five other
 * marketplace fakes and a carrier fake are served on loopback ports of their own (see addMarketplaces).
 */
export async function startLoadTarget(options: LoadTargetOptions): Promise<LoadTarget> {
  if (process.env.DATABASE_URL) {
    // Queue timings as in production, except a short pull interval so a compressed hour keeps flowing.
    const cluster = await startCluster({ JOB_RETRY_DELAY_SECONDS: '2', LOG_LEVEL: 'warn' });
    // The channels exist before any process starts, so the workers schedule their pulls from the first.
    const marketplaces = await addMarketplaces(
      cluster.system.deps,
      cluster.simulator,
      cluster.channelId,
      options,
    );
    const [apis] = await Promise.all([
      Promise.all(Array.from({ length: options.apis }, () => cluster.start('api'))),
      Promise.all(Array.from({ length: options.workers }, () => cluster.start('worker'))),
    ]);
    const balancer = apis.length > 1 ? await startRoundRobin(apis.map((p) => p.port!)) : null;
    return {
      kind: 'postgresql',
      shape: `${options.apis} API + ${options.workers} worker process(es)${balancer ? ' behind a round-robin' : ''}`,
      baseUrl: balancer?.url ?? `http://127.0.0.1:${apis[0]!.port}`,
      db: cluster.system.deps.db,
      databaseUrl: cluster.databaseUrl,
      simulator: cluster.simulator,
      channelId: cluster.channelId,
      marketplaces,
      // The cluster adds the simulator's record to the other five.
      check: () => cluster.check({ allowPendingPushes: true, channels: () => marketplaces.records() }),
      async stop() {
        await balancer?.close();
        await cluster.stop();
        await marketplaces.close();
      },
    };
  }
  const simulator = await startMiraklSimulator({ port: 0, apiKey: 'load-mirakl-key', seed: 13 });
  const system = await startSystem(
    {
      databaseUrl: undefined,
      dataDir: '.data/load',
      secretsKey: undefined,
      publicUrl: undefined,
      pgliteDir: 'memory://',
    },
    silentLogger,
    { secretsKey: randomBytes(32) },
  );
  await ensureFirstAdmin(system.deps.db, admin);
  await createUser(system.deps.db, { name: 'Desk', role: 'desk', ...desk });
  const seeded = await seedDemo(system.deps, {
    baseUrl: simulator.url,
    apiKey: 'load-mirakl-key',
    pullIntervalSeconds: 1,
  });
  const marketplaces = await addMarketplaces(system.deps, simulator, seeded.channelId, options);
  await startWorkers(system.deps, { pollingIntervalSeconds: 0.5, defaultPullIntervalSeconds: 1 });
  const app = createApp(system.deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    kind: 'pglite',
    shape: 'one process (API + workers, PGlite in memory)',
    baseUrl: `http://127.0.0.1:${port}`,
    db: system.deps.db,
    databaseUrl: null,
    simulator,
    channelId: seeded.channelId,
    marketplaces,
    check: () =>
      checkInvariants(drizzleRunner(system.deps.db), {
        // Read once the shipments are: a fake read first could miss a confirmation the database shows.
        channels: async () => [
          miraklRecord(seeded.channelId, simulatorLog(simulator)),
          ...(await marketplaces.records()),
        ],
        allowPendingPushes: true,
      }),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await simulator.close().catch(() => {});
      await system.stop();
      await marketplaces.close();
    },
  };
}

/** The Mirakl simulator's log, as its `/_sim/received` serves it (the simulator runs in this process). */
function simulatorLog(simulator: RunningMiraklSimulator): Parameters<typeof miraklRecord>[1] {
  const { state, received } = simulator.simulator;
  return { orders: state.createdIds.map((id) => state.orders.get(id)), received };
}

export interface Marketplaces {
  channels: { type: ChannelType; id: string; name: string }[];
  /** One order of `lines` at a channel's fake; its external id. */
  createOrder(type: ChannelType, lines: { sku: string; quantity: number }[]): string;
  /** Stock updates the channel accepted (calls, packages or batches, as each channel counts them). */
  stockPushes(type: ChannelType): number;
  /** What a channel's fake saw, for the invariants. */
  record(type: ChannelType): ChannelRecord;
  /** The five records besides Mirakl's (the cluster reads the simulator's itself). */
  records(): Promise<ChannelRecord[]>;
  /** Labels the carrier (Sendcloud fake) booked for Amazon and eBay orders. */
  labelsBooked(): number;
  close(): Promise<void>;
}

/**
 * Amazon, eBay, Cdiscount, Shopify and WooCommerce fakes, each served on a loopback port of its own, and a
 * channel pointing the real connector at each; Mirakl is the seeded channel on the simulator. Every
 * channel pulls every second and pushes stock every `stockPushIntervalSeconds`.
 */
async function addMarketplaces(
  deps: { db: Database; secrets: SecretBox },
  simulator: RunningMiraklSimulator,
  miraklChannelId: string,
  options: Pick<LoadTargetOptions, 'tls' | 'stockPushIntervalSeconds'>,
): Promise<Marketplaces> {
  const served = await serveSixFakes({ types: channelTypes.filter((t) => t !== 'mirakl'), tls: options.tls });
  const settings = { pullIntervalSeconds: 1, stockPushIntervalSeconds: options.stockPushIntervalSeconds };
  const [mirakl] = await deps.db
    .select({ name: channelRows.name, settings: channelRows.settings })
    .from(channelRows)
    .where(eq(channelRows.id, miraklChannelId));
  await deps.db
    .update(channelRows)
    .set({ settings: { ...mirakl?.settings, ...settings } })
    .where(eq(channelRows.id, miraklChannelId));
  const inputs = served.inputs(settings);
  const list: Marketplaces['channels'] = [];
  for (const type of channelTypes) {
    const input = inputs.find((i) => i.type === type);
    if (!input) list.push({ type, id: miraklChannelId, name: mirakl?.name ?? 'Mirakl' });
    else list.push({ type, id: (await createChannel(deps, input)).id, name: input.name });
  }
  const idOf = (type: ChannelType) => list.find((c) => c.type === type)!.id;
  const carrier = await addCarrier(deps, [idOf('amazon'), idOf('ebay')]);
  const isAccepted = (status: number | null) => status !== null && status < 300;
  const marketplaces: Marketplaces = {
    channels: list,
    createOrder: (type, lines) =>
      type === 'mirakl'
        ? simulator.simulator.createOrder({ lines }).order_id
        : served.createOrder(type, lines),
    stockPushes: (type) =>
      type === 'mirakl'
        ? simulator.simulator.received.filter((c) => c.operationId === 'STO01' && isAccepted(c.status)).length
        : served.stockPushes(type),
    record: (type) =>
      type === 'mirakl'
        ? miraklRecord(miraklChannelId, simulatorLog(simulator))
        : served.record(type, idOf(type)),
    records: async () => served.types.map((type) => served.record(type, idOf(type))),
    labelsBooked: () =>
      carrier.fake.received.filter((c) => c.operation === 'announce' && isAccepted(c.status)).length,
    async close() {
      await Promise.all([served.close(), carrier.close()]);
    },
  };
  return marketplaces;
}

/**
 * Amazon and eBay take only carriers they know, never our self-issued labels (the packing station refuses
 * the box): their orders ship Colissimo through a Sendcloud account, a fake on a loopback port, chosen by
 * a shipping rule; the other channels keep the self-issued labels.
 */
async function addCarrier(deps: { db: Database; secrets: SecretBox }, channelIds: string[]) {
  const keys = { publicKey: 'load-sendcloud-key', secretKey: 'load-sendcloud-secret' };
  const fake = createSendcloudFake(keys);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: fake.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const serviceCode = 'colissimo:home';
  const { id } = await createCarrierAccount(deps, {
    type: 'sendcloud',
    name: 'Sendcloud',
    credentials: keys,
    settings: {
      baseUrl: `http://127.0.0.1:${port}`,
      packagingRules: {
        [serviceCode]: {
          carrier: 'colissimo',
          service: 'home',
          marketplaceCarrierCodes: { amazon: 'Colissimo', ebay: 'ColiposteDomestic' },
        },
      },
    },
  });
  await createShippingRule(
    deps.db,
    systemActor,
    { name: 'Amazon and eBay: Colissimo', conditions: { channelIds }, carrierAccountId: id, serviceCode },
    new Date(),
  );
  return {
    fake,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** A Black Friday's worth of stock in every demo bin, through the stock ledger. */
export async function topUpStock(db: Database, units: number) {
  const rows = await db.select({ binId: binStock.binId, productId: binStock.productId }).from(binStock);
  await db.transaction(async (tx) => {
    for (const r of rows)
      await applyMovement(
        tx,
        {},
        { ...r, delta: units, reason: 'receipt', reference: 'load-test' },
        new Date(),
      );
  });
  return rows.length;
}

/** Badge users for the floor: `count` pickers or packers, each with a badge and PIN of their own. */
export async function createCrew(db: Database, role: 'picker' | 'packer', count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const badge = `LOAD-${role.toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
      await createUser(db, { name: `${role} ${i + 1}`, role, badgeCode: badge, pin: '2468' });
      return { badge, pin: '2468' };
    }),
  );
}

export interface ConnectionSample {
  total: number;
  active: number;
  idleInTransaction: number;
  waiting: number;
}

/** Samples pg_stat_activity for the run's database once a second; `null` on PGlite (one connection). */
export function sampleConnections(databaseUrl: string | null) {
  if (!databaseUrl) return null;
  const name = new URL(databaseUrl).pathname.slice(1);
  const conn = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const samples: ConnectionSample[] = [];
  let maxConnections = 0;
  const take = async () => {
    const [row] = await conn<
      { total: number; active: number; idle_tx: number; waiting: number; max_conn: number }[]
    >`select count(*)::int as total,
        count(*) filter (where state = 'active')::int as active,
        count(*) filter (where state like 'idle in transaction%')::int as idle_tx,
        count(*) filter (where wait_event_type = 'Lock')::int as waiting,
        current_setting('max_connections')::int as max_conn
      from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    if (!row) return;
    maxConnections = row.max_conn;
    samples.push({
      total: row.total,
      active: row.active,
      idleInTransaction: row.idle_tx,
      waiting: row.waiting,
    });
  };
  const timer = setInterval(() => void take().catch(() => {}), 1000);
  return {
    async stop() {
      clearInterval(timer);
      await conn.end();
      const max = (k: keyof ConnectionSample) => Math.max(0, ...samples.map((s) => s[k]));
      const mean = (k: keyof ConnectionSample) =>
        samples.length ? Math.round((samples.reduce((a, s) => a + s[k], 0) / samples.length) * 10) / 10 : 0;
      return {
        samples: samples.length,
        maxConnections,
        total: { max: max('total'), mean: mean('total') },
        active: { max: max('active'), mean: mean('active') },
        idleInTransaction: { max: max('idleInTransaction'), mean: mean('idleInTransaction') },
        waitingOnLocks: { max: max('waiting'), mean: mean('waiting') },
      };
    },
  };
}
