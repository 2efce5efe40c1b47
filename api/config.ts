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
  };
}
