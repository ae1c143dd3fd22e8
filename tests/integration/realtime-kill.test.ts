/*
 * Durability of the realtime board against a real process kill. The real server process
 * (server/index.ts, production build in .next) seeds the demo; the two demo coders sign in
 * through next-auth, get realtime tokens from POST /api/realtime/token, and edit the
 * revealed board at once, continuously. The process is killed with SIGKILL in the middle of
 * it and started again on the same data: every edit that one coder's client had received
 * from the other (so the server had relayed it) is still there for fresh clients.
 * Needs `npx next build` to have run.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listProjects } from '@/lib/projects/projects';
import { listSessions } from '@/lib/sessions/sessions';
import { connectClient, waitUntil, whenSynced } from '@/server/realtime/node-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { demoPasswords, startServer, type RunningServer } from './support/server-process';
import { Browser } from './support/http';

let tdb: TestDatabase;
let server: RunningServer | null = null;
let sessionId: string;
let projectId: string;
const EMAILS = ['coder.a@demo.concord', 'coder.b@demo.concord'] as const;

/** Signs the coder in through next-auth and asks the token route for the board's token. */
async function boardClient(running: RunningServer, email: string): Promise<WebsocketProvider> {
  const browser = new Browser(running.url);
  expect(await browser.signIn(email, demoPasswords(tdb.env.DATA_DIR!).get(email)!)).toBe(true);
  const res = await fetch(new URL('/api/realtime/token', running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `next-auth.session-token=${browser.cookie('next-auth.session-token')}` },
    body: JSON.stringify({ projectId, sessionId }),
  });
  expect(res.status).toBe(200);
  const answer = (await res.json()) as { token: string; room: string; mode: string; path: string };
  expect(answer).toMatchObject({ room: `board:${sessionId}`, mode: 'write', path: '/realtime' });
  return connectClient(new Y.Doc(), { serverUrl: running.url.replace(/^http/, 'ws') + answer.path, room: answer.room, token: answer.token, origin: running.url });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startServer({ ...tdb.env, CONCORD_DEMO: 'on' });
  projectId = (await listProjects(tdb.database))[0]!.id;
  sessionId = (await listSessions(tdb.database, projectId)).find((s) => s.label === 'K-01 intake talk')!.id;
});

afterAll(async () => {
  await server?.stop();
  await tdb?.drop();
});

it('keeps every edit either coder had seen from the other when the server is killed mid-session', async () => {
  const [a, b] = await Promise.all(EMAILS.map((email) => boardClient(server!, email)));
  await Promise.all([whenSynced(a!), whenSynced(b!)]);
  const clients = [a!, b!];
  // Both coders keep settling cells; each edit is a key of its own in the proposals map.
  let n = 0;
  const editing = setInterval(() => {
    for (const [i, c] of clients.entries()) c.doc.getMap('proposals').set(`cell@${n}|${i}`, n % 2);
    n++;
  }, 3);
  const fromOther = (i: number) => [...clients[i]!.doc.getMap('proposals').keys()].filter((k) => !k.endsWith(`|${i}`));
  await waitUntil(() => fromOther(0).length > 100 && fromOther(1).length > 100, 20_000, 'edits flowing both ways');
  const killed = server!.stop('SIGKILL');
  await killed;
  clearInterval(editing);
  // What each client had received from the other: relayed by the server, so durable.
  const seen = [fromOther(0), fromOther(1)];
  for (const c of clients) c.destroy();
  expect(Math.min(seen[0]!.length, seen[1]!.length)).toBeGreaterThan(100);
  expect(server!.process.signalCode).toBe('SIGKILL');

  server = await startServer({ ...tdb.env, CONCORD_DEMO: 'on' });
  const fresh = await Promise.all(EMAILS.map((email) => boardClient(server!, email)));
  await Promise.all(fresh.map((c) => whenSynced(c)));
  for (const c of fresh) {
    const keys = new Set(c.doc.getMap('proposals').keys());
    const lost = seen.flat().filter((k) => !keys.has(k));
    expect(lost, `lost after the kill: ${lost.slice(0, 5).join(', ')}`).toEqual([]);
  }
  for (const c of fresh) c.destroy();
}, 120_000);
