/*
 * Blind tallying over HTTP, against the real process (server/index.ts with the production
 * build in .next): the tally API for the coder, refusals for everyone else that carry no
 * marks or counts, bad input answered with the right status while the server stays up,
 * and no page of the project leaking a coder's note before the reveal.
 * The server seeds the demo itself (CONCORD_DEMO) into the empty test database and writes
 * the demo passwords to DATA_DIR/demo-accounts.txt. Needs `npx next build` to have run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail } from '@/lib/accounts/users';
import { flattenBehaviours } from '@/lib/codebook/model';
import { listProjects } from '@/lib/projects/projects';
import { listAssignments, listSessions } from '@/lib/sessions/sessions';
import { ownProgress } from '@/lib/tally/progress';
import { loadTallyContext } from '@/lib/tally/access';
import type { CellWrite } from '@/lib/tally/model';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { demoPasswords, startServer, type RunningServer } from './support/server-process';
import { Browser } from './support/http';
import { leaksInternals } from './support/errors';

type Who = 'owner' | 'coderA' | 'coderB' | 'trainer' | 'supervisor' | 'outsider';

const A_NOTE = 'zq-A-secret-note-81d4: mother looks away when the worker asks';
const A_MOMENT = 2999.7;
const B_NOTE = 'zq-B-own-note-5be2: my doubt here';

let tdb: TestDatabase;
let server: RunningServer;
let projectId: string;
let sessionIds: [string, string];
/** Every session of the demo still blind (coding), including the demo's half-submitted one. */
let codingSessionIds: string[];
let behaviourKeys: string[];
let coderAId: string;
const passwords = {} as Record<Who, { email: string; password: string }>;
const browsers = {} as Record<Who, Browser>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startServer({ ...tdb.env, CONCORD_DEMO: 'on' });
  const demo = demoPasswords(tdb.env.DATA_DIR!);
  expect(demo.size).toBe(8);
  const emails: Record<Exclude<Who, 'outsider'>, string> = {
    owner: 'owner@demo.concord',
    coderA: 'coder.a@demo.concord',
    coderB: 'coder.b@demo.concord',
    trainer: 'trainer@demo.concord',
    supervisor: 'supervisor@demo.concord',
  };
  for (const [who, email] of Object.entries(emails) as [Exclude<Who, 'outsider'>, string][]) passwords[who] = { email, password: demo.get(email)! };
  passwords.outsider = { email: 'outsider@example.org', password: 'outsider password' };
  await createUser(tdb.database, { ...passwords.outsider, name: 'Out Sider' });

  const projects = await listProjects(tdb.database);
  expect(projects).toHaveLength(1);
  projectId = projects[0]!.id;
  // Two sessions still blind, where nobody has marked or submitted anything yet (the demo also
  // seeds sessions further along: revealed, finalized, half-submitted).
  const sessions = await listSessions(tdb.database, projectId);
  const assignments = await listAssignments(tdb.database, sessions.map((s) => s.id));
  coderAId = (await findUserByEmail(tdb.database, passwords.coderA.email))!.id;
  const coderBId = (await findUserByEmail(tdb.database, passwords.coderB.email))!.id;
  const touchedByA = await ownProgress(tdb.database, coderAId, sessions.map((s) => s.id));
  const touchedByB = await ownProgress(tdb.database, coderBId, sessions.map((s) => s.id));
  const fresh = sessions.filter((s) => {
    const coders = assignments.get(s.id) ?? [];
    const pair = coders.length === 2 && coders.some((a) => a.coderId === coderAId) && coders.some((a) => a.coderId === coderBId);
    return s.status === 'coding' && pair && coders.every((a) => !a.submitted) && !touchedByA.has(s.id) && !touchedByB.has(s.id);
  });
  expect(fresh.length).toBeGreaterThanOrEqual(2);
  codingSessionIds = sessions.filter((s) => s.status === 'coding').map((s) => s.id);
  sessionIds = [fresh[0]!.id, fresh[1]!.id];
  const ctx = (await loadTallyContext(tdb.database, projectId, sessionIds[0]))!;
  behaviourKeys = flattenBehaviours(ctx.codebook).map((p) => p.behaviour.key);

  for (const who of Object.keys(passwords) as Who[]) {
    const browser = new Browser(server.url);
    expect(await browser.signIn(passwords[who].email, passwords[who].password), who).toBe(true);
    browsers[who] = browser;
  }
});
afterAll(async () => {
  await server?.stop();
  await tdb?.drop();
});

interface ApiAnswer {
  status: number;
  contentType: string;
  text: string;
  json: Record<string, unknown> | null;
}

/** A JSON request with the browser's session cookie (or none for `null`). */
async function call(who: Who | null, urlPath: string, init: { method?: string; body?: string | ReadableStream<Uint8Array>; contentType?: string } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = `next-auth.session-token=${browsers[who].cookie('next-auth.session-token')!}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const res = await fetch(new URL(urlPath, server.url), {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body,
    redirect: 'manual',
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

const tallyUrl = (sessionId: string, coder?: string) => `/api/projects/${projectId}/sessions/${sessionId}/tally${coder ? `?coder=${encodeURIComponent(coder)}` : ''}`;
const submitUrl = (sessionId: string) => `/api/projects/${projectId}/sessions/${sessionId}/tally/submit`;

const T0 = 1_732_000_000_000;
function cell(b: number, interval: number, value: 0 | 1 = 1, note = '', moments: number[] = [], clientTime = T0): CellWrite {
  return { behaviourKey: behaviourKeys[b]!, interval, value, note, moments, clientTime };
}
const post = (who: Who | null, sessionId: string, cells: unknown[], ratings: unknown[] = []) => call(who, tallyUrl(sessionId), { body: JSON.stringify({ cells, ratings }) });

/** A refusal over HTTP: JSON with an error message (and code), nothing of the tally. */
function expectBareJsonRefusal(answer: ApiAnswer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toContain('application/json');
  expect(answer.json).not.toBeNull();
  expect(typeof answer.json!.error).toBe('string');
  expect(Object.keys(answer.json!).sort()).toEqual(status === 401 ? ['error'] : ['code', 'error']);
  expect(answer.text).not.toContain(A_NOTE);
  expect(answer.text).not.toContain(String(A_MOMENT));
  expect(answer.text).not.toMatch(/\d/); // no counts, intervals or times
  for (const key of behaviourKeys) expect(answer.text).not.toContain(key);
  expect(leaksInternals(answer.text)).toBe(false);
}

const A_CELLS = () => [cell(0, 0), cell(0, 1), cell(1, 4, 1, A_NOTE, [A_MOMENT]), cell(2, 9, 0, 'unmarked, noted')];

describe('the coder and their own tally', () => {
  it('coder A posts marks and gets them back', async () => {
    const posted = await post('coderA', sessionIds[0], A_CELLS());
    expect(posted.status).toBe(200);
    expect(posted.json).toEqual({ ok: true, applied: 4 });

    const got = await call('coderA', tallyUrl(sessionIds[0]));
    expect(got.status).toBe(200);
    expect(got.text).toContain(A_NOTE);
    const tally = got.json as { coderId: string; submitted: boolean; cells: CellWrite[] };
    expect(tally.coderId).toBe(coderAId);
    expect(tally.submitted).toBe(false);
    const sort = (cs: CellWrite[]) => [...cs].sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
    expect(sort(tally.cells)).toEqual(sort(A_CELLS()));
    // Asking for oneself by id is the same.
    expect((await call('coderA', tallyUrl(sessionIds[0], coderAId))).json).toEqual(got.json);
  });

  it('coder B posts into B\'s own tally, even when the URL names coder A', async () => {
    const answer = await call('coderB', tallyUrl(sessionIds[0], coderAId), { body: JSON.stringify({ cells: [cell(1, 4, 0, B_NOTE, [], T0 + 50_000)], ratings: [] }) });
    expect(answer.status).toBe(200);
    const mine = (await call('coderB', tallyUrl(sessionIds[0]))).json as { cells: CellWrite[] };
    expect(mine.cells).toEqual([cell(1, 4, 0, B_NOTE, [], T0 + 50_000)]);
    const a = (await call('coderA', tallyUrl(sessionIds[0]))).json as { cells: CellWrite[] };
    expect(a.cells).toContainEqual(cell(1, 4, 1, A_NOTE, [A_MOMENT]));
    expect(a.cells).toHaveLength(4);
  });
});

describe("nobody else gets coder A's tally before the reveal", () => {
  for (const who of ['coderB', 'supervisor', 'trainer', 'owner'] as const) {
    it(`${who}: GET ?coder=<A> → 403, JSON error, no marks, no counts`, async () => {
      expectBareJsonRefusal(await call(who, tallyUrl(sessionIds[0], coderAId)), 403);
    });
  }

  it("in every blind session of the demo (the half-submitted one too), B and the supervisor get 403 for A's tally", async () => {
    expect(codingSessionIds.length).toBeGreaterThanOrEqual(2);
    for (const sessionId of codingSessionIds) {
      for (const who of ['coderB', 'supervisor'] as const) {
        const answer = await call(who, tallyUrl(sessionId, coderAId));
        expect(answer.status, `${who} ${sessionId}`).toBe(403);
        expect(Object.keys(answer.json ?? {}).sort()).toEqual(['code', 'error']);
      }
    }
  });

  it('a non-member: 404 for A\'s tally, their own and a post', async () => {
    expectBareJsonRefusal(await call('outsider', tallyUrl(sessionIds[0], coderAId)), 404);
    expectBareJsonRefusal(await call('outsider', tallyUrl(sessionIds[0])), 404);
    expectBareJsonRefusal(await post('outsider', sessionIds[0], [cell(0, 0)]), 404);
  });

  it('without a session: 401 for reading and writing', async () => {
    expectBareJsonRefusal(await call(null, tallyUrl(sessionIds[0], coderAId)), 401);
    expectBareJsonRefusal(await call(null, tallyUrl(sessionIds[0])), 401);
    expectBareJsonRefusal(await post(null, sessionIds[0], [cell(0, 0)]), 401);
    expectBareJsonRefusal(await call(null, submitUrl(sessionIds[0]), { method: 'POST' }), 401);
  });

  it('the refusal to B is the same for a coder with marks and one without', async () => {
    const withMarks = await call('coderB', tallyUrl(sessionIds[0], coderAId));
    const withoutMarks = await call('coderB', tallyUrl(sessionIds[1], coderAId));
    expect(withMarks.text).toBe(withoutMarks.text);
  });

  it('the supervisor, trainer and owner cannot write or submit a tally (403)', async () => {
    for (const who of ['supervisor', 'trainer', 'owner'] as const) {
      expect((await post(who, sessionIds[0], [cell(0, 0)])).status, who).toBe(403);
      expect((await call(who, submitUrl(sessionIds[0]), { method: 'POST' })).status, who).toBe(403);
    }
  });

  it('an unknown session answers 404 to a member', async () => {
    expect((await call('coderA', tallyUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await call('coderA', tallyUrl('not-a-uuid'))).status).toBe(404);
  });
});

describe('bad input: the right status, nothing written, the server stays up', () => {
  async function aCells() {
    return ((await call('coderA', tallyUrl(sessionIds[0]))).json as { cells: CellWrite[] }).cells;
  }

  it('malformed JSON → 400', async () => {
    const before = await aCells();
    const answer = await call('coderA', tallyUrl(sessionIds[0]), { body: '{"cells": [ {"behaviourKey": ' });
    expect(answer.status).toBe(400);
    expect(typeof answer.json?.error).toBe('string');
    expect(leaksInternals(answer.text)).toBe(false);
    expect(await aCells()).toEqual(before);
  });

  it('well-formed JSON of the wrong shape (value 2) → 422', async () => {
    const answer = await post('coderA', sessionIds[0], [{ ...cell(0, 0), value: 2 }]);
    expect(answer.status).toBe(422);
    expect(answer.json?.code).toBe('tally.malformed');
  });

  it('a 3 MB body → 413', async () => {
    const before = await aCells();
    const huge = JSON.stringify({ cells: [cell(0, 0, 1, 'x'.repeat(3 * 1024 * 1024))], ratings: [] });
    const answer = await call('coderA', tallyUrl(sessionIds[0]), { body: huge });
    expect(answer.status).toBe(413);
    expect(typeof answer.json?.error).toBe('string');
    expect(await aCells()).toEqual(before);
  });

  it('a 3 MB body without a content-length (streamed) → 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"cells":[],"pad":"'));
        if (sent >= 3 * 1024 * 1024) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const answer = await call('coderA', tallyUrl(sessionIds[0]), { body });
    expect(answer.status).toBe(413);
  });

  it('an interval outside the session → 422 listing every problem; nothing written', async () => {
    const before = await aCells();
    const answer = await post('coderA', sessionIds[0], [cell(3, 3), cell(3, 10), { ...cell(0, 2), behaviourKey: 'no-such-behaviour' }, cell(4, -1)]);
    expect(answer.status).toBe(422);
    expect(typeof answer.json?.error).toBe('string');
    expect(answer.json?.problems).toEqual([
      { index: 1, kind: 'cell', problem: 'interval-out-of-range' },
      { index: 2, kind: 'cell', problem: 'unknown-behaviour' },
      { index: 3, kind: 'cell', problem: 'interval-out-of-range' },
    ]);
    expect(await aCells()).toEqual(before);
  });

  it('the server is still up and answering', async () => {
    expect(server.process.exitCode).toBeNull();
    const answer = await call('coderA', tallyUrl(sessionIds[0]));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(A_NOTE);
    expect(leaksInternals(server.output())).toBe(false);
  });
});

describe('submit', () => {
  it('after A submits, A\'s posts answer 409 and the tally stays as it was', async () => {
    expect((await post('coderA', sessionIds[1], [cell(5, 5)])).status).toBe(200);
    const submitted = await call('coderA', submitUrl(sessionIds[1]), { method: 'POST' });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toEqual({ revealed: false, finalized: false });

    const again = await post('coderA', sessionIds[1], [cell(5, 5, 0, '', [], T0 + 1), cell(6, 6)]);
    expect(again.status).toBe(409);
    expect(again.json?.code).toBe('tally.submitted');
    expect((await call('coderA', submitUrl(sessionIds[1]), { method: 'POST' })).status).toBe(409);
    const tally = (await call('coderA', tallyUrl(sessionIds[1]))).json as { submitted: boolean; cells: CellWrite[] };
    expect(tally.submitted).toBe(true);
    expect(tally.cells).toEqual([cell(5, 5)]);
  });

  it('B still cannot read A\'s submitted tally until B submits too', async () => {
    expectBareJsonRefusal(await call('coderB', tallyUrl(sessionIds[1], coderAId)), 403);
    expectBareJsonRefusal(await call('supervisor', tallyUrl(sessionIds[1], coderAId)), 403);
  });
});

describe("no page shows coder A's note to anyone else before the reveal", () => {
  const pages = () => [
    '/',
    `/projects/${projectId}`,
    `/projects/${projectId}/sessions`,
    `/projects/${projectId}/sessions/${sessionIds[0]}`,
    `/projects/${projectId}/sessions/${sessionIds[1]}`,
    `/projects/${projectId}/sessions/${sessionIds[0]}/tally`,
    `/projects/${projectId}/sessions/${sessionIds[1]}/tally`,
    `/projects/${projectId}/members`,
    `/projects/${projectId}/cases`,
    `/projects/${projectId}/codebook`,
    `/projects/${projectId}/audit`,
  ];

  it("coder A's own tally page carries A's note (so the checks below can see a leak)", async () => {
    const page = await browsers.coderA.get(`/projects/${projectId}/sessions/${sessionIds[0]}/tally`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(A_NOTE);
  });

  it("coder B's tally page shows B's own grid and note, and nothing of A's", async () => {
    const page = await browsers.coderB.get(`/projects/${projectId}/sessions/${sessionIds[0]}/tally`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(B_NOTE);
    expect(page.body).not.toContain(A_NOTE);
    expect(page.body).not.toContain(String(A_MOMENT));
    expect(page.body).not.toContain('unmarked, noted');
  });

  it('the supervisor has no tally page for a session (404), without A\'s note', async () => {
    const page = await browsers.supervisor.get(`/projects/${projectId}/sessions/${sessionIds[0]}/tally`);
    expect(page.status).toBe(404);
    expect(page.body).not.toContain(A_NOTE);
    expect(leaksInternals(page.body)).toBe(false);
  });

  for (const who of ['coderB', 'supervisor', 'trainer', 'owner', 'outsider'] as const) {
    it(`${who}: no project page contains A's note or moment`, async () => {
      for (const p of pages()) {
        const page = await browsers[who].get(p);
        expect(page.status, `${who} ${p}`).toBeLessThan(500);
        expect(page.body, `${who} ${p}`).not.toContain(A_NOTE);
        expect(page.body, `${who} ${p}`).not.toContain(String(A_MOMENT));
        expect(leaksInternals(page.body), `${who} ${p}`).toBe(false);
      }
    });
  }

  it("B's project overview shows B's own progress, never A's", async () => {
    // A has touched 4 intervals of session 1 (0, 1, 4, 9); B one (4).
    const page = await browsers.coderB.get(`/projects/${projectId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('in progress: 1 of 10 intervals');
    expect(page.body).not.toContain('4 of 10');
    const supervisor = await browsers.supervisor.get(`/projects/${projectId}`);
    expect(supervisor.body).not.toContain('in progress');
    expect(supervisor.body).not.toContain('4 of 10');
  });
});

describe('after the reveal', () => {
  it("B's submit reveals session 2; then B and the supervisor read A's tally, the trainer still gets 403", async () => {
    const submitted = await call('coderB', submitUrl(sessionIds[1]), { method: 'POST' });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toEqual({ revealed: true, finalized: false });
    for (const who of ['coderB', 'supervisor', 'owner'] as const) {
      const answer = await call(who, tallyUrl(sessionIds[1], coderAId));
      expect(answer.status, who).toBe(200);
      expect((answer.json as { cells: CellWrite[] }).cells, who).toEqual([cell(5, 5)]);
    }
    expectBareJsonRefusal(await call('trainer', tallyUrl(sessionIds[1], coderAId)), 403);
    expectBareJsonRefusal(await call('outsider', tallyUrl(sessionIds[1], coderAId)), 404);
  });

  it('session 1 is still blind', async () => {
    expectBareJsonRefusal(await call('coderB', tallyUrl(sessionIds[0], coderAId)), 403);
    expectBareJsonRefusal(await call('supervisor', tallyUrl(sessionIds[0], coderAId)), 403);
  });
});
