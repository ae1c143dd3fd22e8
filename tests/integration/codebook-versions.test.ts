/*
 * Codebook versions in the database (on SQLite and PostgreSQL): the first save, in-place
 * edits of an unused version, a new version once sessions are coded against it, identity
 * through relabelling, concurrent-edit and validation refusals; and the `concord codebook`
 * command line: import/export round trips, and a bad file that imports nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { createCase } from '@/lib/cases/cases';
import { demoCodebook } from '@/lib/codebook/demo';
import { canonicalCodebook, flattenBehaviours, type Codebook } from '@/lib/codebook/model';
import { createCodebook, freezeVersion, latestCodebookVersion, listCodebookVersions, saveCodebook } from '@/lib/codebook/repository';
import { diffCodebooks } from '@/lib/codebook/versions';
import { createProject } from '@/lib/projects/projects';
import { createSession } from '@/lib/sessions/sessions';
import { concord } from './support/cli';
import { createTestDatabase, rawQuery, type TestDatabase } from './support/test-database';

let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-codebook-'));
});
afterAll(async () => {
  await tdb?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
async function newProject() {
  counter++;
  const owner = await createUser(tdb.database, { email: `cb-owner${counter}@example.org`, name: `Owner ${counter}`, password: 'owner password' });
  const project = await createProject(tdb.database, owner.id, { name: `Codebook study ${counter}` });
  return { owner, project };
}

/** A copy of `cb` with `fn` applied. */
function edited(cb: Codebook, fn: (copy: Codebook) => void): Codebook {
  const copy = structuredClone(cb);
  fn(copy);
  return copy;
}

const firstBehaviour = (cb: Codebook) => cb.aspects[0]!.groups[0]!.behaviours[0]!;

describe('saveCodebook', () => {
  it('creates version 1 on the first save and records who saved it', async () => {
    const { owner, project } = await newProject();
    const result = await saveCodebook(tdb.database, project.id, owner.id, demoCodebook(), { baseRevision: null });
    expect(result).toMatchObject({ ok: true, action: 'created', version: { number: 1, frozen: false } });
    const versions = await listCodebookVersions(tdb.database, project.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, createdBy: owner.id, createdByName: owner.name, sessionCount: 0, inUse: false });
    expect(canonicalCodebook(versions[0]!.codebook)).toEqual(canonicalCodebook(demoCodebook()));
  });

  it('updates an unfrozen version in place', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    const changed = edited(first.codebook, (cb) => (firstBehaviour(cb).definition.en = 'A sharper definition.'));
    const result = await saveCodebook(tdb.database, project.id, owner.id, changed, { baseRevision: first.revision });
    expect(result).toMatchObject({ ok: true, action: 'edit-in-place', version: { id: first.id, number: 1 } });
    const versions = await listCodebookVersions(tdb.database, project.id);
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(firstBehaviour(versions[0]!.codebook).definition.en).toBe('A sharper definition.');
    expect(versions[0]!.revision).not.toBe(first.revision);
  });

  it('creates the next version when the latest is frozen, and leaves the frozen one as it was', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    await freezeVersion(tdb.database, first.id);
    const changed = edited(first.codebook, (cb) => (cb.name = 'Distance and proximity, revised'));
    const result = await saveCodebook(tdb.database, project.id, owner.id, changed, { baseRevision: first.revision });
    expect(result).toMatchObject({ ok: true, action: 'new-version', version: { number: 2, frozen: false } });
    const [latest, old] = await listCodebookVersions(tdb.database, project.id);
    expect([latest!.number, old!.number]).toEqual([2, 1]);
    expect(old!.codebook.name).toBe(demoCodebook().name);
    expect(old).toMatchObject({ frozen: true, inUse: true });
    expect((await latestCodebookVersion(tdb.database, project.id))?.codebook.name).toBe('Distance and proximity, revised');
    const [row] = await rawQuery<{ name: string }>(tdb.target, 'SELECT name FROM codebooks WHERE project_id = ?', [project.id]);
    expect(row?.name).toBe('Distance and proximity, revised');

    // Version 2 is not in use yet: the next edit changes it in place.
    const again = await saveCodebook(tdb.database, project.id, owner.id, edited(changed, (cb) => (cb.description = 'Second edit')));
    expect(again).toMatchObject({ ok: true, action: 'edit-in-place', version: { number: 2 } });
  });

  it('freezes the version a session is coded against, so the next edit makes a new version', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    const kase = await createCase(tdb.database, project.id, { caseNumber: 'K-1' });
    await createSession(tdb.database, project.id, owner.id, { caseId: kase.id, label: 'Talk 1', durationMinutes: 50, codebookVersionId: first.id });
    const result = await saveCodebook(tdb.database, project.id, owner.id, edited(first.codebook, (cb) => (cb.description = 'Changed')));
    expect(result).toMatchObject({ ok: true, action: 'new-version', version: { number: 2 } });
    const versions = await listCodebookVersions(tdb.database, project.id);
    expect(versions.find((v) => v.number === 1)).toMatchObject({ sessionCount: 1, inUse: true, frozen: true });
  });

  it('keeps a behaviour identity through a relabel and recode in a new version', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    await freezeVersion(tdb.database, first.id);
    const before = firstBehaviour(first.codebook);
    const changed = edited(first.codebook, (cb) => {
      firstBehaviour(cb).label = { en: 'Works as an equal partner', nl: 'Werkt als gelijkwaardige partner' };
      firstBehaviour(cb).code = 'PI-EQ';
    });
    const result = await saveCodebook(tdb.database, project.id, owner.id, changed);
    expect(result.ok && result.action).toBe('new-version');
    const [v2, v1] = await listCodebookVersions(tdb.database, project.id);
    const after = firstBehaviour(v2!.codebook);
    expect(after.key).toBe(before.key);
    expect(after.code).toBe('PI-EQ');
    expect(firstBehaviour(v1!.codebook)).toEqual(before);
    const diff = diffCodebooks(v1!.codebook, v2!.codebook);
    expect(diff.behaviours.added).toEqual([]);
    expect(diff.behaviours.removed).toEqual([]);
    expect(diff.behaviours.changed.map((c) => [c.key, c.changes.map((x) => x.field)])).toEqual([[before.key, ['code', 'label.en', 'label.nl']]]);
    expect(flattenBehaviours(v2!.codebook).map((p) => p.behaviour.key)).toEqual(flattenBehaviours(v1!.codebook).map((p) => p.behaviour.key));
  });

  it('removes a behaviour that has tallies only in a new version', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    const removedKey = firstBehaviour(first.codebook).key;
    const without = edited(first.codebook, (cb) => cb.aspects[0]!.groups[0]!.behaviours.shift());
    const result = await saveCodebook(tdb.database, project.id, owner.id, without, { talliedBehaviourKeys: [removedKey] });
    expect(result).toMatchObject({ ok: true, action: 'new-version', version: { number: 2 } });
    const v1 = (await listCodebookVersions(tdb.database, project.id)).find((v) => v.number === 1)!;
    expect(firstBehaviour(v1.codebook).key).toBe(removedKey);
  });

  it('refuses a save based on an older revision (someone else saved meanwhile), writing nothing', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    const mine = edited(first.codebook, (cb) => (cb.description = 'Mine'));
    const theirs = edited(first.codebook, (cb) => (cb.description = 'Theirs'));
    expect(await saveCodebook(tdb.database, project.id, owner.id, theirs, { baseRevision: first.revision })).toMatchObject({ ok: true });
    const result = await saveCodebook(tdb.database, project.id, owner.id, mine, { baseRevision: first.revision });
    expect(result).toMatchObject({ ok: false, reason: 'stale', problems: [expect.objectContaining({ code: 'stale-version' })] });
    expect((await latestCodebookVersion(tdb.database, project.id))?.codebook.description).toBe('Theirs');
    // A first save on a project that got a codebook meanwhile is stale too.
    expect(await saveCodebook(tdb.database, project.id, owner.id, mine, { baseRevision: null })).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('refuses an invalid codebook and an unchanged one writes nothing', async () => {
    const { owner, project } = await newProject();
    const first = await createCodebook(tdb.database, project.id, owner.id, demoCodebook());
    const invalid = edited(first.codebook, (cb) => (firstBehaviour(cb).code = cb.aspects[0]!.groups[0]!.behaviours[1]!.code));
    const refused = await saveCodebook(tdb.database, project.id, owner.id, invalid);
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', problems: [expect.objectContaining({ code: 'duplicate-code' })] });
    const same = await saveCodebook(tdb.database, project.id, owner.id, first.codebook, { newVersion: true });
    expect(same).toMatchObject({ ok: true, action: 'none', version: { number: 1 } });
    const versions = await listCodebookVersions(tdb.database, project.id);
    expect(versions.map((v) => v.revision)).toEqual([first.revision]);
  });
});

describe('concord codebook import|export', () => {
  it('round-trips JSON → project → CSV and XLSX → another project with the same behaviours, auditing each export', { timeout: 90_000 }, async () => {
    const { project: a } = await newProject();
    const { project: b } = await newProject();
    const imported = await concord(['codebook', 'import', 'examples/demo-codebook.json', '--project', a.id], tdb.env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('as version 1');

    const csv = await concord(['codebook', 'export', '--project', a.id, '--format', 'csv'], tdb.env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split(/\r?\n/)[0]).toContain('aspect,group,code,label,polarity,definition');
    const csvFile = path.join(dir, 'exported.csv');
    fs.writeFileSync(csvFile, csv.stdout);
    expect((await concord(['codebook', 'import', csvFile, '--project', b.id], tdb.env)).code).toBe(0);

    const xlsxFile = path.join(dir, 'exported.xlsx');
    const xlsx = await concord(['codebook', 'export', '--project', a.id, '--format', 'xlsx', '--out', xlsxFile], tdb.env);
    expect(xlsx.code).toBe(0);
    expect(fs.readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');
    const second = await concord(['codebook', 'import', xlsxFile, '--project', b.id], tdb.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');

    const fromA = (await latestCodebookVersion(tdb.database, a.id))!.codebook;
    const fromB = (await latestCodebookVersion(tdb.database, b.id))!.codebook;
    const rows = (cb: Codebook) => flattenBehaviours(cb).map(({ behaviour: x, aspect, group }) => [aspect.key, group.key, x.key, x.code, x.label, x.polarity, x.definition, x.examples, x.shortcut]);
    expect(rows(fromB)).toEqual(rows(fromA));
    expect(canonicalCodebook(fromA)).toEqual(canonicalCodebook(demoCodebook()));
    const exports = (await listAudit(tdb.database, a.id)).filter((e) => e.kind === 'export.created');
    expect(exports.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.objectContaining({ format: 'csv', version: 1, via: 'cli' }), expect.objectContaining({ format: 'xlsx', version: 1 })]),
    );
  });

  it('lists every problem of a bad CSV as "file, row N, column X: message", exits 1 and imports nothing', async () => {
    const { project } = await newProject();
    const result = await concord(['codebook', 'import', 'tests/fixtures/codebook/bad-rows.csv', '--project', project.id], tdb.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((l) => l.replace(/:.*/, ''))).toEqual([
      'bad-rows.csv, row 3, column label',
      'bad-rows.csv, row 4, column code',
      'bad-rows.csv, row 5, column polarity',
      'bad-rows.csv, row 5, column shortcut',
      'bad-rows.csv, row 6, column aspect',
      'bad-rows.csv, row 7, column shortcut',
    ]);
    expect(await listCodebookVersions(tdb.database, project.id)).toEqual([]);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const { project } = await newProject();
    const big = path.join(dir, 'huge.csv');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024 + 1);
    const result = await concord(['codebook', 'import', big, '--project', project.id], tdb.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^huge\.csv: The file is 50\.0 MB; codebook files may be at most 50 MB\./);
    expect(await listCodebookVersions(tdb.database, project.id)).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    const { project } = await newProject();
    expect((await concord(['codebook', 'import', 'examples/demo-codebook.json'], tdb.env)).code).toBe(2);
    expect((await concord(['codebook', 'export', '--project', project.id, '--format', 'pdf'], tdb.env)).code).toBe(2);
    expect((await concord(['codebook', 'export', '--project', project.id, '--format', 'xlsx'], tdb.env)).code).toBe(2);
  });
});
