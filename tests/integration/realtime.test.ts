/*
 * The realtime server against a real database (SQLite, or PostgreSQL with DATABASE_URL),
 * on a plain http.Server, with real y-websocket clients: coders edit together, a supervisor
 * watches read-only, refusals come before any document byte, edits survive a reconnect and
 * a restart, logs are compacted, idle rooms unloaded, finalized rooms frozen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '@/lib/accounts/users';
import { seedDemo } from '@/lib/demo/seed';
import { removeMember } from '@/lib/projects/members';
import { realtimeHub } from '@/lib/realtime/hub';
import { MESSAGE_ACK } from '@/lib/realtime/protocol-ack';
import { boardRoom } from '@/lib/realtime/room-access';
import { mintRealtimeToken, type RoomMode } from '@/lib/realtime/token';
import { listSessions } from '@/lib/sessions/sessions';
import { startRealtime, type RealtimeServer } from '@/server/realtime';
import { connectClient, waitUntil, whenSynced } from '@/server/realtime/node-client';
import { createTestDatabase, rawQuery, type TestDatabase } from './support/test-database';

const SECRET = 'realtime-test-secret';
const ORIGIN = 'http://concord.test';

let tdb: TestDatabase;
let http1: http.Server;
let realtime: RealtimeServer;
let baseUrl: string;
let projectId: string;
const users = {} as Record<'owner' | 'coderA' | 'coderB' | 'supervisor', string>;
const rooms = {} as Record<'revealed' | 'finalized' | 'blind', string>;
const open: WebsocketProvider[] = [];

async function startServer(options: { idleUnloadMs?: number; compactEvery?: number } = {}): Promise<void> {
  http1 = http.createServer((_req, res) => res.end('ok'));
  realtime = startRealtime({ database: tdb.database, secret: SECRET, origins: [ORIGIN], log: () => undefined, ...options });
  realtime.attach(http1);
  await new Promise<void>((resolve) => http1.listen(0, '127.0.0.1', resolve));
  baseUrl = `ws://127.0.0.1:${(http1.address() as AddressInfo).port}/realtime`;
}

async function stopServer(): Promise<void> {
  await realtime.close();
  await new Promise<void>((resolve) => http1.close(() => resolve()));
}

function token(userId: string, room: string, mode: RoomMode = 'write', ttlMs?: number): string {
  return mintRealtimeToken(SECRET, { sub: userId, room, mode }, Date.now(), ttlMs).token;
}

function client(userId: string, room: string, doc = new Y.Doc()): WebsocketProvider {
  const provider = connectClient(doc, { serverUrl: baseUrl, room, token: token(userId, room), origin: ORIGIN });
  open.push(provider);
  return provider;
}

/** A raw connection: every frame it received, and how it was closed. */
function probe(path: string, origin = ORIGIN): Promise<{ code: number; frames: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl}/${path}`, { origin });
    let frames = 0;
    ws.on('message', () => frames++);
    ws.on('error', () => undefined);
    ws.on('close', (code) => resolve({ code, frames }));
  });
}

const marks = (p: WebsocketProvider) => p.doc.getMap<number>('proposals');

async function storedState(room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await realtime.store.readState(room));
  return doc;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  projectId = (await seedDemo(tdb.database))!.projectId;
  for (const [k, email] of [
    ['owner', 'owner@demo.concord'],
    ['coderA', 'coder.a@demo.concord'],
    ['coderB', 'coder.b@demo.concord'],
    ['supervisor', 'supervisor@demo.concord'],
  ] as const) {
    users[k] = (await findUserByEmail(tdb.database, email))!.id;
  }
  const sessions = await listSessions(tdb.database, projectId);
  const byLabel = (label: string) => boardRoom(sessions.find((s) => s.label === label)!.id);
  rooms.revealed = byLabel('K-01 intake talk');
  rooms.finalized = byLabel('K-02 intake talk');
  rooms.blind = byLabel('K-01 evaluation talk');
  await startServer();
});

afterEach(() => {
  for (const p of open.splice(0)) p.destroy();
});

afterAll(async () => {
  await stopServer();
  await tdb.drop();
});

describe('realtime board rooms', () => {
  it('two coders sync an edit both ways', async () => {
    const a = client(users.coderA, rooms.revealed);
    const b = client(users.coderB, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    marks(a).set('x@1|a', 1);
    await waitUntil(() => marks(b).get('x@1|a') === 1, 5000, 'B sees A');
    marks(b).set('x@1|b', 0);
    await waitUntil(() => marks(a).get('x@1|b') === 0, 5000, 'A sees B');
    const stored = await storedState(rooms.revealed);
    expect(stored.getMap('proposals').toJSON()).toMatchObject({ 'x@1|a': 1, 'x@1|b': 0 });
  });

  it("drops a supervisor's edits, while the supervisor still receives the coders' edits", async () => {
    const a = client(users.coderA, rooms.revealed);
    const s = client(users.supervisor, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(s)]);
    marks(s).set('x@2|sup', 1);
    marks(a).set('x@2|a', 1);
    await waitUntil(() => marks(s).get('x@2|a') === 1, 5000, 'supervisor sees A');
    // The supervisor's edit was sent before A's: had it been relayed, A would have it now.
    await new Promise((r) => setTimeout(r, 200));
    expect(marks(a).has('x@2|sup')).toBe(false);
    const stored = await storedState(rooms.revealed);
    expect(stored.getMap('proposals').has('x@2|sup')).toBe(false);
    expect(stored.getMap('proposals').get('x@2|a')).toBe(1);
    // A fresh coder client gets A's edit, not the supervisor's.
    const b = client(users.coderB, rooms.revealed);
    await whenSynced(b);
    expect(marks(b).get('x@2|a')).toBe(1);
    expect(marks(b).has('x@2|sup')).toBe(false);
  });

  it("acknowledges a writer's stored edits with the room's state vector, never a read-only member's", async () => {
    const acks = new Map<WebsocketProvider, Map<number, number>>();
    const listen = (p: WebsocketProvider) => {
      p.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => acks.set(p, Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
      return p;
    };
    const a = listen(client(users.coderA, rooms.revealed));
    const s = listen(client(users.supervisor, rooms.revealed));
    await Promise.all([whenSynced(a), whenSynced(s)]);
    marks(a).set('x@5|a', 1);
    marks(a).set('x@5|a2', 0);
    const mine = () => Y.decodeStateVector(Y.encodeStateVector(a.doc)).get(a.doc.clientID)!;
    await waitUntil(() => (acks.get(a)?.get(a.doc.clientID) ?? 0) >= mine(), 5000, 'A acknowledged');
    expect((await storedState(rooms.revealed)).getMap('proposals').get('x@5|a2')).toBe(0);
    marks(s).set('x@5|sup', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(acks.get(s)?.get(s.doc.clientID)).toBeUndefined();
    // A deletion alone (no new struct, only a delete set) is acknowledged too.
    acks.delete(a);
    marks(a).delete('x@5|a2');
    await waitUntil(() => (acks.get(a)?.get(a.doc.clientID) ?? 0) >= mine(), 5000, 'deletion acknowledged');
    expect((await storedState(rooms.revealed)).getMap('proposals').has('x@5|a2')).toBe(false);
    // Reconnecting with nothing new (sync step 2 adds nothing): still told all is stored.
    a.disconnect();
    acks.delete(a);
    a.params = { token: token(users.coderA, rooms.revealed) };
    a.connect();
    await waitUntil(() => (acks.get(a)?.get(a.doc.clientID) ?? 0) >= mine(), 5000, 'A acknowledged after reconnecting');
  });

  it('refuses a blind session with 4403 before any document byte', async () => {
    expect(await probe(`${rooms.blind}?token=${token(users.coderA, rooms.blind)}`)).toEqual({ code: 4403, frames: 0 });
    // The standard client stops retrying.
    const p = client(users.coderA, rooms.blind);
    const closed = await new Promise<{ code: number }>((resolve) => p.once('closed', resolve));
    expect(closed.code).toBe(4403);
    expect(p.shouldConnect).toBe(false);
  });

  it('refuses outsiders of a room: 4403 for a non-member, 4401 for bad, expired or foreign tokens', async () => {
    const outsider = 'no-such-user';
    expect(await probe(`${rooms.revealed}?token=${token(outsider, rooms.revealed)}`)).toEqual({ code: 4403, frames: 0 });
    const good = token(users.coderA, rooms.revealed);
    const tampered = `${good.slice(0, -3)}${good.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    expect(await probe(`${rooms.revealed}?token=${tampered}`)).toEqual({ code: 4401, frames: 0 });
    expect(await probe(`${rooms.revealed}?token=${token(users.coderA, rooms.revealed, 'write', -1)}`)).toEqual({ code: 4401, frames: 0 });
    expect(await probe(`${rooms.revealed}?token=${token(users.coderA, rooms.finalized)}`)).toEqual({ code: 4401, frames: 0 });
    expect(await probe(rooms.revealed)).toEqual({ code: 4401, frames: 0 });
    expect(await probe(`board:..%2F..?token=${good}`)).toEqual({ code: 4400, frames: 0 });
  });

  it('refuses a foreign or missing Origin', async () => {
    const path = `${rooms.revealed}?token=${token(users.coderA, rooms.revealed)}`;
    expect(await probe(path, 'http://evil.example')).toEqual({ code: 4403, frames: 0 });
    expect(await probe(path, '')).toEqual({ code: 4403, frames: 0 });
  });

  it('resyncs a reconnecting client without loss, edits made offline included', async () => {
    const a = client(users.coderA, rooms.revealed);
    const b = client(users.coderB, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.disconnect();
    marks(a).set('x@3|a-offline', 1);
    marks(b).set('x@3|b-meanwhile', 1);
    await waitUntil(async () => (await storedState(rooms.revealed)).getMap('proposals').has('x@3|b-meanwhile'), 5000, 'B stored');
    a.params = { token: token(users.coderA, rooms.revealed) };
    a.connect();
    await waitUntil(() => marks(a).has('x@3|b-meanwhile') && marks(b).has('x@3|a-offline'), 5000, 'both converge');
    expect(marks(a).toJSON()).toEqual(marks(b).toJSON());
  });

  it('watches a finalized board read-only for coders too', async () => {
    const a = client(users.coderA, rooms.finalized);
    const b = client(users.coderB, rooms.finalized);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    marks(a).set('y@1|a', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(marks(b).has('y@1|a')).toBe(false);
    expect((await storedState(rooms.finalized)).getMap('proposals').size).toBe(0);
  });

  it('freezeRoom (finalize) turns the coders of a live board read-only', async () => {
    const a = client(users.coderA, rooms.revealed);
    const b = client(users.coderB, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    marks(a).set('x@4|a', 1);
    await waitUntil(() => marks(b).get('x@4|a') === 1, 5000, 'B sees A');
    await realtimeHub()!.freezeRoom(rooms.revealed);
    const before = Y.encodeStateVector(await storedState(rooms.revealed));
    marks(a).set('x@4|a-late', 1);
    marks(b).set('x@4|b-late', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(marks(a).has('x@4|b-late')).toBe(false);
    expect(marks(b).has('x@4|a-late')).toBe(false);
    expect(Y.encodeStateVector(await storedState(rooms.revealed))).toEqual(before);
    const state = new Y.Doc();
    Y.applyUpdate(state, await realtimeHub()!.readDocState(rooms.revealed));
    expect(state.getMap('proposals').get('x@4|a')).toBe(1);
    expect(state.getMap('proposals').has('x@4|a-late')).toBe(false);
  });
});

describe('a finalize that fails its checks', () => {
  it('thawRoom lifts the freeze: clients reconnect, and what they wrote while frozen is stored and relayed', async () => {
    const a = client(users.coderA, rooms.revealed);
    const b = client(users.coderB, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    await realtimeHub()!.freezeRoom(rooms.revealed);
    marks(a).set('x@5|a-while-frozen', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(marks(b).has('x@5|a-while-frozen')).toBe(false);
    await realtimeHub()!.thawRoom(rooms.revealed);
    await waitUntil(() => marks(b).get('x@5|a-while-frozen') === 1, 10_000, 'B sees what A wrote while frozen');
    await waitUntil(async () => (await storedState(rooms.revealed)).getMap('proposals').get('x@5|a-while-frozen') === 1, 5000, 'stored');
    marks(b).set('x@5|b-after-thaw', 1);
    await waitUntil(() => marks(a).get('x@5|b-after-thaw') === 1, 5000, 'writable again');
  });
});

describe('realtime durability and lifecycle', () => {
  it('keeps every relayed edit across a restart, compacts the log and unloads idle rooms', async () => {
    await stopServer();
    await startServer({ idleUnloadMs: 150, compactEvery: 10 });
    const a = client(users.coderA, rooms.revealed);
    const b = client(users.coderB, rooms.revealed);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    // The room was frozen in memory only; after the restart the policy (revealed) applies again.
    for (let i = 0; i < 25; i++) marks(a).set(`z@${i}|a`, i % 2);
    await waitUntil(() => marks(b).get('z@24|a') === 0, 5000, 'B sees all of A');
    const logRows = async () => (await rawQuery<{ n: number | string }>(tdb.target, 'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?', [rooms.revealed]))[0]!.n;
    await waitUntil(async () => Number(await logRows()) < 10, 5000, 'log compacted');
    const snapshots = await rawQuery(tdb.target, 'SELECT seq FROM doc_snapshots WHERE doc_id = ?', [rooms.revealed]);
    expect(snapshots).toHaveLength(1);
    a.destroy();
    b.destroy();
    await waitUntil(() => realtime.stats().rooms === 0, 5000, 'idle room unloaded');
    expect(Number(await logRows())).toBe(0);
    await stopServer();
    await startServer();
    const c = client(users.coderB, rooms.revealed);
    await whenSynced(c);
    for (let i = 0; i < 25; i++) expect(marks(c).get(`z@${i}|a`)).toBe(i % 2);
    expect(marks(c).get('x@4|a')).toBe(1);
  });

  it('closes (4403) a member who was removed from the project, at revokeUser', async () => {
    const b = client(users.coderB, rooms.revealed);
    await whenSynced(b);
    const closed = new Promise<{ code: number }>((resolve) => b.once('closed', resolve));
    await removeMember(tdb.database, projectId, users.coderB, users.owner);
    await realtimeHub()!.revokeUser(users.coderB);
    expect((await closed).code).toBe(4403);
  });
});
