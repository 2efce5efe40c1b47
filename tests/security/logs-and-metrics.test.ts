import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { type System, startSystem } from '../../api/bootstrap.js';
import { seedDemo } from '../../api/demo/seed-demo.js';
import { startWorkers } from '../../api/jobs/workers.js';
import { createLogger } from '../../api/logger.js';
import { createApiToken } from '../../api/services/auth/create-api-token.js';
import { ensureFirstAdmin } from '../../api/services/auth/ensure-first-admin.js';
import { driveToLabel, pullUntilImported } from '../e2e/drive-order.js';
import { createMiraklSimulator } from '../fakes/mirakl/simulator.js';
import { signIn, type TestSystem, waitFor } from '../support/system.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * A full order run with logging on: the logs must hold no channel key, no password and no buyer data.
 * Then /metrics answers in the Prometheus format with what that run did.
 */
describe('logs and metrics of a full run', () => {
  const logLines: string[] = [];
  const apiKey = `mirakl-secret-${randomBytes(6).toString('hex')}`;
  const password = `admin-secret-${randomBytes(6).toString('hex')}`;
  let system: System;
  let t: TestSystem;
  let drop: () => Promise<void>;
  let buyer: { name: string; street: string; phone: string | null };

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const simulator = createMiraklSimulator({ apiKey, autoAdvance: true, seed: 11 });
    const logger = createLogger({}, (line) => logLines.push(line), 'info');
    system = await startSystem(
      {
        databaseUrl: database.url,
        dataDir: '.data/test',
        secretsKey: undefined,
        publicUrl: undefined,
        pgliteDir: 'memory://',
      },
      logger,
      {
        secretsKey: randomBytes(32),
        fetch: (input, init) => simulator.app.request(input.replace('http://mirakl.test', ''), init),
      },
    );
    await ensureFirstAdmin(system.deps.db, { email: 'admin@test.local', password });
    const seeded = await seedDemo(system.deps, {
      baseUrl: 'http://mirakl.test',
      apiKey,
      pullIntervalSeconds: 3600,
    });
    await startWorkers(system.deps, { pollingIntervalSeconds: 0.5, defaultPullIntervalSeconds: 3600 });
    t = {
      system,
      app: createApp(system.deps),
      simulator,
      channelId: seeded.channelId,
      admin: { email: 'admin@test.local', password },
      stop: () => system.stop(),
    };
    const order = simulator.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const address = order.customer as {
      shipping_address: { lastname: string; street_1: string; phone?: string };
    };
    buyer = {
      name: address.shipping_address.lastname,
      street: address.shipping_address.street_1,
      phone: address.shipping_address.phone ?? null,
    };
    const admin = await signIn(t.app, t.admin);
    const ids = await pullUntilImported(t, admin, [order.order_id]);
    const shipment = await driveToLabel(t, admin, ids.get(order.order_id)!);
    await admin.post(`/api/shipments/${shipment.shipmentId}/ship`);
    await waitFor(async () => logLines.some((l) => l.includes('"shipment pushed"')), 30_000, 'push logged');
  });
  afterAll(async () => {
    await system?.stop();
    await drop?.();
  });

  it('logs requests and jobs but never a secret or buyer data', () => {
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    expect(all).toContain('"msg":"request"');
    for (const secret of [
      apiKey,
      password,
      buyer.name,
      buyer.street,
      ...(buyer.phone ? [buyer.phone] : []),
    ]) {
      expect(all.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
    }
  });

  it('serves Prometheus metrics to an admin token', async () => {
    const { token } = await createApiToken(system.deps.db, {
      name: 'prometheus',
      role: 'admin',
      createdBy: null,
    });
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /shipdesk_http_request_duration_seconds_count\{method="POST",route="\/api\/orders\/:id\/pick-scans"\} [1-9]/,
    );
    expect(text).toMatch(/shipdesk_orders\{status="shipped"\} 1/);
    expect(text).toMatch(/shipdesk_jobs\{queue="shipment.push",state="completed"\} 1/);
    expect(text).toMatch(/shipdesk_channel_push_latency_seconds_count\{channel="[^"]+"\} 1/);
    expect((await t.app.request('/metrics')).status).toBe(401);
  });
});
