import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway certificate for 127.0.0.1, trusted by this process and every process it starts. The
 * WooCommerce connector only speaks HTTPS (basic auth would expose the consumer secret), so its fake is
 * served over TLS. Node reads NODE_EXTRA_CA_CERTS when it starts, never later: the first call makes the
 * certificate (with the `openssl` command) and runs this same script again with the certificate trusted,
 * waits for it and exits with its code; in that second run it returns the key and certificate.
 */
export async function withLoopbackTrust(): Promise<{ key: string; cert: string }> {
  const given = process.env.LOAD_TLS_DIR;
  if (given && process.env.NODE_EXTRA_CA_CERTS === join(given, 'trust.pem'))
    return {
      key: readFileSync(join(given, 'key.pem'), 'utf8'),
      cert: readFileSync(join(given, 'cert.pem'), 'utf8'),
    };

  const dir = mkdtempSync(join(tmpdir(), 'shipdesk-load-tls-'));
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `load test: could not make a loopback certificate with openssl: ${made.error?.message ?? made.stderr}`,
    );
  }
  // Whatever the caller already trusted stays trusted.
  const own = process.env.NODE_EXTRA_CA_CERTS;
  const extra = own && existsSync(own) ? `\n${readFileSync(own, 'utf8')}` : '';
  writeFileSync(join(dir, 'trust.pem'), `${readFileSync(join(dir, 'cert.pem'), 'utf8')}${extra}`);

  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LOAD_TLS_DIR: dir, NODE_EXTRA_CA_CERTS: join(dir, 'trust.pem') },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))),
  );
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
