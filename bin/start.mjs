#!/usr/bin/env node
// Starts Concord: builds the web app first when the build is missing or older than the
// sources, then runs server/index.ts (TypeScript, through tsx).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const dev = process.argv.includes('--dev');

function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

if (!dev) {
  const built = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['app', 'lib', 'next.config.js', 'package.json', 'tsconfig.json'].map((p) => newestMtime(path.join(root, p))));
  if (sources > built) {
    console.log('Building the web app (first start or changed sources)…');
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

process.env.NODE_ENV = dev ? 'development' : 'production';
register();
await import('../server/index.ts');
