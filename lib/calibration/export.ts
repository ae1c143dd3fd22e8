/*
 * A round's figures as CSV for the trainer's records: one row per trainee with agreement
 * against gold (estimate and 95% interval as separate, plain-number columns, so the file is
 * analysable as is), over- and under-marking, ratings and the verdict. Built from the
 * RoundReport, so it holds exactly what the asking member may see.
 */
import type { Coefficient } from '@/lib/agreement';
import { protectFormula, writeCsv } from '@/lib/files/csv';
import type { Translate } from '@/lib/i18n/messages';
import type { RoundReport } from './report';

const number = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(Math.round(x * 10000) / 10000));
const coefficient = (c: Coefficient) => (c.estimate === null ? ['', '', ''] : [number(c.estimate), number(c.ciLow), number(c.ciHigh)]);

export function roundFiguresTable(report: RoundReport, t: Translate): string[][] {
  const names = new Map(report.participants.map((p) => [p.coderId, p.name]));
  const header = [
    t('calibration.col.trainee'),
    t('calibration.col.cells'),
    t('calibration.col.percent'),
    t('calibration.col.percentLow'),
    t('calibration.col.percentHigh'),
    t('calibration.col.kappa'),
    t('calibration.col.kappaLow'),
    t('calibration.col.kappaHigh'),
    t('calibration.col.ac1'),
    t('calibration.col.ac1Low'),
    t('calibration.col.ac1High'),
    t('calibration.col.over'),
    t('calibration.col.under'),
    t('calibration.col.ratingsWithin'),
    t('calibration.col.pass'),
  ];
  const rows = report.trainees.map((f) => [
    protectFormula(names.get(f.traineeId) ?? ''),
    String(f.overall.n),
    ...coefficient(f.overall.percentAgreement),
    ...coefficient(f.overall.cohenKappa),
    ...coefficient(f.overall.gwetAc1),
    String(f.overall.over),
    String(f.overall.under),
    f.ratingsWithin.total === 0 ? '' : `${f.ratingsWithin.within}/${f.ratingsWithin.total}`,
    f.pass.overall ? t('calibration.pass') : t('calibration.fail'),
  ]);
  return [header, ...rows];
}

export function roundFiguresCsv(report: RoundReport, t: Translate): string {
  return writeCsv(roundFiguresTable(report, t));
}
