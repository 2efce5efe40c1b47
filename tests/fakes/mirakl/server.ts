import { type ServerType, serve } from '@hono/node-server';
import { createMiraklSimulator, type MiraklSimulator, type MiraklSimulatorOptions } from './simulator.js';

export interface StartMiraklSimulatorOptions extends Partial<MiraklSimulatorOptions> {
  port: number;
  host?: string;
  /** A new order every `intervalMs`; 0 or less: only on demand. */
  intervalMs?: number;
}

export interface RunningMiraklSimulator {
  simulator: MiraklSimulator;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the simulator over HTTP (port 0 picks a free port) and keeps orders coming like a live shop. */
export async function startMiraklSimulator(
  options: StartMiraklSimulatorOptions,
): Promise<RunningMiraklSimulator> {
  const { port, host = '127.0.0.1', intervalMs = 0, ...rest } = options;
  const simulator = createMiraklSimulator({ apiKey: 'demo-mirakl-key', autoAdvance: true, ...rest });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: simulator.app.fetch, port, hostname: host }, () => resolve(s));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const timer = intervalMs > 0 ? setInterval(() => simulator.createOrder(), intervalMs) : null;
  timer?.unref();
  return {
    simulator,
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
