/*
 * Results as files: the tables as shown (CSV), the tidy long format R, SPSS and Python
 * users load directly (`case,session,aspect,group,code,polarity,interval,value`, one row
 * per behaviour × interval of each finalized session), JSON, and an XLSX workbook
 * (xlsx.ts). Every export covers one codebook version.
 *
 * CSV is written as the codebook's CSV: UTF-8 with BOM, comma, CRLF, text cells that
 * could run as a spreadsheet formula prefixed with `'`.
 */
import { protectFormula, writeCsv } from '@/lib/files/csv';
import { translator, type Locale } from '@/lib/i18n/messages';
import { columnLabel, frequencyText, polarityText, slug, text } from './describe';
import type { Results, VersionResults } from './model';
import { resultTables, versionSummary, type ResultTable, type TableOptions } from './table';
import { resultsXlsx } from './xlsx';

export const RESULTS_FORMATS = ['csv', 'long', 'xlsx', 'json'] as const;
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];
export const isResultsFormat = (v: unknown): v is ResultsFormat => (RESULTS_FORMATS as readonly unknown[]).includes(v);

export const LONG_COLUMNS = ['case', 'session', 'aspect', 'group', 'code', 'polarity', 'interval', 'value'] as const;

export interface ExportInput {
  projectName: string;
  locale: Locale;
  results: Results;
  version: VersionResults;
  options: TableOptions;
}

export interface ExportFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
}

const BOM = '\uFEFF';
const encode = (s: string) => new TextEncoder().encode(s);
const safe = (v: string) => protectFormula(v);

/** The tables as shown: one block of rows per aspect, the foot's "shown" counts as k/total. */
export function tablesCsv(tables: ResultTable[], locale: Locale): string {
  const t = translator(locale);
  const columns = tables[0]?.columns ?? [];
  const rows: string[][] = [[t('results.aspect'), t('results.group'), t('results.code'), t('results.behaviour'), t('results.polarity'), ...columns.map((c) => safe(columnLabel(c)))]];
  for (const table of tables) {
    const aspect = safe(text(table.aspect.label, locale));
    for (const { group, rows: list } of table.groups) {
      const groupLabel = safe(text(group.label, locale));
      for (const row of list) {
        rows.push([aspect, groupLabel, safe(row.behaviour.code), safe(text(row.behaviour.label, locale)), polarityText(row.behaviour.polarity, t), ...row.cells.map(frequencyText)]);
      }
    }
    rows.push([aspect, '', '', t('results.shownPositive'), t('results.positive'), ...table.foot.map((f) => `${f.positive}/${table.aspect.positive}`)]);
    rows.push([aspect, '', '', t('results.shownNegative'), t('results.negative'), ...table.foot.map((f) => `${f.negative}/${table.aspect.negative}`)]);
  }
  return writeCsv(rows);
}

/** The long format: every behaviour × interval of every finalized session of the version. */
export function longCsv(version: VersionResults, locale: Locale): string {
  const behaviourPart = version.behaviours.map(() => '');
  for (const aspect of version.aspects) {
    for (const group of aspect.groups) {
      for (const b of group.behaviours) {
        const beh = version.behaviours[b]!;
        behaviourPart[b] = writeCsv([[safe(text(aspect.label, locale)), safe(text(group.label, locale)), safe(beh.code), beh.polarity]]).slice(0, -2);
      }
    }
  }
  const parts: string[] = [LONG_COLUMNS.join(',') + '\r\n'];
  for (const s of version.sessions) {
    const sessionPart = writeCsv([[safe(s.caseNumber), safe(s.label)]]).slice(0, -2);
    const N = s.intervals.length;
    for (let b = 0; b < version.behaviours.length; b++) {
      const prefix = `${sessionPart},${behaviourPart[b]},`;
      for (let i = 0; i < N; i++) parts.push(`${prefix}${i + 1},${s.marks[b * N + i]}\r\n`);
    }
  }
  return parts.join('');
}

/** Everything on the page as data: the version, the tables with each cell's intervals, what was left out. */
export function resultsJson(input: ExportInput, tables: ResultTable[]): unknown {
  const { locale, version, results } = input;
  const t = translator(locale);
  return {
    project: input.projectName,
    codebook: { name: version.codebookName, version: version.versionNumber },
    columnsBy: input.options.by,
    sort: input.options.sort ?? 'codebook',
    ...versionSummary(version),
    otherVersions: results.versions.filter((v) => v !== version).map((v) => ({ version: v.versionNumber, sessions: v.sessions.length })),
    columns: (tables[0]?.columns ?? []).map((c) => ({ id: c.id, label: columnLabel(c), case: c.caseNumber, sessions: c.sessions.map((s) => s.label), intervals: c.intervals })),
    aspects: tables.map((table) => ({
      aspect: text(table.aspect.label, locale),
      positive: table.aspect.positive,
      negative: table.aspect.negative,
      groups: table.groups.map(({ group, rows }) => ({
        group: text(group.label, locale),
        source: group.source,
        rows: rows.map((row) => ({
          code: row.behaviour.code,
          behaviour: text(row.behaviour.label, locale),
          polarity: row.behaviour.polarity,
          cells: row.cells.map((c) => ({ k: c.k, n: c.n, text: frequencyText(c), intervals: c.sources.map((s) => ({ case: s.session.caseNumber, session: s.session.label, intervals: s.intervals.map((i) => i + 1) })) })),
        })),
      })),
      shown: table.foot.map((f) => ({ positive: f.positive, negative: f.negative })),
    })),
    pending: results.pending.map((p) => ({ case: p.caseNumber, session: p.label, status: p.reason, note: t(`results.status.${p.reason}`) })),
  };
}

export async function exportResults(input: ExportInput, format: ResultsFormat): Promise<ExportFile> {
  const base = `results-${slug(input.projectName)}-v${input.version.versionNumber}`;
  if (format === 'long') return { bytes: encode(BOM + longCsv(input.version, input.locale)), mime: 'text/csv; charset=utf-8', fileName: `${base}-long.csv` };
  const tables = resultTables(input.version, input.options);
  if (format === 'csv') return { bytes: encode(BOM + tablesCsv(tables, input.locale)), mime: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  if (format === 'json') return { bytes: encode(JSON.stringify(resultsJson(input, tables), null, 2) + '\n'), mime: 'application/json; charset=utf-8', fileName: `${base}.json` };
  const bytes = await resultsXlsx(tables, { projectName: input.projectName, version: input.version, locale: input.locale });
  return { bytes, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
}
