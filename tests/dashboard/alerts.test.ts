import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../api/services/dashboard/deliver-alert-webhook.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

/**
 * Alerts through the API with the workers running: a KPI near its threshold opens one alert (however
 * often it is evaluated), a webhook receiver on 127.0.0.1 gets it signed, first answering 500 so the job
 * queue's retry is what delivers it; recovery resolves it. Also the CSV export and the drill-down route.
 */
const secret = 'a-webhook-secret-of-32-characters';
let t: TestSystem;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let failNext = 1;

/** 40 Amazon orders placed in the last week, `cancelled` of them cancelled before shipping. */
async function seedAmazon(cancelled: number) {
  const db = t.system.deps.db;
  await db.execute(sql`insert into channels (id, type, name, credentials_sealed)
    values ('chn_alert_amz', 'amazon', 'Amazon FR', 'unused') on conflict do nothing`);
  await db.execute(sql`delete from orders where channel_id = 'chn_alert_amz'`);
  await db.execute(sql`insert into orders (id, channel_id, external_id, status, channel_state, channel_status, placed_at,
      channel_updated_at, ship_by, currency, total_minor, shipping_minor, buyer_name, shipping_address)
    select 'ord_alert_' || i, 'chn_alert_amz', 'AMZ-' || i, case when i < ${cancelled} then 'cancelled' else 'ready' end,
      'to_ship', 'Unshipped', now() - interval '2 days', now() - interval '2 days', now() + interval '3 days', 'EUR', 1000, 0,
      'Buyer', '{"name":"B","company":null,"line1":"1 rue","line2":null,"postalCode":"75001","city":"Paris","countryCode":"FR","phone":null}'::jsonb
    from generate_series(0, 39) i`);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('try later');
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/shipdesk`;
  t = await startTestSystem();
  // Retries a second apart, so the test sees the retry rather than waiting out the back-off.
  await t.system.deps.jobs.boss.updateQueue('dashboard.deliver-alert', {
    name: 'dashboard.deliver-alert',
    retryLimit: 5,
    retryDelay: 1,
    retryBackoff: false,
  } as never);
});

afterAll(async () => {
  await t?.stop();
  await new Promise((r) => receiver?.close(r));
});

describe('KPI alerts', () => {
  it('opens one alert near the threshold, delivers it signed through a retry, resolves it on recovery', async () => {
    const admin = await signIn(t.app, t.admin);
    const saved = await admin.call('PUT', '/api/dashboard/alert-settings', {
      webhookUrl: receiverUrl,
      webhookSecret: secret,
      isWebhookEnabled: true,
      nearRatio: 0.8,
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({
      webhookUrl: receiverUrl,
      isWebhookEnabled: true,
      hasWebhookSecret: true,
      nearRatio: 0.8,
    });

    // 1 of 40 = 2.5% cancelled: Amazon's limit is under 2.5%, so this is a breach of the 7-day window.
    await seedAmazon(1);
    // (The scheduled evaluation may beat this call to it: either way one alert opens.)
    expect((await admin.post('/api/dashboard/alerts/evaluate')).status).toBe(200);
    // Evaluated again (the schedule runs every 5 minutes, maybe on several workers): no second alert.
    const again = (await (await admin.post('/api/dashboard/alerts/evaluate')).json()) as {
      opened: number;
      queued: number;
    };
    expect(again).toMatchObject({ opened: 0, queued: 0 });

    const alerts = (await (await admin.get('/api/dashboard/alerts')).json()) as {
      id: string;
      kpi: string;
      level: string;
      windowDays: number;
      rate: number;
      resolvedAt: string | null;
    }[];
    const open = alerts.filter((a) => !a.resolvedAt);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kpi: 'cancellation', level: 'breach', windowDays: 7, rate: 0.025 });

    const delivery = await waitFor(async () => received[0], 60_000, 'the webhook delivery after a retry');
    expect(failNext).toBe(0);
    expect(received).toHaveLength(1);
    const timestamp = String(delivery.headers['x-shipdesk-timestamp']);
    expect(delivery.headers['x-shipdesk-signature']).toBe(signWebhook(secret, timestamp, delivery.body));
    expect(delivery.headers['x-shipdesk-signature']).not.toBe(
      signWebhook('another secret', timestamp, delivery.body),
    );
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'kpi.alert',
      alertId: open[0]!.id,
      level: 'breach',
      kpi: 'cancellation',
      windowDays: 7,
      channel: { id: 'chn_alert_amz', type: 'amazon' },
      numerator: 1,
      denominator: 40,
    });

    // The orders behind the figure, one click away.
    const behind = (await (
      await admin.get('/api/dashboard/kpis/orders?channelId=chn_alert_amz&kpi=cancellation&windowDays=7')
    ).json()) as { total: number; orders: { externalId: string }[] };
    expect(behind).toMatchObject({ total: 1, orders: [{ externalId: 'AMZ-0' }] });

    // Recovered: nothing cancelled any more.
    await seedAmazon(0);
    const recovered = (await (await admin.post('/api/dashboard/alerts/evaluate')).json()) as {
      resolved: number;
    };
    expect(recovered.resolved).toBe(1);
    const after = (await (await admin.get('/api/dashboard/alerts')).json()) as {
      resolvedAt: string | null;
    }[];
    expect(after.filter((a) => !a.resolvedAt)).toHaveLength(0);
  });

  it('exports the KPI table as CSV, and keeps the webhook secret write-only', async () => {
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const res = await desk.get('/api/dashboard/export/kpis');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="kpis-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'channel,channel_type,kpi,window_days,numerator,denominator,rate,threshold,stated_as,level,source',
    );
    expect(lines).toContain(
      'Amazon FR,amazon,cancellation,7,0,40,0,0.025,max,ok,sellercentral.amazon.com/gp/help/external/200285210',
    );
    // The desk reads the dashboard but not the alert settings; the admin never gets the secret back.
    expect((await desk.get('/api/dashboard/alert-settings')).status).toBe(403);
    const admin = await signIn(t.app, t.admin);
    expect(JSON.stringify(await (await admin.get('/api/dashboard/alert-settings')).json())).not.toContain(
      secret,
    );
  });
});
