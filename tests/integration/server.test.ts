/*
 * The real process (server/index.ts with the production build in .next): access control
 * over HTTP, sign-in throttling, start-up failures, graceful shutdown and the demo seed.
 * Needs `npx next build` to have run; this file does not build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/accounts/users';
import { seedDemo, type DemoAccount } from '@/lib/demo/seed';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { runServerToExit, startServer, type RunningServer } from './support/server-process';
import { Browser } from './support/http';
import { leaksInternals } from './support/errors';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'concord-server-'));
}

describe('HTTP access', () => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let projectId: string;
  let accounts: Record<string, DemoAccount>;
  const outsider = { email: 'outsider@example.org', password: 'outsider password' };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const seeded = (await seedDemo(tdb.database))!;
    projectId = seeded.projectId;
    accounts = Object.fromEntries(seeded.accounts.map((a) => [a.email.split('@')[0]!, a]));
    await createUser(tdb.database, { ...outsider, name: 'Out Sider' });
    server = await startServer(tdb.env);
  });
  afterAll(async () => {
    await server?.stop();
    await tdb?.drop();
  });

  /** A browser signed in as `email`. */
  async function as(email: string, password: string): Promise<Browser> {
    const browser = new Browser(server.url);
    expect(await browser.signIn(email, password)).toBe(true);
    expect((await browser.sessionUser())?.email).toBe(email);
    return browser;
  }
  const coder = () => as(accounts['coder.a']!.email, accounts['coder.a']!.password);

  it('redirects an unauthenticated visitor from / to /signin', async () => {
    const page = await new Browser(server.url).get('/');
    expect([302, 303, 307]).toContain(page.status);
    expect(new URL(page.location!, server.url).pathname).toBe('/signin');
  });

  it('serves /signin with status 200 and no stack trace', async () => {
    const page = await new Browser(server.url).get('/signin');
    expect(page.status).toBe(200);
    expect(page.body).toContain('type="password"');
    expect(leaksInternals(page.body)).toBe(false);
  });

  it('redirects an unauthenticated visitor from a project page to /signin', async () => {
    const page = await new Browser(server.url).get(`/projects/${projectId}`);
    expect([302, 303, 307]).toContain(page.status);
    expect(new URL(page.location!, server.url).pathname).toBe('/signin');
  });

  it('a signed-in member sees the projects list with their project', async () => {
    const page = await (await coder()).get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/projects/${projectId}`);
  });

  it('answers 404 to a non-member for a project and its members page', async () => {
    const browser = await as(outsider.email, outsider.password);
    for (const p of [`/projects/${projectId}`, `/projects/${projectId}/members`, `/projects/${projectId}/audit`]) {
      const page = await browser.get(p);
      expect(page.status, p).toBe(404);
      expect(page.body, p).not.toContain('Distance and proximity');
      expect(leaksInternals(page.body), p).toBe(false);
    }
  });

  it('answers 200 to a coder for the project and 403 for its audit log', async () => {
    const browser = await coder();
    const overview = await browser.get(`/projects/${projectId}`);
    expect(overview.status).toBe(200);
    expect(overview.body).toContain('Distance and proximity');
    const audit = await browser.get(`/projects/${projectId}/audit`);
    expect(audit.status).toBe(403);
    expect(audit.body).not.toContain('project.created');
    expect(leaksInternals(overview.body) || leaksInternals(audit.body)).toBe(false);
  });

  it('shows the audit log to the owner', async () => {
    const page = await (await as(accounts.owner!.email, accounts.owner!.password)).get(`/projects/${projectId}/audit`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('project.created');
  });

  it('answers 404 for unknown project ids, without a stack trace', async () => {
    const browser = await coder();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', `${projectId}x`]) {
      const page = await browser.get(`/projects/${id}`);
      expect(page.status, id).toBe(404);
      expect(leaksInternals(page.body), id).toBe(false);
    }
  });

  it('gives no session after 6 wrong passwords, not even for the right one', async () => {
    const { email, password } = accounts.trainer!;
    for (let i = 0; i < 6; i++) {
      const browser = new Browser(server.url);
      expect(await browser.signIn(email, `wrong password ${i}`)).toBe(false);
    }
    const browser = new Browser(server.url);
    expect(await browser.signIn(email, password)).toBe(false);
    expect(await browser.sessionUser()).toBeNull();
    const home = await browser.get('/');
    expect(new URL(home.location ?? '/', server.url).pathname).toBe('/signin');
  });

  it('gives no session after 10 wrong passwords sent at once, not even for the right one', async () => {
    const { email, password } = accounts.supervisor!;
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => new Browser(server.url).signIn(email, `parallel guess ${i}`)));
    expect(guesses.every((ok) => !ok)).toBe(true);
    expect(await new Browser(server.url).signIn(email, password)).toBe(false);
  });

  it('wrote no stack trace to the server output while answering these requests', () => {
    expect(leaksInternals(server.output())).toBe(false);
  });
});

describe('start-up failures', () => {
  it('exits non-zero with one line naming DATA_DIR when the data folder cannot be created', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    try {
      const { code, output } = await runServerToExit({ DATA_DIR: path.join(file, 'data'), DATABASE_URL: '' });
      expect(code).not.toBe(0);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toContain('DATA_DIR');
      expect(leaksInternals(output)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero with one line naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const dir = tempDir();
    try {
      const { code, output } = await runServerToExit({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@127.0.0.1:1/db' });
      expect(code).not.toBe(0);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toContain('DATABASE_URL');
      expect(leaksInternals(output)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero with one line, and no stack trace, when the web app has not been built', async () => {
    // The repository without its .next folder: its sources linked into a temporary folder.
    const repo = tempDir();
    const dataDir = tempDir();
    for (const entry of ['app', 'lib', 'server', 'drizzle', 'node_modules', 'package.json', 'tsconfig.json', 'next.config.js', 'next-env.d.ts']) {
      fs.symlinkSync(path.resolve(entry), path.join(repo, entry));
    }
    try {
      const { code, output } = await runServerToExit({ DATA_DIR: dataDir, DATABASE_URL: '', CONCORD_DEMO: 'off' }, { cwd: repo });
      expect(code).not.toBe(0);
      expect(output).toMatch(/build/i);
      expect(leaksInternals(output)).toBe(false);
      expect(output.trim().split('\n')).toHaveLength(1);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a fresh installation', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('seeds the demo once, prints the eight demo accounts, writes demo-accounts.txt and stops cleanly on SIGTERM', async () => {
    const server = await startServer(tdb.env);
    const code = await server.stop('SIGTERM');
    const output = server.output();
    expect(code).toBe(0);
    expect(output).toContain('Concord stopped.');
    expect(output).toContain('Demo project seeded');

    const file = path.join(tdb.env.DATA_DIR!, 'demo-accounts.txt');
    const listed = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(listed).toHaveLength(8);
    for (const email of ['owner@demo.concord', 'coder.a@demo.concord', 'coder.b@demo.concord', 'trainer@demo.concord', 'supervisor@demo.concord', 'trainee.a@demo.concord', 'trainee.b@demo.concord', 'trainee.c@demo.concord']) {
      const line = listed.find((l) => l.trim().startsWith(email));
      expect(line, email).toMatch(/ demo-\S+ +\(\w+\)$/);
      expect(output).toContain(line!.trim());
    }
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    // The printed password works.
    const [email, password] = listed[0]!.trim().split(/\s+/);
    const again = await startServer(tdb.env);
    try {
      expect(again.output()).not.toContain('Demo project seeded');
      expect(await new Browser(again.url).signIn(email!, password!)).toBe(true);
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0);
    }
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toEqual(listed);
  });

  it('does not seed the demo when CONCORD_DEMO=off', async () => {
    const other = await createTestDatabase();
    try {
      const server = await startServer({ ...other.env, CONCORD_DEMO: 'off' });
      await server.stop();
      expect(server.output()).not.toContain('Demo project seeded');
      expect(fs.existsSync(path.join(other.env.DATA_DIR!, 'demo-accounts.txt'))).toBe(false);
    } finally {
      await other.drop();
    }
  });
});
