/*
 * The review desk over HTTP, against the real process (server/index.ts with the production
 * build in .next) on the demo project with its review notes: the pages and the export for
 * reviewers only, exports audited, and no route or page of the application that changes or
 * deletes an audit entry — every method on every route handler and project page is tried,
 * and every audit row must still be there, unchanged. Needs `npx next build` to have run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/accounts/users';
import { seedDemoReview } from '@/lib/demo/demo-review';
import { seedDemo } from '@/lib/demo/seed';
import { actorIn } from '@/lib/projects/projects';
import { collectDisagreements } from '@/lib/review/collect';
import { listSessions } from '@/lib/sessions/sessions';
import { DocStore } from '@/lib/realtime/doc-store';
import { createTestDatabase, rawQuery, type TestDatabase } from './support/test-database';
import { startServer, type RunningServer } from './support/server-process';
import { Browser } from './support/http';
import { leaksInternals } from './support/errors';

type Who = 'owner' | 'supervisor' | 'coderA' | 'trainer' | 'outsider';

let tdb: TestDatabase;
let server: RunningServer;
let projectId: string;
let finalizedId: string;
let behaviourKey: string;
let cell: string;
let disagreementCount: number;
const browsers = {} as Record<Who, Browser>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const seeded = (await seedDemo(tdb.database))!;
  projectId = seeded.projectId;
  await seedDemoReview(tdb.database, projectId);
  const outsider = { email: 'outsider@example.org', password: 'outsider password', name: 'Out Sider' };
  await createUser(tdb.database, outsider);
  finalizedId = (await listSessions(tdb.database, projectId)).find((s) => s.label === 'K-02 intake talk')!.id;
  const supervisor = seeded.accounts.find((a) => a.email === 'supervisor@demo.concord')!;
  const items = (await collectDisagreements(tdb.database, await actorIn(tdb.database, projectId, (await tdb.database.db.select().from(tdb.database.t.users)).find((u) => u.email === supervisor.email)!.id), projectId, { readDoc: (id) => new DocStore(tdb.database).readState(id) })).items;
  disagreementCount = items.length;
  const first = items.find((d) => d.sessionId === finalizedId)!;
  [behaviourKey, cell] = [first.behaviour.key, first.cell];

  server = await startServer(tdb.env);
  const emails: Record<Exclude<Who, 'outsider'>, string> = { owner: 'owner@demo.concord', supervisor: 'supervisor@demo.concord', coderA: 'coder.a@demo.concord', trainer: 'trainer@demo.concord' };
  for (const [who, email] of Object.entries(emails) as [Who, string][]) {
    browsers[who] = new Browser(server.url);
    expect(await browsers[who].signIn(email, seeded.accounts.find((a) => a.email === email)!.password)).toBe(true);
  }
  browsers.outsider = new Browser(server.url);
  expect(await browsers.outsider.signIn(outsider.email, outsider.password)).toBe(true);
});
afterAll(async () => {
  if (process.env.SHOW_SERVER) console.log(server?.output());
  await server?.stop();
  await tdb?.drop();
});

const base = () => `/projects/${projectId}`;
const exportUrl = (query: string) => `/api/projects/${projectId}/review/export?${query}`;

async function download(who: Who | null, url: string) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = `next-auth.session-token=${browsers[who].cookie('next-auth.session-token')!}`;
  const res = await fetch(new URL(url, server.url), { headers, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('the review pages', () => {
  it('a supervisor and an owner read the desk, a behaviour\'s rationales, a cell and the printable page', async () => {
    for (const who of ['supervisor', 'owner'] as const) {
      const desk = await browsers[who].get(`${base()}/review?behaviour=${behaviourKey}&sort=recent`);
      expect(desk.status).toBe(200);
      expect(desk.body).toContain('Review desk');
      expect(desk.body).toMatch(/\d+:\d\d: /);
      expect((await browsers[who].get(`${base()}/review/behaviours/${behaviourKey}`)).body).toContain('All rationales, side by side');
      expect((await browsers[who].get(`${base()}/review/cells/${finalizedId}/${encodeURIComponent(cell)}`)).status).toBe(200);
      expect((await browsers[who].get(`${base()}/review/print?q=advice`)).body).toContain('Disagreement notes: ');
    }
  });

  it('coders and trainers get 403, a non-member 404, on every review page', async () => {
    const pages = ['/review', `/review/behaviours/${behaviourKey}`, `/review/cells/${finalizedId}/${encodeURIComponent(cell)}`, '/review/print'];
    for (const page of pages) {
      for (const who of ['coderA', 'trainer'] as const) expect((await browsers[who].get(`${base()}${page}`)).status, `${who} ${page}`).toBe(403);
      const outsider = await browsers.outsider.get(`${base()}${page}`);
      expect(outsider.status, page).toBe(404);
      expect(outsider.body).not.toContain('it matches the definition');
    }
  });
});

describe('exporting the disagreement notes', () => {
  it('CSV and XLSX downloads for reviewers, each audited', async () => {
    const csv = await download('supervisor', exportUrl('format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toMatch(/^attachment; filename="disagreement-notes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = new TextDecoder().decode(csv.bytes);
    expect(text.split('\r\n')[0]).toContain('Rationale');
    const filtered = await download('owner', exportUrl(`format=xlsx&behaviour=${behaviourKey}`));
    expect(filtered.status).toBe(200);
    expect([filtered.bytes[0], filtered.bytes[1]]).toEqual([0x50, 0x4b]);
    const audit = await rawQuery<{ kind: string; detail: string }>(tdb.target, "SELECT kind, detail FROM audit_events WHERE kind = 'export.created'");
    const details = audit.map((a) => JSON.parse(a.detail) as Record<string, unknown>).filter((d) => d.what === 'disagreement-notes');
    expect(details).toEqual([
      { what: 'disagreement-notes', format: 'csv', rows: disagreementCount, filters: '' },
      expect.objectContaining({ format: 'xlsx', filters: `behaviour=${behaviourKey}` }),
    ]);
  });

  it('refuses coders (403), non-members (404), the signed-out (401) and unknown formats (400), without detail', async () => {
    expect((await download('coderA', exportUrl('format=csv'))).status).toBe(403);
    expect((await download('outsider', exportUrl('format=csv'))).status).toBe(404);
    expect((await download(null, exportUrl('format=csv'))).status).toBe(401);
    const bad = await download('supervisor', exportUrl('format=pdf'));
    expect(bad.status).toBe(400);
    expect(leaksInternals(new TextDecoder().decode(bad.bytes))).toBe(false);
  });
});

/** Every route handler and page of the app, as URLs with the demo's ids filled in, with the methods it exports. */
function appRoutes(): { url: string; kind: 'route' | 'page'; exported: string[] }[] {
  const out: { url: string; kind: 'route' | 'page'; exported: string[] }[] = [];
  const fill: Record<string, string> = { projectId, sessionId: finalizedId, behaviourKey, cell: encodeURIComponent(cell), token: 'not-a-token', '...nextauth': 'session' };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts' || entry.name === 'page.tsx') {
        const segments = path.relative('app', dir).split(path.sep).filter((s) => s && !s.startsWith('('));
        const url = '/' + segments.map((s) => (s.startsWith('[') ? (fill[s.slice(1, -1)] ?? 'x') : s)).join('/');
        const text = fs.readFileSync(full, 'utf8');
        const exported = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => new RegExp(`export (const|async function) ${m}\\b|as ${m}\\b`).test(text));
        out.push({ url, kind: entry.name === 'route.ts' ? 'route' : 'page', exported });
      }
    }
  };
  walk('app');
  return out;
}

const METHODS = ['PUT', 'PATCH', 'DELETE', 'POST'];

describe('no route edits or deletes the audit log', () => {
  it('PUT, PATCH, DELETE and POST on every route handler and page leave every audit row as it was', async () => {
    const snapshot = () => rawQuery<Record<string, unknown>>(tdb.target, 'SELECT id, project_id, actor_id, kind, subject, detail, at FROM audit_events ORDER BY id');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(10);
    const routes = appRoutes();
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining([`${base()}/audit`, `${base()}/review`, `/api/projects/${projectId}/review/export`]));
    for (const who of ['owner', 'supervisor'] as const) {
      for (const route of routes) {
        for (const method of METHODS) {
          // Signing out through next-auth's POST is not an edit, and would end the session.
          if (route.url.startsWith('/api/auth') && method === 'POST') continue;
          const form = { id: String(before[0]!.id), kind: 'x', detail: '{}', _method: 'DELETE' };
          const res = await browsers[who].request(route.url, { method, form });
          const call = `${who} ${method} ${route.url}`;
          expect(leaksInternals(res.body), call).toBe(false);
          // A route handler answers a method it does not export with 405. A page has no
          // methods of its own: Next renders it (read-only) for any method.
          if (route.kind === 'route' && !route.exported.includes(method)) expect(res.status, call).toBe(405);
          if (route.kind === 'page') expect([200, 307, 403, 404], call).toContain(res.status);
        }
      }
      // No server action exists that the audit page could be made to run.
      const action = await fetch(new URL(`${base()}/audit`, server.url), {
        method: 'POST',
        headers: { cookie: `next-auth.session-token=${browsers[who].cookie('next-auth.session-token')!}`, 'next-action': 'f'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify([before[0]!.id]),
        redirect: 'manual',
      });
      // (Next answers an unknown action id with a 4xx: 404, or 409 when it may be version skew.)
      expect([404, 405, 409], 'bogus server action').toContain(action.status);
    }
    // Every row that was there is still there, unchanged; at most new rows were appended.
    const after = await snapshot();
    for (const row of before) expect(after).toContainEqual(row);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
  });
});
