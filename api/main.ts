import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { startSystem } from './bootstrap.js';
import { readConfig } from './config.js';
import { seedDemo } from './demo/seed-demo.js';
import { startWorkers } from './jobs/workers.js';
import { createLogger } from './logger.js';
import { ensureFirstAdmin } from './services/auth/ensure-first-admin.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const webRoot = `${root}web/dist`;

/**
 * The server entry. ROLE=all (default) serves the API and the web app and runs the workers in one
 * process; ROLE=api and ROLE=worker split them for production. DEMO=1 (the default outside production)
 * also starts the marketplace simulator and connects it as a channel.
 */
async function main() {
  const config = readConfig();
  const logger = createLogger({ role: config.role, pid: process.pid }, undefined, config.logLevel);
  const log = logger.child({ component: 'main' });
  let simulator: ChildProcess | null = null;
  const simPort = Number(process.env.MIRAKL_SIM_PORT ?? 4010);
  const simKey = process.env.MIRAKL_SIM_API_KEY ?? 'demo-mirakl-key';

  if (config.role !== 'worker' && config.isWebServed && !existsSync(`${webRoot}/index.html`)) {
    console.log('Building the web app (first start only)…');
    await run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  }
  if (config.isDemo && config.role === 'all') {
    simulator = spawn(process.execPath, ['--import', 'tsx', 'tests/fakes/mirakl/main.ts'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MIRAKL_SIM_PORT: String(simPort), MIRAKL_SIM_API_KEY: simKey },
    });
  }

  const system = await startSystem(config, logger);
  const { deps } = system;
  if (config.role !== 'worker') {
    const admin = await ensureFirstAdmin(
      deps.db,
      process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD
        ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
        : undefined,
    );
    if (admin) {
      console.log('\n  First start: an administrator was created. These credentials are shown once:');
      console.log(`    email:    ${admin.email}\n    password: ${admin.password}\n`);
    }
  }
  if (config.isDemo && config.role === 'all') {
    const seeded = await seedDemo(deps, {
      baseUrl: `http://127.0.0.1:${simPort}`,
      apiKey: simKey,
      pullIntervalSeconds: 10,
    });
    if (seeded.picker)
      console.log(
        `  Demo badges: picker ${seeded.picker.badge} (PIN ${seeded.picker.pin}), packer BADGE-0002 (PIN 5678)\n`,
      );
  }
  if (config.role !== 'api') await startWorkers(deps, { defaultPullIntervalSeconds: 60 });
  let server: ReturnType<typeof serve> | null = null;
  if (config.role !== 'worker') {
    const app = createApp(deps, config.isWebServed ? { webRoot } : {});
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    console.log(
      `  Shipdesk is up on http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}  (database: ${system.handle.kind})`,
    );
    if (simulator) console.log(`  Simulated marketplace: http://127.0.0.1:${simPort}  (what it received)\n`);
  }
  const shutdown = async () => {
    log.info('stopping: no new requests or jobs; waiting for the ones under way', { pid: process.pid });
    server?.close();
    simulator?.kill('SIGTERM');
    await system.stop();
    log.info('stopped', { pid: process.pid });
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  log.info('started', { pid: process.pid, port: config.role === 'worker' ? null : config.port });
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
