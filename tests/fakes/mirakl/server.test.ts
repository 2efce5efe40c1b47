import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMiraklConnector } from '../../../api/channels/mirakl/connector.js';
import { type RunningMiraklSimulator, startMiraklSimulator } from './server.js';
import { validateResponse } from './spec.js';

describe('Mirakl simulator over a real port', () => {
  let running: RunningMiraklSimulator;
  beforeAll(async () => {
    running = await startMiraklSimulator({ port: 0, apiKey: 'port-key', intervalMs: 20, seed: 11 });
  });
  afterAll(() => running.close());

  it('creates orders on its own and serves them to the connector over HTTP', async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    const connector = createMiraklConnector({ baseUrl: running.url, apiKey: 'port-key', pageSize: 2 });
    expect(await connector.testConnection()).toMatchObject({ ok: true });
    let page = await connector.pullOrders({ cursor: null, pageToken: null });
    const orders = [...page.orders];
    while (page.pageToken) {
      page = await connector.pullOrders({ cursor: null, pageToken: page.pageToken });
      orders.push(...page.orders);
    }
    expect(orders.length).toBeGreaterThanOrEqual(3);
    expect(orders.every((o) => o.ok)).toBe(true);

    const raw = await fetch(`${running.url}/api/orders?max=100`, { headers: { authorization: 'port-key' } });
    expect(validateResponse('OR11', 200, await raw.json())).toEqual([]);
    const home = await fetch(`${running.url}/`);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('Mirakl seller API simulator');
  });

  it('refuses a connection on a closed port as a retryable, non-ambiguous error', async () => {
    // A port that was free a moment ago: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const connector = createMiraklConnector({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' });
    await expect(connector.acceptLines('X-A', [])).rejects.toMatchObject({
      code: 'channel_network',
      retryable: true,
      ambiguous: false,
    });
  });
});
