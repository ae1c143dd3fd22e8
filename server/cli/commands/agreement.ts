import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Coefficient, MeasurementLevel, RatingsSummary } from '@/lib/agreement';
import { readLongCsv, summarizeRatings } from '@/lib/agreement';
import { type CliCommand, CliUsageError, parseArgs } from '../command';

const LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

const usage = `Usage: concord agreement <file.csv> [--level nominal|ordinal|interval|ratio] [--json]

Reads ratings in long format, one row per rating, with a header naming the columns
unit, rater and value (other columns are ignored; an empty value is a missing rating),
and prints every agreement coefficient that applies, with its standard error and 95%
confidence interval, or the reason it does not apply.

  --level   level of measurement of the values (default: nominal; data coded 0/1 count
            as interval, which for a dichotomy gives the same results at every level)
  --json    print one JSON object instead of a table

Exit codes: 0 success, 1 problems in the data (each printed as file:line: message), 2 usage.`;

/** The output keys, in the order the table prints them, with their labels. */
const KEYS: ReadonlyArray<[key: keyof RatingsSummary, json: string, label: string]> = [
  ['percentAgreement', 'percent_agreement', 'Percent agreement (proportion)'],
  ['occurrenceAgreement', 'occurrence_agreement', 'Occurrence agreement'],
  ['nonOccurrenceAgreement', 'nonoccurrence_agreement', 'Non-occurrence agreement'],
  ['cohenKappa', 'cohen_kappa', "Cohen's kappa"],
  ['scottPi', 'scott_pi', "Scott's pi"],
  ['pabak', 'pabak', 'PABAK'],
  ['gwetAc1', 'gwet_ac1', "Gwet's AC1"],
  ['brennanPrediger', 'brennan_prediger', 'Brennan-Prediger'],
  ['fleissKappa', 'fleiss_kappa', "Fleiss' kappa"],
  ['krippendorffAlpha', 'krippendorff_alpha', "Krippendorff's alpha"],
  ['cohenKappaLinear', 'cohen_kappa_linear', 'Weighted kappa (linear)'],
  ['cohenKappaQuadratic', 'cohen_kappa_quadratic', 'Weighted kappa (quadratic)'],
  ['iccA1', 'icc_a1', 'ICC(A,1) absolute agreement'],
  ['iccC1', 'icc_c1', 'ICC(C,1) consistency'],
];

function jsonCoefficient(c: Coefficient) {
  return c.estimate === null ? { estimate: null, reason: c.reason } : { estimate: c.estimate, se: c.se, ci_low: c.ciLow, ci_high: c.ciHigh };
}

function toJson(s: RatingsSummary): string {
  const out: Record<string, unknown> = { n_units: s.nUnits, n_raters: s.nRaters };
  for (const [key, json] of KEYS) out[json] = jsonCoefficient(s[key] as Coefficient);
  return JSON.stringify(out, null, 2);
}

function toTable(file: string, s: RatingsSummary): string {
  const fmt = (x: number | null) => (x === null ? '' : x.toFixed(3));
  const width = Math.max(...KEYS.map(([, , label]) => label.length));
  const lines = [`${file}: ${s.nUnits} units, ${s.nRaters} raters, ${s.level} level`, ''];
  lines.push(`${'Coefficient'.padEnd(width)}  Estimate     SE  95% CI`);
  for (const [key, , label] of KEYS) {
    const c = s[key] as Coefficient;
    const row =
      c.estimate === null
        ? `       —         ${c.reason}`
        : `${fmt(c.estimate).padStart(8)} ${fmt(c.se).padStart(6)}  ${c.ciLow === null ? '' : `[${fmt(c.ciLow)}, ${fmt(c.ciHigh)}]`}`;
    lines.push(`${label.padEnd(width)}  ${row}`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  path: ['agreement'],
  summary: 'Inter-rater agreement coefficients for a long-format CSV (unit,rater,value)',
  usage,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, ['json']);
    const unknown = Object.keys(flags).filter((f) => f !== 'json' && f !== 'level');
    if (unknown.length > 0) throw new CliUsageError(`unknown option --${unknown[0]}`);
    if (positional.length !== 1) throw new CliUsageError('give exactly one CSV file');
    const file = positional[0]!;
    const level = flags.level;
    if (level !== undefined && !LEVELS.includes(level as MeasurementLevel)) {
      throw new CliUsageError(`--level must be one of ${LEVELS.join(', ')}`);
    }
    try {
      await access(file);
    } catch {
      throw new CliUsageError(`cannot read ${file}`);
    }

    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    const result = await readLongCsv(lines, { level: level as MeasurementLevel | undefined });
    if (!result.ok) {
      for (const p of result.problems) io.err(p.line === null ? `${file}: ${p.message}` : `${file}:${p.line}: ${p.message}`);
      if (result.moreProblems > 0) io.err(`${file}: … and ${result.moreProblems} more problems`);
      io.err(`${file}: no results: fix the problems above and run again`);
      return 1;
    }
    const summary = summarizeRatings(result.matrix, level as MeasurementLevel | undefined);
    io.out(flags.json === true ? toJson(summary) : toTable(file, summary));
    return 0;
  },
};
