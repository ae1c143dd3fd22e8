import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

/** One fresh data folder per run; the demo is seeded into it on start. */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `concord-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx server/index.ts`,
    url: `${BASE_URL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { NODE_ENV: 'production', PORT: String(PORT), DATA_DIR: E2E_DATA_DIR, NEXTAUTH_URL: BASE_URL, DATABASE_URL: '' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
