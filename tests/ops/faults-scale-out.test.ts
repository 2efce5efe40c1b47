import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, Proc } from './cluster.js';
import { type HttpClient, signInHttp } from './http-client.js';
import type * as Kit from './kit.js';
import { type RoundRobin, startRoundRobin } from './round-robin.js';

/** Log lines of a worker that say it handled a job (pull with news, shipment push). */
const handledJobs = (proc: Proc) =>
  proc.lines.filter((l) => l.includes('"msg":"shipment pushed"') || l.includes('"msg":"pulled channel"'))
    .length;

/**
 * Scale-out and faults against real processes (`tsx api/main.ts` with ROLE=api and ROLE=worker) sharing
 * one PostgreSQL database, the Mirakl simulator on a loopback port, and the invariant checker after each
 * scenario. One cluster serves every scenario, in order: starting processes is by far the slowest part,
 * so the scenarios are arranged to need one restart in all (two APIs and two workers at first; one API
 * dies in the pack scenario, both workers in the push scenario, and the last worker is asked to stop).
 * Queue timings are compressed through the environment (see `compressedTimings`): a job held by a killed
 * worker comes back after 10 s instead of 5 minutes, and retries are 1 s apart instead of doubling from 5 s.
 */
describe.skipIf(!process.env.DATABASE_URL)(
  'scale-out and faults (PostgreSQL only: several processes share one database)',
  // Real processes on a machine shared with other suites: generous, never a measure of speed.
  { timeout: 180_000 },
  () => {
    let cluster: Cluster;
    let balancer: RoundRobin;
    let apis: Proc[];
    let workers: Proc[];
    /** Where the floor's devices send their requests: the balancer while both APIs live. */
    let front = '';
    let pick: HttpClient;
    let pack: HttpClient;

    let kit: typeof Kit;

    beforeAll(async () => {
      kit = await import('./kit.js');
      cluster = await kit.startCluster();
      const started = await Promise.all([
        cluster.start('api'),
        cluster.start('api'),
        cluster.start('worker'),
        cluster.start('worker'),
      ]);
      apis = started.slice(0, 2);
      workers = started.slice(2);
      balancer = await startRoundRobin(apis.map((a) => a.port!));
      front = balancer.url;
      pick = await signInHttp(() => front, kit.picker);
      pack = await signInHttp(() => front, kit.packer);
    }, 420_000);
    afterAll(async () => {
      await balancer?.close();
      await cluster?.stop();
    });

    const sim = () => cluster.simulator.simulator;
    const orOf = (op: string, externalId: string) =>
      sim().received.filter(
        (c) =>
          c.operationId === op && c.path.includes(`/${externalId}/`) && c.status !== null && c.status < 300,
      );
    /** Waits until the channel holds an unanswered call of `op` made after `since` calls were logged. */
    const callUnderWay = (op: string, since: number) =>
      kit.waitFor(
        async () =>
          sim()
            .received.slice(since)
            .some((c) => c.operationId === op && c.status === null),
        60_000,
        `a ${op} call under way`,
      );
    const pushJobs = async (shipmentIds: string[]) =>
      (await cluster.system.deps.db.execute(
        sql`select s.id, s.channel_push_status, s.channel_push_attempts, j.state, j.retry_count
            from shipments s join pgboss.job j on j.name = 'shipment.push' and j.data->>'shipmentId' = s.id
            where s.id in ${shipmentIds}`,
      )) as unknown as {
        id: string;
        channel_push_status: string;
        channel_push_attempts: number;
        state: string;
        retry_count: number;
      }[];

    async function expectInvariants() {
      const report = await cluster.check();
      expect(report.violations).toEqual([]);
      expect(report.counts.shippedShipments).toBeGreaterThan(0);
    }

    async function externalIdOf(orderId: string): Promise<string> {
      const rows = (await cluster.system.deps.db.execute(
        sql`select external_id from orders where id = ${orderId}`,
      )) as unknown as { external_id: string }[];
      return rows[0]!.external_id;
    }

    it('two APIs behind a round-robin and two workers: orders flow through both, jobs are shared, invariants hold', async () => {
      const orderIds = await kit.createReadyOrders(cluster, 8);
      // Four stations work at once, each on its own orders; every request may land on either API.
      const stations = await Promise.all(
        [0, 1, 2, 3].map(async () => ({
          pick: await signInHttp(() => balancer.url, kit.picker),
          pack: await signInHttp(() => balancer.url, kit.packer),
        })),
      );
      // Each push takes a moment at the channel, so the two workers overlap.
      for (let i = 0; i < orderIds.length; i++) sim().delayNext('OR23', 300);
      const shipmentIds = (
        await Promise.all(
          stations.map(async (station, s) => {
            const ids: string[] = [];
            for (const orderId of orderIds.filter((_, i) => i % stations.length === s)) {
              const scans = await kit.orderScans(station.pick, orderId);
              await kit.send(station.pick, scans.pick);
              await kit.send(station.pack, scans.pack);
              ids.push(await kit.labelAndShip(cluster, station.pack, orderId));
            }
            return ids;
          }),
        )
      ).flat();
      await kit.waitConfirmed(cluster, shipmentIds, 90_000);

      expect(balancer.served.every((n) => n > 10)).toBe(true);
      const perWorker = workers.map(handledJobs);
      expect(
        perWorker.every((n) => n > 0),
        `jobs per worker ${perWorker.join(', ')}`,
      ).toBe(true);
      // One push job per shipment, each completed by one of the workers.
      // The shipment is marked confirmed inside the job; the queue marks the job completed a moment after.
      await kit.waitFor(
        async () => (await pushJobs(shipmentIds)).every((j) => j.state === 'completed'),
        30_000,
        'push jobs completed',
      );
      const jobs = await pushJobs(shipmentIds);
      expect(jobs).toHaveLength(shipmentIds.length);
      expect(jobs.every((j) => j.state === 'completed')).toBe(true);
      const report = await cluster.check();
      expect(report.violations).toEqual([]);
      expect(report.counts.shippedShipments).toBeGreaterThanOrEqual(shipmentIds.length);
    });

    it('the channel is down for "10 minutes" then back: every push lands once, orders taken meanwhile are not lost', async () => {
      const orderIds = await kit.createReadyOrders(cluster, 2);
      // Ten minutes of a 5 s back-off that doubles is 7 failed attempts; with the compressed 1 s flat
      // delay the same 7 attempts fail in about 7 s. Pulls fail meanwhile too.
      sim().failNext('OR23', { status: 503, count: 7 });
      sim().failNext('OR11', { status: 503, count: 5 });
      const shipmentIds = await kit.fulfil(cluster, pick, pack, orderIds);
      const duringOutage = sim().createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] }).order_id;
      const confirmed = await kit.waitConfirmed(cluster, shipmentIds, 90_000);
      expect(confirmed.reduce((n, s) => n + s.channelPushAttempts, 0)).toBeGreaterThanOrEqual(8);
      for (const id of orderIds) expect(orOf('OR24', await externalIdOf(id))).toHaveLength(1);
      await kit.waitForReady(cluster, [duringOutage]);
      const dead = await cluster.system.deps.db.execute(
        sql`select count(*)::int n from pgboss.job where name = 'shipment.push.dead'`,
      );
      expect(Number((dead as unknown as { n: number }[])[0]?.n)).toBe(0);
      await expectInvariants();
    });

    it('PostgreSQL drops every connection of the app during a wave: the processes live on, the wave completes', async () => {
      const orderIds = await kit.createReadyOrders(cluster, 4);
      const packing = await Promise.all(orderIds.map((id) => kit.orderScans(pick, id)));
      const deskClient = await signInHttp(() => front, {
        email: 'desk@ops.local',
        password: 'ops desk password 1',
      });
      const created = await deskClient.retry('POST', '/api/waves', { orderIds });
      expect(created.status).toBe(201);
      const waveId = (created.body as { waveId: string }).waveId;
      expect((await pick.retry('POST', `/api/waves/${waveId}/start`, { mode: 'single' })).status).toBe(200);
      const view = (await pick.retry('GET', `/api/waves/${waveId}`)).body as {
        steps: { binCode: string; barcodes: string[]; quantity: number }[];
      };
      const waveScans = view.steps.flatMap((step, i) =>
        Array.from({ length: step.quantity }, (_, n) => ({
          path: `/api/waves/${waveId}/pick-scans`,
          body: {
            clientScanId: `wave-${waveId}-${i}-${n}`,
            binCode: step.binCode,
            itemCode: step.barcodes[0],
          },
        })),
      );
      const half = Math.ceil(waveScans.length / 2);
      await kit.send(pick, waveScans.slice(0, half));
      // Not a restart of the shared server (other suites use it): every backend of this test's
      // database is terminated, which is what the app sees when PostgreSQL restarts or fails over.
      const terminated = await cluster.system.deps.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      // Two APIs and two workers each hold connections of their own.
      expect([...(terminated as unknown as unknown[])].length).toBeGreaterThanOrEqual(4);
      await kit.send(pick, waveScans.slice(half));
      const done = (await pick.retry('GET', `/api/waves/${waveId}`)).body as { wave: { status: string } };
      expect(done.wave.status).toBe('done');
      const shipmentIds: string[] = [];
      for (const [i, id] of orderIds.entries()) {
        await kit.send(pack, packing[i]!.pack);
        shipmentIds.push(await kit.labelAndShip(cluster, pack, id));
      }
      await kit.waitConfirmed(cluster, shipmentIds, 90_000);
      for (const p of [...apis, ...workers]) expect(p.child.exitCode, `${p.role} ${p.pid}`).toBeNull();
      await expectInvariants();
    });

    it('kill -9 of an API in the middle of a pack: the scans replayed on the other API count once, the orders ship', async () => {
      const [doomed, survivor] = apis as [Proc, Proc];
      const orderIds = await kit.createReadyOrders(cluster, 3);
      const all = await Promise.all(orderIds.map((id) => kit.orderScans(pick, id)));
      for (const s of all) await kit.send(pick, s.pick);
      const scans = all.flatMap((s) => s.pack);
      // Three packing stations on the API about to die, each scanning its order unit by unit; it dies
      // after the first answers come back, with scans in flight. A station that has sent all its scans
      // sends them again (as one does when unsure they landed: each is answered as a replay), so every
      // station has a request under way when the process dies, however fast the machine is.
      let station = `http://127.0.0.1:${doomed.port}`;
      const stationPack = await signInHttp(() => station, kit.packer);
      let answered = 0;
      const scanAll = async (list: { path: string; body: unknown }[]) => {
        const statuses: (number | string)[] = [];
        for (let i = 0; ; i = (i + 1) % list.length) {
          const s = list[i]!;
          const status = await stationPack.call('POST', s.path, s.body).then(
            (r) => r.status,
            () => 'dropped',
          );
          answered += 1;
          statuses.push(status);
          if (status === 'dropped') break;
        }
        return statuses;
      };
      const inFlight = all.map((s) => scanAll(s.pack));
      await kit.waitFor(async () => answered >= 3, 60_000, 'first pack answers');
      await kit.killHard(doomed);
      const outcomes = await Promise.all(inFlight);
      // Every station lost its connection mid-way; what it got before were plain answers.
      for (const statuses of outcomes) {
        expect(statuses.at(-1)).toBe('dropped');
        expect(statuses.slice(0, -1).every((st) => st === 200)).toBe(true);
      }
      // The balancer's health check takes the dead API out; the stations reconnect to the other one,
      // with the same session, and replay every scan they have no answer for, with the same client scan id.
      station = `http://127.0.0.1:${survivor.port}`;
      front = station;
      await kit.send(stationPack, scans);
      const replays = await cluster.system.deps.db.execute(
        sql`select client_scan_id, count(*)::int n from events where client_scan_id like 'pack-%' group by 1 having count(*) > 1`,
      );
      expect([...(replays as unknown as unknown[])]).toEqual([]);
      const shipmentIds: string[] = [];
      for (const id of orderIds) shipmentIds.push(await kit.labelAndShip(cluster, stationPack, id));
      await kit.waitConfirmed(cluster, shipmentIds, 90_000);
      expect(survivor.child.exitCode).toBeNull();
      await expectInvariants();
    });

    it('kill -9 of the workers with a shipment push in flight: a new worker pushes it once, after the job comes back', async () => {
      const [orderId] = await kit.createReadyOrders(cluster, 1);
      // The channel takes 4 s to answer the tracking call, so the kill lands while it is in flight.
      sim().delayNext('OR23', 4000);
      const since = sim().received.length;
      const [shipmentId] = await kit.fulfil(cluster, pick, pack, [orderId!]);
      const externalId = await externalIdOf(orderId!);
      await callUnderWay('OR23', since);
      // The machine running both workers dies: whichever holds the push goes with it.
      await Promise.all(workers.map(kit.killHard));
      for (const w of workers) expect(w.exitSignal()).toBe('SIGKILL');
      workers = [await cluster.start('worker')];
      const [confirmed] = await kit.waitConfirmed(cluster, [shipmentId!], 90_000);
      // The first worker's call was applied by the channel; the new one read it back and finished with OR24.
      expect(confirmed!.channelPushAttempts).toBeGreaterThanOrEqual(2);
      expect(orOf('OR24', externalId)).toHaveLength(1);
      expect(sim().state.orders.get(externalId)?.order_state).toBe('SHIPPED');
      await expectInvariants();
    });

    it('SIGTERM to the worker with a push in flight: the push completes once, nothing is retried, exit code 0', async () => {
      const [worker] = workers as [Proc];
      const [orderId] = await kit.createReadyOrders(cluster, 1);
      sim().delayNext('OR23', 3000);
      const since = sim().received.length;
      const [shipmentId] = await kit.fulfil(cluster, pick, pack, [orderId!]);
      await callUnderWay('OR23', since);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
      // No worker is left: whatever is recorded now was done by the one that was asked to stop.
      expect(await pushJobs([shipmentId!])).toEqual([
        {
          id: shipmentId,
          channel_push_status: 'confirmed',
          channel_push_attempts: 1,
          state: 'completed',
          retry_count: 0,
        },
      ]);
      expect(orOf('OR24', await externalIdOf(orderId!))).toHaveLength(1);
      await expectInvariants();
    });
  },
);
