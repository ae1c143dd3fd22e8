/*
 * `concord <command> …`: the command line. Each subcommand lives in server/cli/commands
 * and is listed below; later features add theirs to the list.
 */
import { command as agreement } from './commands/agreement';
import { codebookExport, codebookImport } from './commands/codebook';
import { projectsList } from './commands/projects';
import { resultsExport } from './commands/results';
import { talliesExport, talliesImport } from './commands/tallies';
import { usersCreate, usersList } from './commands/users';
import { CliUsageError, type CliCommand, type CliIO } from './command';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { translator } from '@/lib/i18n/messages';
import { ConfigError } from '@/lib/config/config';
import { DatabaseStartupError } from '@/lib/db/client';
import { closeDatabase } from '@/lib/db';

const COMMANDS: CliCommand[] = [usersCreate, usersList, projectsList, agreement, codebookImport, codebookExport, talliesImport, talliesExport, resultsExport];

const stdio: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return ['Usage: concord <command> [options]', '', 'Commands:', ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  const found = COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!found) {
    (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? io.out : io.err)(help());
    return argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? 0 : 2;
  }
  const rest = argv.slice(found.path.length);
  if (rest.includes('--help')) {
    io.out(found.usage);
    return 0;
  }
  const t = translator('en');
  try {
    return await found.run(rest, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`${e.message}\n\n${found.usage}`);
      return 2;
    }
    if (e instanceof ValidationError) {
      for (const [field, key] of Object.entries(e.fields)) io.err(`${field}: ${t(key)}`);
      return 1;
    }
    if (e instanceof DomainError) {
      io.err(t(e.key, e.params));
      return 1;
    }
    if (e instanceof ConfigError || e instanceof DatabaseStartupError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await closeDatabase();
  }
}
