/*
 * Results (issue 7), end to end below the browser: consensus lists of two cases are
 * imported through `concord tallies import`, then `concord results export` writes the
 * tables (CSV), the workbook (XLSX, read back with exceljs) and the long format; every cell
 * and every foot count is checked. A session still being coded is pending, never counted;
 * a second codebook version is reported apart. Runs on SQLite and on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { createCase } from '@/lib/cases/cases';
import { parseCsv } from '@/lib/files/csv';
import { newKey } from '@/lib/codebook/keys';
import type { Behaviour, Codebook, Group } from '@/lib/codebook/model';
import { codebookVersionById, saveCodebook } from '@/lib/codebook/repository';
import { createProject } from '@/lib/projects/projects';
import { pickVersion, resultTables, frequencyText } from '@/lib/results';
import { loadRationales, loadResults } from '@/lib/results/load';
import { createSession } from '@/lib/sessions/sessions';
import { concord } from './support/cli';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let tdb: TestDatabase;
let projectId: string;
let ownerId: string;
let dir: string;

const text = (en: string) => ({ en, nl: `${en} (nl)` });
const behaviour = (code: string, polarity: 'positive' | 'negative'): Behaviour => ({ key: newKey(), code, label: text(`Behaviour ${code}`), polarity, definition: text(`What ${code} is.`), include: text(''), exclude: text(''), examples: [] });
const group = (source: Group['source'], label: string, behaviours: Behaviour[]): Group => ({ key: newKey(), source, label: text(label), behaviours, ...(source === 'instrument' ? { instrument: 'Instrument', dimension: 'bond' } : {}) });

/** Involvement lists its instrument group first: the tables must still put literature first. */
function studyCodebook(extra: Behaviour[] = []): Codebook {
  return {
    name: 'Integration codebook',
    aspects: [
      { key: newKey(), label: text('Involvement'), groups: [group('instrument', 'Bond', [behaviour('I1', 'positive'), behaviour('I2', 'positive'), behaviour('I3', 'negative')]), group('literature', 'Literature', [behaviour('L1', 'positive'), behaviour('L2', 'negative')])] },
      { key: newKey(), label: text('Partiality'), groups: [group('literature', 'Literature', [behaviour('P1', 'positive'), behaviour('P2', 'positive'), behaviour('P3', 'negative'), ...extra])] },
    ],
    ratingScales: [],
  };
}

const CONSENSUS = `case,session,coder,code,interval,value
K-01,Talk 1,consensus,L1,1,1
K-01,Talk 1,consensus,L1,3,1
K-01,Talk 1,consensus,L2,1,0
K-01,Talk 1,consensus,I1,2,1
K-01,Talk 1,consensus,I3,4,1
K-01,Talk 1,consensus,P1,1,1
K-01,Talk 1,consensus,P3,2,1
K-01,Talk 2,consensus,L1,2,1
K-01,Talk 2,consensus,I2,1,1
K-01,Talk 2,consensus,I2,2,1
K-01,Talk 2,consensus,P2,2,1
K-02,Talk 1,consensus,L2,1,1
K-02,Talk 1,consensus,I1,1,1
K-02,Talk 1,consensus,I1,2,1
K-02,Talk 1,consensus,I1,3,1
K-02,Talk 1,consensus,I1,4,1
K-02,Talk 1,consensus,P1,3,1
K-02,Talk 1,consensus,P1,4,1
`;

/** Expected tables per case: [code, K-01, K-02], literature first; then the foot. */
const EXPECTED = {
  Involvement: {
    rows: [
      ['L1', '3/6', '0/4'],
      ['L2', '0/6', '1/4'],
      ['I1', '1/6', '4/4'],
      ['I2', '2/6', '0/4'],
      ['I3', '1/6', '0/4'],
    ],
    positive: ['3/3', '1/3'],
    negative: ['1/2', '1/2'],
  },
  Partiality: {
    rows: [
      ['P1', '1/6', '2/4'],
      ['P2', '1/6', '0/4'],
      ['P3', '1/6', '0/4'],
    ],
    positive: ['2/2', '1/2'],
    negative: ['1/1', '0/1'],
  },
} as const;
const NEGATIVE = new Set(['L2', 'I3', 'P3']);

const file = (name: string) => path.join(dir, name);
const cli = (...args: string[]) => concord(args, tdb.env);
const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.cells);

beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-results-'));
  const d = tdb.database;
  ownerId = (await createUser(d, { email: 'owner@example.org', name: 'Olga Owner', password: 'owner password 1' })).id;
  projectId = (await createProject(d, ownerId, { name: 'Results study', description: '' })).id;
  const saved = await saveCodebook(d, projectId, ownerId, studyCodebook());
  if (!saved.ok) throw new Error(`codebook: ${JSON.stringify(saved)}`);
  for (const caseNumber of ['K-01', 'K-02']) {
    const kase = await createCase(d, projectId, { caseNumber });
    for (const [label, minutes] of caseNumber === 'K-01' ? ([['Talk 1', 20], ['Talk 2', 10]] as const) : ([['Talk 1', 20], ['Talk 2', 20]] as const)) {
      await createSession(d, projectId, ownerId, { caseId: kase.id, label, durationMinutes: minutes, intervalMinutes: 5, codebookVersionId: saved.version.id });
    }
  }
  fs.writeFileSync(file('consensus.csv'), CONSENSUS);
  const imported = await cli('tallies', 'import', file('consensus.csv'), '--project', projectId);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
});

afterAll(async () => {
  await tdb?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('results from imported consensus lists', () => {
  it('counts the three finalized sessions and lists the one still being coded as pending', async () => {
    const results = await loadResults(tdb.database, projectId);
    expect(results.versions).toHaveLength(1);
    expect(results.versions[0]!.sessions.map((s) => `${s.caseNumber} ${s.label}`)).toEqual(['K-01 Talk 1', 'K-01 Talk 2', 'K-02 Talk 1']);
    expect(results.pending.map((p) => [p.caseNumber, p.label, p.reason])).toEqual([['K-02', 'Talk 2', 'coding']]);
    const [involvement] = resultTables(pickVersion(results)!, { by: 'case' });
    expect(involvement!.groups.map((g) => g.rows.map((r) => `${r.behaviour.code} ${r.cells.map(frequencyText).join(' ')}`))).toEqual([
      ['L1 3/6 0/4', 'L2 0/6 1/4'],
      ['I1 1/6 4/4', 'I2 2/6 0/4', 'I3 1/6 0/4'],
    ]);
  });

  it('exports the tables as CSV: every cell and every foot count', async () => {
    const res = await cli('results', 'export', '--project', projectId, '--format', 'csv', '--out', file('tables.csv'));
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('1 session(s) not finalized are not included');
    const rows = rowsOf(fs.readFileSync(file('tables.csv'), 'utf8'));
    expect(rows[0]).toEqual(['Aspect', 'Group', 'Code', 'Behaviour', 'Polarity', 'K-01', 'K-02']);
    const expected: string[][] = [];
    for (const [aspect, table] of Object.entries(EXPECTED)) {
      for (const [code, k01, k02] of table.rows) {
        const groupLabel = code.startsWith('I') ? 'Bond' : 'Literature';
        expected.push([aspect, groupLabel, code, `Behaviour ${code}`, NEGATIVE.has(code) ? 'negative' : 'positive', k01, k02]);
      }
      expected.push([aspect, '', '', 'Positive behaviours shown', 'positive', ...table.positive]);
      expected.push([aspect, '', '', 'Negative behaviours shown', 'negative', ...table.negative]);
    }
    expect(rows.slice(1)).toEqual(expected);
  });

  it('exports the workbook: one sheet per aspect, k and N as numbers, k/N as text, negatives in italics', async () => {
    const res = await cli('results', 'export', '--project', projectId, '--format', 'xlsx', '--out', file('results.xlsx'));
    expect(res.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('results.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Involvement', 'Partiality']);
    for (const [aspect, table] of Object.entries(EXPECTED)) {
      const sheet = wb.getWorksheet(aspect)!;
      expect(sheet.getRow(2).values).toEqual([undefined, 'Code', 'Behaviour', 'Polarity', 'K-01: k', 'K-01: N', 'K-01: k/N', 'K-02: k', 'K-02: N', 'K-02: k/N']);
      const found: string[] = [];
      sheet.eachRow((row, n) => {
        if (n <= 2) return;
        const code = String(row.getCell(1).value ?? '');
        const label = String(row.getCell(2).value ?? '');
        if (code) {
          const want = table.rows.find((r) => r[0] === code)!;
          const [k01, k02] = [want[1].split('/').map(Number), want[2].split('/').map(Number)];
          expect(row.values, code).toEqual([undefined, code, `Behaviour ${code}`, NEGATIVE.has(code) ? 'negative' : 'positive', k01[0], k01[1], want[1], k02[0], k02[1], want[2]]);
          expect(typeof row.getCell(4).value).toBe('number');
          expect(!!row.getCell(2).font?.italic, code).toBe(NEGATIVE.has(code));
          expect(!!row.getCell(6).font?.italic, code).toBe(NEGATIVE.has(code));
          found.push(code);
        } else if (label.endsWith('shown')) {
          const want = label.startsWith('Positive') ? table.positive : table.negative;
          expect(row.getCell(6).value).toBe(want[0]);
          expect(row.getCell(9).value).toBe(want[1]);
          expect(row.getCell(4).value).toBe(Number(want[0].split('/')[0]));
          found.push(label);
        } else {
          found.push(`[${label}]`);
        }
      });
      const groups = aspect === 'Involvement' ? ['[Literature]', 'L1', 'L2', '[Bond]', 'I1', 'I2', 'I3'] : ['[Literature]', 'P1', 'P2', 'P3'];
      expect(found).toEqual([...groups, 'Positive behaviours shown', 'Negative behaviours shown']);
    }
  });

  it('exports per session, as JSON and in the long format', async () => {
    const bySession = await cli('results', 'export', '--project', projectId, '--format', 'csv', '--by', 'session');
    expect(rowsOf(bySession.stdout)[1]).toEqual(['Involvement', 'Literature', 'L1', 'Behaviour L1', 'positive', '2/4', '1/2', '0/4']);
    const json = await cli('results', 'export', '--project', projectId, '--format', 'json', '--locale', 'nl');
    const data = JSON.parse(json.stdout);
    expect(data.aspects[0].groups[0].rows[0]).toMatchObject({ code: 'L1', behaviour: 'Behaviour L1 (nl)', cells: [{ k: 3, n: 6 }, { k: 0, n: 4 }] });
    expect(data.aspects[0].groups[0].rows[0].cells[0].intervals).toEqual([
      { case: 'K-01', session: 'Talk 1', intervals: [1, 3] },
      { case: 'K-01', session: 'Talk 2', intervals: [2] },
    ]);
    const long = await cli('results', 'export', '--project', projectId, '--long', '--out', file('long.csv'));
    expect(long.code).toBe(0);
    const rows = rowsOf(fs.readFileSync(file('long.csv'), 'utf8'));
    expect(rows[0]).toEqual(['case', 'session', 'aspect', 'group', 'code', 'polarity', 'interval', 'value']);
    expect(rows.length - 1).toBe(8 * (4 + 2 + 4));
    const ones = rows.slice(1).filter((r) => r[7] === '1').map((r) => `${r[0]} ${r[1]} ${r[4]}@${r[6]}`);
    const imported = CONSENSUS.trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[5] === '1').map((c) => `${c[0]} ${c[1]} ${c[3]}@${c[4]}`);
    expect(ones.sort()).toEqual(imported.sort());
  });

  it('audits every export and refuses bad arguments with a usage message', async () => {
    const audit = await listAudit(tdb.database, projectId);
    const exports = audit.filter((e) => e.kind === 'export.created');
    expect(exports.map((e) => e.detail.format).sort()).toEqual(['csv', 'csv', 'json', 'long', 'xlsx']);
    expect(exports.every((e) => e.detail.via === 'cli' && e.detail.version === 1 && e.detail.sessions === 3)).toBe(true);
    expect((await cli('results', 'export', '--format', 'csv')).code).toBe(2);
    expect((await cli('results', 'export', '--project', projectId, '--format', 'xlsx')).code).toBe(2);
    expect((await cli('results', 'export', '--project', projectId, '--format', 'pdf')).code).toBe(2);
  });

  it('collects the written rationales of settled marks for the report appendix', async () => {
    const d = tdb.database;
    const version = pickVersion(await loadResults(d, projectId))!;
    expect(await loadRationales(d, version)).toEqual([]);
    const l2 = version.behaviours.findIndex((b) => b.code === 'L2');
    const talk1 = version.sessions[0]!;
    await d.transaction((tx) => tx.update(d.t.consensusCells).set({ rationale: '  Worker keeps her distance at 2:10.  ' }).where(and(eq(d.t.consensusCells.sessionId, talk1.id), eq(d.t.consensusCells.behaviourKey, version.behaviours[l2]!.key))));
    expect(await loadRationales(d, version)).toEqual([{ caseNumber: 'K-01', sessionLabel: 'Talk 1', behaviour: l2, interval: 0, value: 0, rationale: 'Worker keeps her distance at 2:10.' }]);
  });

  it('reports a second codebook version apart, never mixed', async () => {
    const d = tdb.database;
    const results = await loadResults(d, projectId);
    const v1 = pickVersion(results)!;
    // The same behaviours (keys) as version 1, plus one: saved as version 2 because version 1 is in use.
    const v1Codebook = (await codebookVersionById(d, v1.versionId))!.codebook;
    const extra = behaviour('P4', 'positive');
    v1Codebook.aspects[1]!.groups[0]!.behaviours.push(extra);
    const saved = await saveCodebook(d, projectId, ownerId, v1Codebook, { newVersion: true });
    expect(saved.ok && saved.version.number).toBe(2);
    const kase = await createCase(d, projectId, { caseNumber: 'K-03' });
    await createSession(d, projectId, ownerId, { caseId: kase.id, label: 'Talk 1', durationMinutes: 10, intervalMinutes: 5, codebookVersionId: saved.ok ? saved.version.id : undefined });
    fs.writeFileSync(file('v2.csv'), 'case,session,coder,code,interval,value\nK-03,Talk 1,consensus,P4,2,1\nK-03,Talk 1,consensus,L1,1,1\n');
    expect((await cli('tallies', 'import', file('v2.csv'), '--project', projectId)).code).toBe(0);

    const newest = await cli('results', 'export', '--project', projectId, '--format', 'csv');
    expect(newest.stderr).toContain('codebook version 2 only');
    const rows = rowsOf(newest.stdout);
    expect(rows[0]!.slice(5)).toEqual(['K-03']);
    expect(rows.find((r) => r[2] === 'P4')!.slice(5)).toEqual(['1/2']);
    expect(rows.find((r) => r[2] === 'L1')!.slice(5)).toEqual(['1/2']);
    const first = rowsOf((await cli('results', 'export', '--project', projectId, '--format', 'csv', '--version', '1')).stdout);
    expect(first[0]!.slice(5)).toEqual(['K-01', 'K-02']);
    expect(first.find((r) => r[2] === 'L1')!.slice(5)).toEqual(['3/6', '0/4']);
    expect(first.some((r) => r[2] === 'P4')).toBe(false);
    expect((await cli('results', 'export', '--project', projectId, '--format', 'csv', '--version', '7')).code).toBe(1);
  });
});
