/*
 * The process entry: one HTTP server on one port serving the Next.js app and (from the
 * reconciliation issue on) the realtime websocket endpoint. Start-up problems the operator
 * can fix are printed as one line; SIGTERM/SIGINT close the websockets (storing what is
 * pending), finish open requests and close the database.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { ConfigError, ensureSecret, loadConfig } from '@/lib/config/config';
import { DatabaseStartupError, openDatabase, prepareDataDir } from '@/lib/db/client';
import { closeDatabase, useDatabase } from '@/lib/db';
import { formatDemoAccounts, seedDemo } from '@/lib/demo/seed';
import { startRealtime } from './realtime';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  process.env.NEXTAUTH_SECRET = ensureSecret(config);
  process.env.NEXTAUTH_URL = config.publicUrl;

  const database = await openDatabase(config.database);
  useDatabase(database);
  if (config.seedDemo) {
    const seeded = await seedDemo(database);
    if (seeded) {
      const listing = formatDemoAccounts(seeded.accounts);
      const file = path.join(config.dataDir, 'demo-accounts.txt');
      fs.writeFileSync(file, `${listing}\n`, { mode: 0o600 });
      console.log(`Demo project seeded. Demo accounts (also in ${file}):\n${listing}`);
    }
  }

  if (!dev && !fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    throw new ConfigError('the web app has not been built. Run `npm run build` first (`npm start` builds it for you).');
  }
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeNext = dev ? app.getUpgradeHandler() : null;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('request failed:', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  // The realtime websocket endpoint (/realtime/<room>); other upgrades are Next's dev HMR.
  const realtime = startRealtime({ database, secret: process.env.NEXTAUTH_SECRET, origins: [config.publicUrl] });
  server.on('upgrade', (req, socket, head) => {
    if (realtime.handles(req)) realtime.handleUpgrade(req, socket, head);
    else if (upgradeNext) void upgradeNext(req, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Concord is running at ${config.publicUrl} (${database.dialect}${database.dialect === 'sqlite' ? `, ${config.dataDir}` : ''}); listening on port ${port}.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing open requests…`);
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    // Websockets first: stores pending document updates and compacts before the database closes.
    await realtime.close().catch((e: unknown) => console.error('realtime shutdown:', e));
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await app.close?.();
    await closeDatabase();
    console.log('Concord stopped.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DatabaseStartupError) {
    console.error(`Concord could not start: ${e.message}`);
  } else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Concord could not start: port ${process.env.PORT || 3000} is in use. Set PORT to a free port.`);
  } else {
    console.error('Concord could not start:', e);
  }
  process.exit(1);
});
