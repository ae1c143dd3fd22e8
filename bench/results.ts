/**
 * Results benchmark (issue 7): building and exporting the report for 100 finalized
 * sessions (10 cases × 10, 12 intervals each) of an 80-behaviour codebook — the model from
 * the consensus rows, the tables per case, CSV, the long format, XLSX, JSON, and the page's
 * table HTML (react-dom/server) per case and per session — must take under a second.
 * Timed next to a straightforward baseline in the same run: tables filled cell by cell by
 * scanning each column's consensus rows, the long format by sorting every row.
 *
 *   npx tsx bench/results.ts
 *
 * Prints PASS/FAIL against the 1 s target and exits 1 on FAIL.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Behaviour, Codebook } from '@/lib/codebook/model';
import { writeCsv } from '@/lib/files/csv';
import { translator } from '@/lib/i18n/messages';
import {
  buildResults,
  chooseColumns,
  longCsv,
  resultColumns,
  resultsJson,
  resultTables,
  tablesCsv,
  type ColumnsBy,
  type ConsensusMark,
  type ResultTable,
  type ResultsSessionInput,
  type VersionResults,
} from '@/lib/results';
import { resultsXlsx } from '@/lib/results/xlsx';
import { intervalsOf } from '@/lib/sessions/intervals';
import { seededRandom } from '@/lib/demo/demo-tallies';
import { ResultsTable } from '@/app/projects/[projectId]/results/ResultsTable';

const CASES = 10;
const SESSIONS_PER_CASE = 10;
const ASPECTS = 4;
const PER_ASPECT = 20;
const INTERVALS = 12;
const TARGET_MS = 1000;

const t = translator('en');
const text = (en: string) => ({ en, nl: en });
const behaviour = (code: string, negative: boolean): Behaviour => ({ key: `k-${code}`, code, label: text(`Behaviour ${code}: an observable act of the practitioner`), polarity: negative ? 'negative' : 'positive', definition: text(''), include: text(''), exclude: text(''), examples: [] });

function study() {
  const random = seededRandom(7);
  const codebook: Codebook = {
    name: 'Bench codebook',
    ratingScales: [],
    aspects: Array.from({ length: ASPECTS }, (_, a) => ({
      key: `a${a}`,
      label: text(`Aspect ${a + 1}`),
      groups: [
        { key: `a${a}-lit`, source: 'literature' as const, label: text('Literature'), behaviours: Array.from({ length: 6 }, (_, i) => behaviour(`A${a}L${i}`, i === 5)) },
        ...[0, 1].map((d) => ({ key: `a${a}-d${d}`, source: 'instrument' as const, instrument: 'Instrument', dimension: `d${d}`, label: text(`Dimension ${d + 1}`), behaviours: Array.from({ length: 7 }, (_, i) => behaviour(`A${a}D${d}B${i}`, i === 6)) })),
      ],
    })),
  };
  const keys = codebook.aspects.flatMap((a) => a.groups.flatMap((g) => g.behaviours.map((b) => b.key)));
  if (keys.length !== ASPECTS * PER_ASPECT) throw new Error('the bench codebook must have 80 behaviours');
  const sessions: ResultsSessionInput[] = [];
  const rows: ConsensusMark[] = [];
  for (let c = 0; c < CASES; c++) {
    for (let s = 0; s < SESSIONS_PER_CASE; s++) {
      const id = `s${c}-${s}`;
      sessions.push({ id, caseId: `c${c}`, caseNumber: `K-${String(c + 1).padStart(2, '0')}`, label: `Talk ${s + 1}`, status: 'finalized', codebookVersionId: 'v1', intervals: intervalsOf(INTERVALS * 300, 300) });
      // Every cell, as a naive consensus list stores it (1s and 0s).
      for (const key of keys) for (let i = 0; i < INTERVALS; i++) rows.push({ sessionId: id, behaviourKey: key, interval: i, value: random() < 0.25 ? 1 : 0 });
    }
  }
  return { sessions, versions: [{ id: 'v1', number: 1, codebook }], rows };
}

/** The straightforward tables: every cell filled by scanning the consensus rows of its column's sessions. */
function baselineTables(version: VersionResults, rows: ConsensusMark[], by: ColumnsBy): ResultTable[] {
  const bySession = new Map<string, ConsensusMark[]>();
  for (const r of rows) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
  const columns = chooseColumns(resultColumns(version, by), undefined);
  return version.aspects.map((aspect, aspectIndex) => {
    const foot = columns.map(() => ({ positive: 0, negative: 0 }));
    const groups = aspect.groups.map((group) => ({
      group,
      rows: group.behaviours.map((index) => {
        const b = version.behaviours[index]!;
        const cells = columns.map((col, c) => {
          const sources = col.sessions
            .map((session) => ({ session, intervals: (bySession.get(session.id) ?? []).filter((r) => r.behaviourKey === b.key && r.value === 1).map((r) => r.interval).sort((x, y) => x - y) }))
            .filter((s) => s.intervals.length > 0);
          const k = sources.reduce((n, s) => n + s.intervals.length, 0);
          if (k > 0) foot[c]![b.polarity] += 1;
          return { k, n: col.sessions.reduce((n, s) => n + s.intervals.length, 0), sources };
        });
        return { index, behaviour: b, cells };
      }),
    }));
    return { aspectIndex, aspect, columns, groups, foot };
  });
}

/** The straightforward long format: every row sorted into place, each line written on its own. */
function baselineLong(version: VersionResults, rows: ConsensusMark[]): string {
  const sessionOrder = new Map(version.sessions.map((s, i) => [s.id, s]));
  const where = new Map<string, { aspect: string; group: string; code: string; polarity: string; order: number }>();
  version.aspects.forEach((a) => a.groups.forEach((g) => g.behaviours.forEach((b) => where.set(version.behaviours[b]!.key, { aspect: a.label.en, group: g.label.en, code: version.behaviours[b]!.code, polarity: version.behaviours[b]!.polarity, order: b }))));
  const order = [...sessionOrder.keys()];
  const sorted = [...rows].sort((x, y) => order.indexOf(x.sessionId) - order.indexOf(y.sessionId) || where.get(x.behaviourKey)!.order - where.get(y.behaviourKey)!.order || x.interval - y.interval);
  const lines = [['case', 'session', 'aspect', 'group', 'code', 'polarity', 'interval', 'value']];
  for (const r of sorted) {
    const s = sessionOrder.get(r.sessionId)!;
    const w = where.get(r.behaviourKey)!;
    lines.push([s.caseNumber, s.label, w.aspect, w.group, w.code, w.polarity, String(r.interval + 1), String(r.value)]);
  }
  return writeCsv(lines);
}

const html = (tables: ResultTable[], by: ColumnsBy) => tables.map((table) => renderToString(createElement(ResultsTable, { table, t, locale: 'en', by }))).join('');

interface Run {
  tables: number;
  csv: string;
  long: string;
  xlsx: number;
  json: number;
  html: number;
}

async function pipeline(data: ReturnType<typeof study>, baseline: boolean): Promise<{ run: Run; ms: number; steps: Record<string, number> }> {
  const start = performance.now();
  const steps: Record<string, number> = {};
  let last = start;
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = now - last;
    last = now;
  };
  const results = buildResults({ sessions: data.sessions, versions: data.versions, marks: data.rows });
  const version = results.versions[0]!;
  const byCase = baseline ? baselineTables(version, data.rows, 'case') : resultTables(version, { by: 'case' });
  const bySession = baseline ? baselineTables(version, data.rows, 'session') : resultTables(version, { by: 'session' });
  lap('model and tables');
  const csv = tablesCsv(byCase, 'en');
  const long = baseline ? baselineLong(version, data.rows) : longCsv(version, 'en');
  lap('CSV and long CSV');
  const xlsx = await resultsXlsx(byCase, { projectName: 'Bench', version, locale: 'en' });
  lap('XLSX');
  const json = JSON.stringify(resultsJson({ projectName: 'Bench', locale: 'en', results, version, options: { by: 'case' } }, byCase));
  lap('JSON');
  const page = html(byCase, 'case') + html(bySession, 'session');
  lap('table HTML');
  const ms = performance.now() - start;
  return { run: { tables: byCase.length, csv, long, xlsx: xlsx.length, json: json.length, html: page.length }, ms, steps };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const data = study();
await pipeline(data, false); // warm up the JIT and load exceljs
const ours: number[] = [];
const base: number[] = [];
const oursSteps: Record<string, number>[] = [];
const baseSteps: Record<string, number>[] = [];
let check: { ours: Run; base: Run } | null = null;
for (let i = 0; i < 5; i++) {
  const a = await pipeline(data, false);
  const b = await pipeline(data, true);
  ours.push(a.ms);
  base.push(b.ms);
  oursSteps.push(a.steps);
  baseSteps.push(b.steps);
  check ??= { ours: a.run, base: b.run };
}
// Both implementations must produce the same files before their times mean anything.
if (!check || check.ours.csv !== check.base.csv || check.ours.long !== check.base.long || check.ours.html !== check.base.html) {
  console.error('the results and the baseline disagree');
  process.exit(1);
}
const oursMs = median(ours);
const baseMs = median(base);
const verdict = oursMs < TARGET_MS ? 'PASS' : 'FAIL';
console.log(`results: ${data.sessions.length} finalized sessions (${CASES} cases) × ${ASPECTS * PER_ASPECT} behaviours × ${INTERVALS} intervals = ${data.rows.length.toLocaleString('en')} consensus cells`);
console.log(`  each run: model, tables per case and per session, CSV (${check.ours.csv.length.toLocaleString('en')} chars), long CSV (${check.ours.long.length.toLocaleString('en')} chars), XLSX (${check.ours.xlsx.toLocaleString('en')} bytes), JSON, table HTML (${check.ours.html.toLocaleString('en')} chars)`);
for (const step of Object.keys(oursSteps[0]!)) {
  console.log(`    ${step.padEnd(18)} ${median(oursSteps.map((x) => x[step]!)).toFixed(1).padStart(7)} ms   baseline ${median(baseSteps.map((x) => x[step]!)).toFixed(1).padStart(7)} ms`);
}
console.log(`  results (median of 5):   ${oursMs.toFixed(1)} ms`);
console.log(`  baseline (median of 5):  ${baseMs.toFixed(1)} ms`);
console.log(`  ratio: ${(baseMs / oursMs).toFixed(1)}× faster`);
console.log(`${verdict}: ${oursMs.toFixed(1)} ms against a target of ${TARGET_MS} ms`);
process.exit(verdict === 'PASS' ? 0 : 1);
