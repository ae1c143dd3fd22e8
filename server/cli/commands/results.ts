import fs from 'node:fs';
import { database } from '@/lib/db';
import { isLocale } from '@/lib/i18n/messages';
import { getProject } from '@/lib/projects/projects';
import { COLUMNS_BY, exportResults, pickVersion, type ColumnsBy, type ResultsFormat } from '@/lib/results';
import { loadResults, recordResultsExport } from '@/lib/results/load';
import { CliUsageError, parseArgs, type CliCommand } from '../command';

const FLAGS = ['project', 'format', 'long', 'out', 'by', 'version', 'locale'];

const usage = `Usage: concord results export --project <id> --format csv|xlsx|json [--long] [--out <file>]
                              [--by case|session] [--version <n>] [--locale en|nl]

Exports the results of the finalized consensus lists of one codebook version (the newest
with finalized sessions unless --version is given):
  --format csv    the tables as the results page shows them (k/N, "shown" counts)
  --format xlsx   a workbook, one sheet per aspect (needs --out)
  --format json   the tables with the intervals of every cell
  --long          the tidy long format case,session,aspect,group,code,polarity,interval,value
  --by            one column per case (default) or per session
Without --out, CSV and JSON are printed. Sessions not finalized are never included.`;

export const resultsExport: CliCommand = {
  path: ['results', 'export'],
  summary: 'export results from finalized consensus lists (CSV, XLSX, JSON, long CSV)',
  usage,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, ['long']);
    const unknown = Object.keys(flags).find((f) => !FLAGS.includes(f));
    if (unknown) throw new CliUsageError(`Unknown option --${unknown}.`);
    if (positional.length) throw new CliUsageError(`Unexpected argument ${positional[0]}.`);
    if (typeof flags.project !== 'string') throw new CliUsageError('--project <id> is required (see `concord projects list`).');
    const long = flags.long === true;
    const wanted = flags.format === undefined && long ? 'csv' : flags.format;
    if (wanted !== 'csv' && wanted !== 'xlsx' && wanted !== 'json') throw new CliUsageError('--format must be csv, xlsx or json.');
    if (long && wanted !== 'csv') throw new CliUsageError('--long writes CSV: use --format csv.');
    const format: ResultsFormat = long ? 'long' : wanted;
    const by = flags.by ?? 'case';
    if (typeof by !== 'string' || !(COLUMNS_BY as readonly string[]).includes(by)) throw new CliUsageError('--by must be case or session.');
    const locale = flags.locale ?? 'en';
    if (!isLocale(locale)) throw new CliUsageError('--locale must be en or nl.');
    const out = typeof flags.out === 'string' ? flags.out : null;
    if (format === 'xlsx' && !out) throw new CliUsageError('An XLSX workbook needs --out <file.xlsx>.');
    if (flags.version !== undefined && typeof flags.version !== 'string') throw new CliUsageError('--version needs a version number.');

    const d = await database();
    const project = await getProject(d, flags.project);
    if (!project) throw new CliUsageError(`No project with id ${flags.project}.`);
    const results = await loadResults(d, project.id);
    const version = pickVersion(results, flags.version ?? null);
    if (!version) {
      io.err(`${project.name} has no finalized session yet: results come from finalized consensus lists only.`);
      return 1;
    }
    if (typeof flags.version === 'string' && String(version.versionNumber) !== flags.version && version.versionId !== flags.version) {
      io.err(`No finalized session was coded against codebook version ${flags.version}; versions with results: ${results.versions.map((v) => v.versionNumber).join(', ')}.`);
      return 1;
    }
    const others = results.versions.filter((v) => v !== version);
    if (others.length) io.err(`Note: codebook version ${version.versionNumber} only; results are never mixed across versions (also: ${others.map((v) => `version ${v.versionNumber}, ${v.sessions.length} session(s)`).join('; ')}).`);
    if (results.pending.length) io.err(`Note: ${results.pending.length} session(s) not finalized are not included.`);
    const file = await exportResults({ projectName: project.name, locale, results, version, options: { by: by as ColumnsBy } }, format);
    if (out) {
      fs.writeFileSync(out, file.bytes);
      io.err(`Wrote ${out} (${version.sessions.length} finalized session(s), codebook version ${version.versionNumber}).`);
    } else {
      io.out(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, ''));
    }
    await recordResultsExport(d, project.id, null, { format, fileName: out ?? file.fileName, version: version.versionNumber, sessions: version.sessions.length, via: 'cli' });
    return 0;
  },
};
