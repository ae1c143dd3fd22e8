/*
 * `concord codebook import <file> --project <id> [--as <email>]` and
 * `concord codebook export --project <id> --format csv|xlsx|json|qdc [--out <file>] [--version <n>]`.
 *
 * Import is all-or-nothing: a file with problems prints every one of them as
 * `file, row N, column X: message`, exits 1 and changes nothing.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { findUserByEmail } from '@/lib/accounts/users';
import { CODEBOOK_FORMATS, exportCodebook, importCodebook, type CodebookFormat } from '@/lib/codebook/formats';
import { listCodebookVersions, recordCodebookExport, saveCodebook } from '@/lib/codebook/repository';
import { database, type Database } from '@/lib/db';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { describeProblem, problem, type Problem } from '@/lib/files/problems';
import { listMembers } from '@/lib/projects/members';
import { getProject, type Project } from '@/lib/projects/projects';
import { CliUsageError, parseArgs, type CliIO, type CliCommand } from '../command';

const importUsage = `Usage: concord codebook import <file> --project <id> [--as <email>]

Imports a codebook file (.csv, .xlsx, .json or REFI-QDA .qdc, at most 50 MB) into the
project: its first codebook, or a new version of it. Recorded as saved by the member
--as (default: the project's first owner).

Exit codes: 0 imported, 1 problems in the file (each printed as "file, row N, column X: message";
nothing is imported), 2 usage.`;

const exportUsage = `Usage: concord codebook export --project <id> --format csv|xlsx|json|qdc [--out <file>] [--version <n>]

Writes the project's codebook (the latest version, or version n) in the format asked for, to
--out, or to standard output for the text formats (csv, json, qdc).`;

async function projectOf(d: Database, flags: Record<string, string | true>): Promise<Project> {
  if (typeof flags.project !== 'string') throw new CliUsageError('--project <id> is required.');
  const project = await getProject(d, flags.project);
  if (!project) throw new CliUsageError(`There is no project ${flags.project}.`);
  return project;
}

/** Who the import is recorded as: --as <email>, which must be an owner or supervisor, else the first owner. */
async function importer(d: Database, projectId: string, email: string | true | undefined): Promise<string> {
  const editors = (await listMembers(d, projectId)).filter((m) => !m.removed && (m.roles.includes('owner') || m.roles.includes('supervisor')));
  if (typeof email === 'string') {
    const user = await findUserByEmail(d, email);
    const member = user && editors.find((m) => m.userId === user.id);
    if (!member) throw new CliUsageError(`${email} is not an owner or supervisor of this project.`);
    return member.userId;
  }
  const owner = editors.find((m) => m.roles.includes('owner'));
  if (!owner) throw new CliUsageError('The project has no owner; name the importing member with --as <email>.');
  return owner.userId;
}

function printProblems(io: CliIO, problems: Problem[]): number {
  for (const p of problems) io.err(describeProblem(p));
  return 1;
}

export const codebookImport: CliCommand = {
  path: ['codebook', 'import'],
  summary: 'import a codebook file (csv, xlsx, json, qdc) into a project',
  usage: importUsage,
  async run(args, io) {
    const { positional, flags } = parseArgs(args);
    const [file] = positional;
    if (!file || positional.length > 1) throw new CliUsageError('Name one codebook file.');
    const name = file.split(/[\\/]/).pop() ?? file;
    const size = await stat(file).then((s) => s.size, () => null);
    if (size === null) return printProblems(io, [problem('unreadable', 'The file does not exist or cannot be read.', { file: name })]);
    if (size > MAX_IMPORT_BYTES)
      return printProblems(io, [problem('file-too-large', `The file is ${(size / 1024 / 1024).toFixed(1)} MB; codebook files may be at most 50 MB.`, { file: name })]);

    const d = await database();
    const project = await projectOf(d, flags);
    const actorId = await importer(d, project.id, flags.as);
    const imported = await importCodebook({ fileName: file, bytes: new Uint8Array(await readFile(file)) });
    if (!imported.ok) return printProblems(io, imported.problems);
    const saved = await saveCodebook(d, project.id, actorId, imported.codebook, { newVersion: true });
    if (!saved.ok) return printProblems(io, saved.problems);
    if (saved.action === 'none') io.out(`${name} is the same as version ${saved.version.number} of ${project.name}; nothing changed.`);
    else io.out(`Imported ${name} as version ${saved.version.number} of the codebook of ${project.name}.`);
    return 0;
  },
};

export const codebookExport: CliCommand = {
  path: ['codebook', 'export'],
  summary: 'export a project\'s codebook as csv, xlsx, json or qdc',
  usage: exportUsage,
  async run(args, io) {
    const { positional, flags } = parseArgs(args);
    if (positional.length > 0) throw new CliUsageError(`Unexpected argument ${positional[0]}.`);
    const format = flags.format;
    if (typeof format !== 'string' || !(CODEBOOK_FORMATS as readonly string[]).includes(format))
      throw new CliUsageError(`--format must be one of ${CODEBOOK_FORMATS.join(', ')}.`);
    const out = typeof flags.out === 'string' ? flags.out : null;
    if (!out && format === 'xlsx') throw new CliUsageError('An XLSX workbook is binary: name a file with --out.');

    const d = await database();
    const project = await projectOf(d, flags);
    const versions = await listCodebookVersions(d, project.id);
    const version = typeof flags.version === 'string' ? versions.find((v) => String(v.number) === flags.version) : versions[0];
    if (!version) {
      io.err(versions.length ? `The codebook of ${project.name} has no version ${String(flags.version)}.` : `${project.name} has no codebook yet.`);
      return 1;
    }
    const file = await exportCodebook(version.codebook, format as CodebookFormat);
    if (out) await writeFile(out, file.bytes);
    else io.out(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes));
    await recordCodebookExport(d, project.id, null, version, { fileName: out ?? file.fileName, format });
    if (out) io.err(`Wrote version ${version.number} of the codebook of ${project.name} to ${out}.`);
    return 0;
  },
};
