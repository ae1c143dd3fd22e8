/*
 * The disagreement notes as a table, for CSV and XLSX downloads: one row per disagreement
 * cell, with the marks, what was settled, who moved, how long it took, the rationale and
 * the discussion. Cells that a spreadsheet would read as a formula are neutralised.
 * exceljs is loaded only when a workbook is written.
 */
import type * as ExcelNs from 'exceljs';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { localized, type Locale } from '@/lib/codebook/model';
import { protectFormula, writeCsv } from '@/lib/files/csv';
import type { Translate } from '@/lib/i18n/messages';
import { behaviourText, formatDay, formatDuration, marksText, movedText, names, reopenText, reviewCommentsText, settledText, statusText, threadText } from './format';
import type { Disagreement } from './model';

export const REVIEW_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReviewExportFormat = (typeof REVIEW_EXPORT_FORMATS)[number];

const MIME: Record<ReviewExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Header and rows, as text. */
export function disagreementTable(items: readonly Disagreement[], t: Translate, locale: Locale): string[][] {
  const header = [
    t('review.col.case'),
    t('review.col.session'),
    t('review.col.date'),
    t('review.col.aspect'),
    t('review.col.behaviour'),
    t('review.col.interval'),
    t('review.col.marks'),
    t('review.col.settled'),
    t('review.col.status'),
    t('review.col.moved'),
    t('review.col.time'),
    t('review.col.unclear'),
    t('review.col.rationale'),
    t('review.col.comments'),
    t('review.col.reviewComments'),
    t('review.col.reopen'),
  ];
  const rows = items.map((d) => [
    d.caseNumber,
    d.sessionLabel,
    formatDay(d.date),
    localized(d.behaviour.aspect, locale),
    behaviourText(d, locale),
    d.intervalHeading,
    marksText(d),
    settledText(d, t),
    statusText(d.status, t),
    movedText(d, t),
    formatDuration(d.settleMs, t),
    names(d.unclear),
    d.rationale,
    threadText(d),
    reviewCommentsText(d),
    reopenText(d, t),
  ]);
  return [header, ...rows];
}

export interface ExportedNotes {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

async function excel(): Promise<typeof ExcelNs> {
  const mod = (await import('exceljs')) as typeof ExcelNs & { default?: typeof ExcelNs };
  return mod.default ?? mod;
}

export async function exportDisagreements(items: readonly Disagreement[], format: ReviewExportFormat, t: Translate, locale: Locale, day: string): Promise<ExportedNotes> {
  const table = disagreementTable(items, t, locale).map((row) => row.map(protectFormula));
  const fileName = `disagreement-notes-${day}.${format}`;
  if (format === 'csv') return { fileName, mime: MIME.csv, bytes: new TextEncoder().encode('\uFEFF' + writeCsv(table)) };
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  const sheet = workbook.addWorksheet(t('review.sheetName').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  table[0]!.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    const long = i >= 12;
    column.width = long ? 60 : i === 4 ? 40 : 16;
    if (long) column.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, mime: MIME.xlsx, bytes: new Uint8Array(buffer as ArrayBuffer) };
}

/** Every export is audited: what, in which format, how many rows, under which filters. */
export async function recordNotesExport(d: Database, projectId: string, actorId: string, file: ExportedNotes, detail: { format: ReviewExportFormat; rows: number; filters: string }): Promise<void> {
  await d.transaction((tx) => recordAudit(tx, d.t, { projectId, actorId, kind: 'export.created', subject: file.fileName, detail: { what: 'disagreement-notes', ...detail } }));
}
