import fs from 'node:fs';
import { findUserByEmail } from '@/lib/accounts/users';
import { database } from '@/lib/db';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { describeProblem } from '@/lib/files/problems';
import { actorIn, getProject } from '@/lib/projects/projects';
import { exportTallies, importTallies } from '@/lib/tally/exchange';
import { CliUsageError, parseArgs, type CliCommand } from '../command';

async function project(flags: Record<string, string | true>) {
  if (typeof flags.project !== 'string') throw new CliUsageError('--project <id> is required (see `concord projects list`).');
  const d = await database();
  const found = await getProject(d, flags.project);
  if (!found) throw new CliUsageError(`No project with id ${flags.project}.`);
  return { d, project: found };
}

export const talliesImport: CliCommand = {
  path: ['tallies', 'import'],
  summary: 'import tallies from a long CSV (case,session,coder,code,interval,value)',
  usage: 'Usage: concord tallies import <file.csv> --project <id>\n  coder is a coder\'s email or "consensus"; interval counts from 1; value is 0 or 1.',
  async run(args, io) {
    const { positional, flags } = parseArgs(args);
    const file = positional[0];
    if (!file) throw new CliUsageError('Name the CSV file to import.');
    const { d, project: p } = await project(flags);
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) throw new CliUsageError(`Cannot read ${file}.`);
    if (size > MAX_IMPORT_BYTES) {
      io.err(`${file}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was imported.`);
      return 1;
    }
    const result = await importTallies(d, p.id, null, file, fs.readFileSync(file));
    if (!result.ok) {
      for (const problem of result.problems) io.err(describeProblem(problem));
      io.err(`${result.problems.length} problem(s); nothing was imported.`);
      return 1;
    }
    io.out(`Imported ${result.marks} marks for ${result.sessions} session(s) into ${p.name}.`);
    return 0;
  },
};

export const talliesExport: CliCommand = {
  path: ['tallies', 'export'],
  summary: 'export the tallies a user may read, as long CSV',
  usage: 'Usage: concord tallies export --project <id> --as <email> [--out <file.csv>]',
  async run(args, io) {
    const { flags } = parseArgs(args);
    const { d, project: p } = await project(flags);
    if (typeof flags.as !== 'string') throw new CliUsageError('--as <email> is required: the export contains what that user may read.');
    const user = await findUserByEmail(d, flags.as);
    if (!user) throw new CliUsageError(`No account ${flags.as}.`);
    const actor = await actorIn(d, p.id, user.id);
    if (actor.roles.length === 0) throw new CliUsageError(`${flags.as} is not a member of ${p.name}.`);
    const csv = await exportTallies(d, actor, p.id);
    if (typeof flags.out === 'string') fs.writeFileSync(flags.out, csv);
    else io.out(csv);
    return 0;
  },
};
