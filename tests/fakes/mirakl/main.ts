import { startMiraklSimulator } from './server.js';

/** `npm run simulator`: a fake Mirakl shop for the demo, creating an order every few seconds. */
const port = Number(process.env.MIRAKL_SIM_PORT ?? 4010);
const apiKey = process.env.MIRAKL_SIM_API_KEY ?? 'demo-mirakl-key';
const intervalMs = Number(process.env.MIRAKL_SIM_INTERVAL_MS ?? 8000);

const running = await startMiraklSimulator({ port, apiKey, intervalMs, seed: Date.now() % 100_000 });
// The first order appears at once so the demo has something to pull straight away.
running.simulator.createOrder();
console.log(`Mirakl simulator listening on ${running.url} (new order every ${intervalMs} ms)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
