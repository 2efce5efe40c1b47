import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('./artifacts', import.meta.url));

/** Builds the web app unless a build is already there (CI builds once; a stale local build: `npm run build:web`). */
export function ensureWebBuild() {
  if (existsSync(`${webDist}/index.html`)) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Debian's Chromium, with the flags these machines need (see docs/architecture.md, "Known traps"). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
