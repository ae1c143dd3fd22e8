/*
 * The results workbook (exceljs, loaded only when a workbook is written): one sheet per
 * aspect. Row 1 names the aspect and the codebook version, row 2 is the header; then per
 * group a bold group row and its behaviours (negatives in italics), then the foot's two
 * "shown" rows. Per column three cells: k and N as numbers, and the `k/N` text.
 */
import type * as ExcelNs from 'exceljs';
import { translator, type Locale } from '@/lib/i18n/messages';
import { columnLabel, frequencyText, polarityText, text } from './describe';
import type { VersionResults } from './model';
import type { ResultTable } from './table';

type ExcelModule = typeof ExcelNs;

async function excel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/** Fixed document dates so the same results give the same workbook content. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));
/** Columns before the first data column: code, behaviour, polarity. */
export const XLSX_LEAD_COLUMNS = 3;
export const XLSX_HEADER_ROW = 2;

/** A valid, unique sheet name (≤ 31 characters, none of `[]:*?/\`). */
export function sheetName(label: string, taken: Set<string>): string {
  const clean = label.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Aspect';
  let name = clean.slice(0, 31).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1).trim()} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function resultsXlsx(tables: ResultTable[], meta: { projectName: string; version: VersionResults; locale: Locale }): Promise<Uint8Array> {
  const { locale, version } = meta;
  const t = translator(locale);
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  workbook.title = meta.projectName;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const taken = new Set<string>();
  for (const table of tables) {
    const aspect = text(table.aspect.label, locale);
    const sheet = workbook.addWorksheet(sheetName(aspect, taken), { views: [{ state: 'frozen', xSplit: XLSX_LEAD_COLUMNS, ySplit: XLSX_HEADER_ROW }] });
    const title = sheet.addRow([
      `${aspect} (${t('results.aspectCounts', { positive: table.aspect.positive, negative: table.aspect.negative })}) · ${version.codebookName}, ${t('codebook.version', { number: version.versionNumber })}`,
    ]);
    title.font = { bold: true, size: 12 };
    const header = sheet.addRow([
      t('results.code'),
      t('results.behaviour'),
      t('results.polarity'),
      ...table.columns.flatMap((c) => {
        const label = columnLabel(c);
        return [`${label}: k`, `${label}: N`, `${label}: k/N`];
      }),
    ]);
    header.font = { bold: true };
    for (const { group, rows } of table.groups) {
      const g = sheet.addRow(['', text(group.label, locale)]);
      g.font = { bold: true };
      g.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F7' } };
      for (const row of rows) {
        const r = sheet.addRow([row.behaviour.code, text(row.behaviour.label, locale), polarityText(row.behaviour.polarity, t), ...row.cells.flatMap((c) => [c.k, c.n, frequencyText(c)])]);
        if (row.behaviour.polarity === 'negative') r.font = { italic: true };
      }
    }
    const foot = (label: string, pick: 'positive' | 'negative') => {
      const total = table.aspect[pick];
      const r = sheet.addRow(['', label, t(`results.${pick}`), ...table.foot.flatMap((f) => [f[pick], total, `${f[pick]}/${total}`])]);
      r.font = { bold: true, italic: pick === 'negative' };
      r.border = { top: { style: 'thin' } };
    };
    foot(t('results.shownPositive'), 'positive');
    foot(t('results.shownNegative'), 'negative');
    sheet.getColumn(1).width = 12;
    sheet.getColumn(2).width = 60;
    sheet.getColumn(3).width = 11;
    for (let c = 0; c < table.columns.length * 3; c++) sheet.getColumn(XLSX_LEAD_COLUMNS + 1 + c).width = c % 3 === 2 ? 10 : 7;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
