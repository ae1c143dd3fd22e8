/**
 * Load benchmark of the realtime server: many real y-websocket clients on loopback edit
 * many boards at a fixed rate, through OUR server (token auth, Origin check, policy check
 * against the database on connect, durable log on SQLite — write before relay) and, in the
 * same run and with the same load, through the bare reference server (`@y/websocket-server`
 * 0.1.1's setupWSConnection, no auth, no persistence). Each server runs in a child process;
 * the clients run here. Prints edit-to-remote-receive latency p50/p99 for both, their ratio,
 * and server memory per open board with a demo-sized board document.
 *
 *   npx tsx bench/realtime.ts [--clients 1000 --boards 500 --rate 500 --seconds 20 --warmup 3 --rounds 1 --board demo|empty]
 *
 * Targets (../shared/docs/architecture.md): p50 ≤ 1 ms, p99 ≤ 10 ms (p99 ≤ 20 ms at 3,000
 * clients in 1,000 boards, 1,000 edits/s); ≤ 1.5× (p50) and ≤ 2× (p99) the bare server;
 * ≤ 250 KB per open board. Exits 1 when a target is missed. Both servers use ws 8 (the
 * reference's own server.js would use ws 6), so the comparison is about the server logic.
 * `--board empty` measures latency with empty boards (no memory figure): every client holds
 * its board as a Y.Doc, ~300 KB for a demo board, so 3,000 clients in this one process make
 * its garbage collector part of the latency. BENCH_NO_AUTOCHECKPOINT=1 turns SQLite's automatic
 * WAL checkpoints off in our server (an experiment: checkpoints fsync on the event loop and
 * are most of our p99 excess over the bare server; see docs/architecture.md, Realtime).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { inArray, sql } from 'drizzle-orm';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { mintRealtimeToken } from '@/lib/realtime/token';
import { connectClient, whenSynced } from '@/server/realtime/node-client';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ORIGIN = 'http://bench.concord';
const SECRET = 'bench-secret';
const self = fileURLToPath(import.meta.url);

/** A settled demo-sized board: 65 disagreements (the demo session has 65 of 440 cells), all reconciled. */
function boardState(kind: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 424242; // the same bytes in the server process and here
  if (kind === 'empty') return Y.encodeStateAsUpdate(doc);
  const coders = ['coder-a', 'coder-b'];
  const history = doc.getArray('history');
  for (let c = 0; c < 65; c++) {
    const cell = `behaviour-${c % 44}@${c % 10}`;
    for (const [i, coder] of coders.entries()) {
      doc.getMap('proposals').set(`${cell}|${coder}`, { value: (c + i) % 2, at: 1_700_000_000_000 + c });
      history.push([{ cell, userId: coder, name: `Coder ${i}`, action: 'propose', value: c % 2, at: 1_700_000_000_000 + c }]);
    }
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment(`rationale:${cell}`).insert(0, [paragraph]);
    const words = `The worker turns to the mother and names the worry openly at ${c} minutes; we agree this is proximity, not distance, because she stays with the feeling.`;
    for (let at = 0; at < words.length; at += 12) text.insert(at, words.slice(at, at + 12));
    if (c % 4 === 0) {
      doc.getArray(`comments:${cell}`).push([
        { id: `c${c}a`, userId: 'coder-a', name: 'Anna', text: 'I heard a question here, not a statement.', at: 1 },
        { id: `c${c}b`, userId: 'coder-b', name: 'Bram', text: 'Listen again at 12:40, she answers herself.', at: 2 },
      ]);
    }
  }
  for (let r = 0; r < 4; r++) for (const coder of coders) doc.getMap('ratings').set(`scale-${r}|${coder}`, 3);
  for (const coder of coders) doc.getMap('signoffs').set(coder, 1_700_000_100_000);
  return Y.encodeStateAsUpdate(doc);
}

// ---------------------------------------------------------------- server (child process)

interface Ready {
  type: 'ready';
  port: number;
  rooms: string[];
  coders: string[];
}

async function serve(kind: 'ours' | 'bare', boards: number, board: string): Promise<void> {
  const server = http.createServer((_req, res) => res.end('ok'));
  const txTimes: number[] = [];
  let rooms: string[];
  let coders: string[] = [];
  let stats: () => unknown = () => ({});
  if (kind === 'ours') {
    const seeded = await seedOurs(boards, board);
    rooms = seeded.rooms;
    coders = seeded.coders;
    const { startRealtime } = await import('@/server/realtime');
    // Time every transaction (the durable log's cost shows here).
    const transaction = seeded.database.transaction.bind(seeded.database);
    seeded.database.transaction = async (fn) => {
      const t0 = performance.now();
      try {
        return await transaction(fn);
      } finally {
        txTimes.push(performance.now() - t0);
      }
    };
    if (process.env.BENCH_NO_AUTOCHECKPOINT) await seeded.database.transaction(async (tx) => void (tx as unknown as { run(q: unknown): unknown }).run(sql.raw('PRAGMA wal_autocheckpoint = 0')));
    const realtime = startRealtime({ database: seeded.database, secret: SECRET, origins: [ORIGIN] });
    realtime.attach(server);
    stats = () => realtime.stats();
  } else {
    const { setupWSConnection, docs } = (await import('@y/websocket-server/utils')) as unknown as {
      setupWSConnection: (ws: unknown, req: http.IncomingMessage) => void;
      docs: Map<string, unknown>;
    };
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)));
    rooms = Array.from({ length: boards }, (_, i) => `board:bench-${i}`);
    stats = () => ({ rooms: docs.size });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let cpu = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'mem') {
      for (let i = 0; i < 3; i++) global.gc?.();
      process.send!({ type: 'mem', mem: process.memoryUsage(), stats: stats() });
    } else if (m.type === 'cpu-start') {
      cpu = process.cpuUsage();
      loop.reset();
      loop.enable();
      txTimes.length = 0;
      process.send!({ type: 'cpu-start' });
    } else if (m.type === 'cpu') {
      const used = process.cpuUsage(cpu);
      loop.disable();
      const tx = [...txTimes].sort((a, b) => a - b);
      process.send!({ type: 'cpu', ms: (used.user + used.system) / 1000, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6, tx: tx.length ? { n: tx.length, p99: tx[Math.floor(tx.length * 0.99)], max: tx[tx.length - 1], over5: tx.filter((x) => x > 5).length } : null });
    }
  });
  process.send!({ type: 'ready', port: (server.address() as AddressInfo).port, rooms, coders } satisfies Ready);
}

/** A SQLite database in a temp folder with two coders assigned to `boards` revealed sessions, each board stored as a snapshot. */
async function seedOurs(boards: number, board: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const { openDatabase } = await import('@/lib/db/client');
  const { createUser } = await import('@/lib/accounts/users');
  const { createProject } = await import('@/lib/projects/projects');
  const { addMember } = await import('@/lib/projects/members');
  const { createCase } = await import('@/lib/cases/cases');
  const { assignCoders, createSession } = await import('@/lib/sessions/sessions');
  const { DocStore } = await import('@/lib/realtime/doc-store');
  const database = await openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  const user = (n: string) => createUser(database, { email: `${n}@bench.concord`, name: n, password: 'bench password' });
  const owner = await user('owner');
  const coders = [await user('coder-a'), await user('coder-b')];
  const project = await createProject(database, owner.id, { name: 'Bench' });
  await database.transaction(async (tx) => {
    for (const c of coders) await addMember(tx, database, project.id, c.id, ['coder'], owner.id);
  });
  const kase = await createCase(database, project.id, { caseNumber: 'B-1' });
  const ids: string[] = [];
  for (let i = 0; i < boards; i++) {
    const s = await createSession(database, project.id, owner.id, { caseId: kase.id, label: `Bench ${i}`, durationMinutes: 50, intervalMinutes: 5 });
    await assignCoders(database, project.id, s.id, coders.map((c) => c.id), owner.id);
    ids.push(s.id);
  }
  const { t } = database;
  await database.transaction((tx) => tx.update(t.sessions).set({ status: 'revealed' }).where(inArray(t.sessions.id, ids)));
  const store = new DocStore(database);
  const state = boardState(board);
  const rooms = ids.map((id) => `board:${id}`);
  for (const room of rooms) await store.compact(room, state, 1);
  return { database, rooms, coders: coders.map((c) => c.id) };
}

// ---------------------------------------------------------------- driver (this process)

interface Result {
  kind: string;
  p50: number;
  p99: number;
  max: number;
  /** Receipts measured, and expected (each edit reaches every other client of its board). */
  received: number;
  sent: number;
  lost: number;
  heapPerBoard: number;
  rssPerBoard: number;
  serverCpuPct: number;
  loopDelayP99: number;
  serverLoopP99: number;
  serverLoopMax: number;
  boardBytes: number;
}

function request<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send({ type });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Options = { clients: number; boards: number; rate: number; seconds: number; warmup: number; board: string };

async function run(kind: 'ours' | 'bare', o: Options): Promise<Result> {
  const child = fork(self, ['--serve', kind, '--boards', String(o.boards), '--board', o.board], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  const before = (await request<{ mem: NodeJS.MemoryUsage }>(child, 'mem')).mem;
  const serverUrl = `ws://127.0.0.1:${ready.port}/realtime`;
  const perBoard = Math.max(2, Math.round(o.clients / o.boards));
  const state = boardState(o.board);
  const boards: WebsocketProvider[][] = [];
  for (const [b, room] of ready.rooms.entries()) {
    boards.push(
      Array.from({ length: perBoard }, (_, k) => {
        const doc = new Y.Doc();
        if (kind === 'bare' && k === 0) Y.applyUpdate(doc, state); // the bare server keeps nothing: the first client brings the board
        const userId = ready.coders[k % 2] ?? `user-${b}-${k}`;
        return connectClient(doc, { serverUrl, room, token: mintRealtimeToken(SECRET, { sub: userId, room, mode: 'write' }).token, origin: ORIGIN, connect: false });
      }),
    );
  }
  const all = boards.flat();
  for (let i = 0; i < all.length; i += 100) {
    const batch = all.slice(i, i + 100);
    for (const p of batch) p.connect();
    await Promise.all(batch.map((p) => whenSynced(p, 60_000)));
  }
  // Every client holds the whole board (the bare server relays it from the first client).
  const full = Y.encodeStateVector(loaded(state));
  while (!all.every((p) => sameOrAhead(Y.encodeStateVector(p.doc), full))) await sleep(50);
  const after = (await request<{ mem: NodeJS.MemoryUsage }>(child, 'mem')).mem;

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let measuring = false;
  let received = 0;
  for (const p of all) {
    const map = p.doc.getMap<number>('bench');
    map.observe((event, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const t0 = sentAt.get(map.get(key) ?? -1);
        if (t0 === undefined) continue;
        received++;
        if (measuring) latencies.push(now - t0);
      }
    });
  }
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let seq = 0;
  let sentMeasured = 0;
  const start = performance.now();
  const ticker = setInterval(() => {
    const due = Math.floor(((performance.now() - start) * o.rate) / 1000);
    while (seq < due) {
      const board = boards[Math.floor(Math.random() * boards.length)]!;
      const k = Math.floor(Math.random() * board.length);
      seq++;
      sentAt.set(seq, performance.now());
      if (measuring) sentMeasured++;
      board[k]!.doc.getMap<number>('bench').set(`w${k}`, seq);
    }
  }, 1);
  await sleep(o.warmup * 1000);
  await request(child, 'cpu-start');
  measuring = true;
  loop.enable();
  await sleep(o.seconds * 1000);
  measuring = false;
  loop.disable();
  const cpu = await request<{ ms: number; loopP99: number; loopMax: number; tx: { n: number; p99: number; max: number; over5: number } | null }>(child, 'cpu');
  if (cpu.tx) console.log(`    (${kind}: ${cpu.tx.n} transactions, p99 ${cpu.tx.p99.toFixed(2)} ms, max ${cpu.tx.max.toFixed(1)} ms, ${cpu.tx.over5} over 5 ms)`);
  clearInterval(ticker);
  await sleep(1000);
  for (const p of all) {
    p.destroy();
    p.awareness.destroy();
  }
  child.kill();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const n = o.boards;
  return {
    kind,
    p50: pct(0.5),
    p99: pct(0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    received: latencies.length,
    sent: sentMeasured * (perBoard - 1),
    lost: seq * (perBoard - 1) - received,
    heapPerBoard: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / n,
    rssPerBoard: (after.rss - before.rss) / n,
    serverCpuPct: (cpu.ms / (o.seconds * 1000)) * 100,
    loopDelayP99: loop.percentile(99) / 1e6,
    serverLoopP99: cpu.loopP99,
    serverLoopMax: cpu.loopMax,
    boardBytes: state.length,
  };
}

function loaded(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update);
  return doc;
}

function sameOrAhead(have: Uint8Array, want: Uint8Array): boolean {
  const h = Y.decodeStateVector(have);
  for (const [client, clock] of Y.decodeStateVector(want)) if ((h.get(client) ?? 0) < clock) return false;
  return true;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function drive(): Promise<void> {
  const board = args.includes('--board') ? args[args.indexOf('--board') + 1]! : 'demo';
  const o: Options = { clients: arg('clients', 1000), boards: arg('boards', 500), rate: arg('rate', 500), seconds: arg('seconds', 20), warmup: arg('warmup', 3), board };
  const rounds = arg('rounds', 1);
  // Each y-websocket provider adds a process 'exit' listener.
  process.setMaxListeners(o.clients + 50);
  EventEmitter.defaultMaxListeners = o.clients + 50;
  console.log(`realtime bench: ${o.clients} clients in ${o.boards} ${board} boards, ${o.rate} edits/s, ${o.seconds} s (+${o.warmup} s warm-up), ${rounds} round(s); ${os.cpus().length} cores, Node ${process.version}`);
  const results: Record<'bare' | 'ours', Result[]> = { bare: [], ours: [] };
  for (let r = 0; r < rounds; r++) {
    for (const kind of ['bare', 'ours'] as const) {
      const res = await run(kind, o);
      results[kind].push(res);
      console.log(
        `  round ${r + 1} ${kind.padEnd(4)}: p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms, max ${res.max.toFixed(1)} ms; ${res.received}/${res.sent} receipts (${res.lost} never arrived); ` +
          `server CPU ${res.serverCpuPct.toFixed(0)}%, loop delay p99 server ${res.serverLoopP99.toFixed(1)} ms (max ${res.serverLoopMax.toFixed(0)}), clients ${res.loopDelayP99.toFixed(1)} ms; per board heap ${(res.heapPerBoard / 1024).toFixed(0)} KB, RSS ${(res.rssPerBoard / 1024).toFixed(0)} KB`,
      );
    }
  }
  const m = (kind: 'bare' | 'ours', k: keyof Result) => median(results[kind].map((x) => x[k] as number));
  const p50 = m('ours', 'p50');
  const p99 = m('ours', 'p99');
  const perBoardKb = Math.max(m('ours', 'heapPerBoard'), m('ours', 'rssPerBoard')) / 1024;
  // The architecture's table: p50 ≤ 1 ms and p99 ≤ 10 ms at 1,000 clients; p99 ≤ 20 ms at 3,000.
  const large = o.clients >= 3000;
  const p99Target = large ? 20 : 10;
  const bareKb = Math.max(m('bare', 'heapPerBoard'), m('bare', 'rssPerBoard')) / 1024;
  const checks: Array<[string, string, string, boolean]> = [
    ['p99 latency (ours)', `${p99.toFixed(2)} ms`, `≤ ${p99Target} ms`, p99 <= p99Target],
    ['p50 ratio ours/bare', `${(p50 / m('bare', 'p50')).toFixed(2)}× (bare ${m('bare', 'p50').toFixed(2)} ms)`, '≤ 1.5×', p50 / m('bare', 'p50') <= 1.5],
    ['p99 ratio ours/bare', `${(p99 / m('bare', 'p99')).toFixed(2)}× (bare ${m('bare', 'p99').toFixed(2)} ms)`, '≤ 2×', p99 / m('bare', 'p99') <= 2],
  ];
  if (!large) checks.unshift(['p50 latency (ours)', `${p50.toFixed(2)} ms`, '≤ 1 ms', p50 <= 1]);
  if (o.board === 'demo') checks.push(['memory per open board (ours)', `${perBoardKb.toFixed(0)} KB (larger of heap and RSS; bare ${bareKb.toFixed(0)} KB)`, '≤ 250 KB', perBoardKb <= 250]);
  console.log(`\nboard document: ${(results.ours[0]!.boardBytes / 1024).toFixed(1)} KB encoded; medians over ${rounds} round(s):`);
  for (const [what, value, target, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what.padEnd(30)} ${value}  (target ${target})`);
  process.exit(checks.every((c) => c[3]) ? 0 : 1);
}

const serveAs = args[args.indexOf('--serve') + 1];
if (args.includes('--serve')) await serve(serveAs === 'bare' ? 'bare' : 'ours', arg('boards', 500), args[args.indexOf('--board') + 1] ?? 'demo');
else await drive();
