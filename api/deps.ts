import type { Database } from '../db/client.js';
import type { CarrierAdapterFactory } from './carriers/registry.js';
import type { ChannelConnector } from './channels/connector.js';
import type { Clock } from './clock.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import type { MetricsRegistry } from './metrics/registry.js';
import type { SecretBox } from './security/secret-box.js';

/** Builds a connector for a channel row; tests swap in one that talks to a fake through app.fetch. */
export type ConnectorFactory = (channel: {
  id: string;
  type: string;
  settings: Record<string, unknown>;
  credentials: unknown;
}) => ChannelConnector;

export interface AppDeps {
  db: Database;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  connectors: ConnectorFactory;
  /** Builds carrier adapters; absent means the real carriers over the network (api/carriers/registry.ts). */
  carriers?: CarrierAdapterFactory;
  /** Cookies get `Secure` when the public origin is https. */
  isSecureCookies: boolean;
  /** Request and scan latency measured in this process, for /metrics. */
  metrics: MetricsRegistry;
  /** Readiness: the database answers. */
  ping(): Promise<void>;
}
