/*
 * Bad input at the realtime server: several raw websocket connections, each with a valid
 * token for a board, send thousands of random, truncated, oversized, mistyped and
 * flooding frames (and raw bytes that are not websocket frames at all), reconnecting
 * whenever the server closes them. Meanwhile two well-behaved coders in another room keep
 * editing. The server stays up, the other room never misses an edit, and nothing the
 * attackers sent makes the attacked document unloadable.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findUserByEmail } from '@/lib/accounts/users';
import { seedDemo } from '@/lib/demo/seed';
import { applyStored } from '@/lib/realtime/doc-store';
import { boardRoom } from '@/lib/realtime/room-access';
import { mintRealtimeToken } from '@/lib/realtime/token';
import { listSessions } from '@/lib/sessions/sessions';
import { startRealtime, type RealtimeServer } from '@/server/realtime';
import { connectClient, waitUntil, whenSynced } from '@/server/realtime/node-client';
import { encodeAwareness, encodeUpdate } from '@/server/realtime/protocol';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const SECRET = 'fuzz-secret';
const ORIGIN = 'http://concord.test';
const FRAMES = 6000;
const ATTACKERS = 6;

let tdb: TestDatabase;
let server: http.Server;
let realtime: RealtimeServer;
let url: string;
let coders: [string, string];
let quietRoom: string;
let attackedRoom: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const { projectId } = (await seedDemo(tdb.database))!;
  coders = [(await findUserByEmail(tdb.database, 'coder.a@demo.concord'))!.id, (await findUserByEmail(tdb.database, 'coder.b@demo.concord'))!.id];
  const sessions = await listSessions(tdb.database, projectId);
  quietRoom = boardRoom(sessions.find((s) => s.label === 'K-01 intake talk')!.id);
  // A second open board, for the attackers.
  const other = sessions.find((s) => s.label === 'K-02 follow-up talk')!;
  await tdb.database.transaction((tx) => tx.update(tdb.database.t.sessions).set({ status: 'revealed' }).where(eq(tdb.database.t.sessions.id, other.id)));
  attackedRoom = boardRoom(other.id);
  server = http.createServer();
  realtime = startRealtime({ database: tdb.database, secret: SECRET, origins: [ORIGIN], log: () => undefined });
  realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/realtime`;
});

afterAll(async () => {
  await realtime.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await tdb.drop();
});

const token = (userId: string, room: string) => mintRealtimeToken(SECRET, { sub: userId, room, mode: 'write' }).token;

function frame(kind: number, rnd: () => number): Uint8Array | string {
  const junk = (n: number) => new Uint8Array(randomBytes(n));
  const valid = (() => {
    const d = new Y.Doc();
    d.getMap('proposals').set(`f@${Math.floor(rnd() * 1e6)}`, 1);
    return encodeUpdate(Y.encodeStateAsUpdate(d));
  })();
  switch (kind) {
    case 0: // random bytes
      return junk(Math.floor(rnd() * 200));
    case 1: // a real update, truncated
      return valid.subarray(0, Math.max(1, Math.floor(rnd() * valid.length)));
    case 2: // a sync update whose payload is garbage
      return message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, junk(1 + Math.floor(rnd() * 100)))));
    case 3: // unknown message types (dropped, connection stays)
      return new Uint8Array([4 + Math.floor(rnd() * 120), ...junk(8)]);
    case 4: // awareness flood from one client id
      return message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encodeAwareness([{ clientId: 7, clock: Math.floor(rnd() * 1e9), state: { cursor: rnd() } }]))));
    case 5: // a valid edit
      return valid;
    case 6: // a text frame
      return 'hello';
    default: // larger than the 1 MB limit
      return junk(1024 * 1024 + 10);
  }
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

type Budget = { left: number; closes: Map<number, number> };

/**
 * Opens connections one after another and sends frames until `budget` is spent. A flooder
 * sends only frames that are each acceptable (unknown types, awareness), as fast as it can.
 */
async function attacker(seed: number, budget: Budget, flood: boolean): Promise<void> {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  while (budget.left > 0) {
    const ws = new WebSocket(`${url}/${attackedRoom}?token=${token(coders[seed % 2]!, attackedRoom)}`, { origin: ORIGIN });
    ws.on('error', () => undefined);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => (ws.once('open', resolve), ws.once('close', resolve)));
    for (let sent = 0; ws.readyState === ws.OPEN && budget.left > 0; sent++) {
      budget.left--;
      const r = rnd();
      if (flood) ws.send(frame(r < 0.5 ? 3 : 4, rnd));
      else if (sent === 0 && r < 0.05) ws.send(frame(7, rnd)); // oversized
      else if (r < 0.01) (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(randomBytes(64)); // not a websocket frame at all
      else ws.send(frame(r < 0.3 ? 0 : r < 0.45 ? 1 : r < 0.6 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : r < 0.97 ? 5 : 6, rnd));
      if (!flood || sent % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(0), 2000))]);
    ws.terminate();
    budget.closes.set(code, (budget.closes.get(code) ?? 0) + 1);
  }
}

it('survives thousands of bad frames while another room keeps syncing', async () => {
  const a = connectClient(new Y.Doc(), { serverUrl: url, room: quietRoom, token: token(coders[0], quietRoom), origin: ORIGIN });
  const b = connectClient(new Y.Doc(), { serverUrl: url, room: quietRoom, token: token(coders[1], quietRoom), origin: ORIGIN });
  await Promise.all([whenSynced(a), whenSynced(b)]);
  let edits = 0;
  const editing = setInterval(() => a.doc.getMap('proposals').set(`q@${edits++}`, 1), 10);
  const budget: Budget = { left: FRAMES, closes: new Map() };
  const flooders: Budget = { left: 4000, closes: new Map() };
  await Promise.all([...Array.from({ length: ATTACKERS }, (_, i) => attacker(i + 1, budget, false)), attacker(99, flooders, true)]);
  clearInterval(editing);
  await waitUntil(() => b.doc.getMap('proposals').size === edits, 10_000, 'B has every edit of A');
  expect(edits).toBeGreaterThan(10);
  // The attackers were closed for what they sent, with the codes meant for it.
  const codes = [...budget.closes.keys()];
  expect(codes).toEqual(expect.arrayContaining([4400, 1003, 1009]));
  expect([...flooders.closes.keys()].filter((c) => c !== 0)).toEqual([4429]);
  // The attacked room is still a working document, its stored log entirely readable.
  const c = connectClient(new Y.Doc(), { serverUrl: url, room: attackedRoom, token: token(coders[0], attackedRoom), origin: ORIGIN });
  await whenSynced(c);
  c.doc.getMap('proposals').set('after-fuzz', 1);
  await waitUntil(async () => (await readable(attackedRoom)).has('after-fuzz'), 5000, 'edit after the fuzz stored');
  const stored = await realtime.store.load(attackedRoom);
  expect(applyStored(new Y.Doc(), stored.updates)).toBe(0);
  await waitUntil(() => realtime.stats().connections === 3, 5000, 'only the good clients left');
  for (const p of [a, b, c]) p.destroy();
}, 120_000);

async function readable(room: string): Promise<Y.Map<unknown>> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await realtime.store.readState(room));
  return doc.getMap('proposals');
}
