import { join } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretsKey: string | undefined;
  role: 'all' | 'api' | 'worker';
  isDemo: boolean;
  /** Public origin, e.g. https://oms.example.com; cookies are Secure when it is https. */
  publicUrl: string | undefined;
  logLevel: 'info' | 'warn' | 'error' | 'silent';
  /** SERVE_WEB=0: an API process that serves no web app (and so never builds it at start). */
  isWebServed: boolean;
  /** Seconds a stopping process waits for its in-flight jobs before handing them back to the queue. */
  shutdownTimeoutSeconds: number;
  jobTimings: JobTimings;
}

/**
 * Queue timings, from the environment. The defaults suit production; the fault tests compress them
 * (a short expiry so a job held by a killed worker comes back within seconds, a flat short retry delay
 * so an outage of minutes is replayed in seconds).
 */
export interface JobTimings {
  /** How long a job may stay active before the queue takes it back (a worker killed while holding it). */
  expireInSeconds?: number;
  /** How often expiry and archiving run. */
  maintenanceIntervalSeconds?: number;
  /** Overrides every queue's retry delay. */
  retryDelaySeconds?: number;
  /** JOB_RETRY_BACKOFF=0 makes retries flat instead of exponential. */
  retryBackoff?: boolean;
}

function optionalNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected a non-negative number, not ${value}`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const isProduction = env.NODE_ENV === 'production';
  const role = env.ROLE ?? 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker')
    throw new Error(`ROLE must be all, api or worker, not ${role}`);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? join(process.cwd(), '.data'),
    secretsKey: env.SECRETS_KEY || undefined,
    role,
    isDemo: (env.DEMO ?? (isProduction ? '0' : '1')) === '1',
    publicUrl: env.PUBLIC_URL || undefined,
    logLevel: (env.LOG_LEVEL as AppConfig['logLevel']) ?? 'info',
    isWebServed: env.SERVE_WEB !== '0',
    // Longer than a channel call's own timeout (30 s), so a push under way finishes rather than repeats.
    shutdownTimeoutSeconds: optionalNumber(env.SHUTDOWN_TIMEOUT_SECONDS) ?? 35,
    jobTimings: {
      expireInSeconds: optionalNumber(env.JOB_EXPIRE_SECONDS),
      maintenanceIntervalSeconds: optionalNumber(env.JOB_MAINTENANCE_SECONDS),
      retryDelaySeconds: optionalNumber(env.JOB_RETRY_DELAY_SECONDS),
      retryBackoff: env.JOB_RETRY_BACKOFF === undefined ? undefined : env.JOB_RETRY_BACKOFF !== '0',
    },
  };
}
