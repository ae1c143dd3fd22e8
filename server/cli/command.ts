/** One `concord <name> …` subcommand. `run` returns the process exit code. */
export interface CliCommand {
  /** Words after `concord`, e.g. ['users', 'create']. */
  path: string[];
  /** One line for `concord --help`. */
  summary: string;
  /** Usage text printed on `--help` or wrong arguments. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A user mistake: printed as one line on stderr, exit code 2, never a stack trace. */
export class CliUsageError extends Error {}

/** Splits `--flag value`, `--flag=value` and `--switch` from positional arguments. */
export function parseArgs(args: string[], switches: string[] = []): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags[a.slice(2, eq)] = a.slice(eq + 1);
    } else {
      const name = a.slice(2);
      const next = args[i + 1];
      if (switches.includes(name) || next === undefined || next.startsWith('--')) flags[name] = true;
      else {
        flags[name] = next;
        i++;
      }
    }
  }
  return { positional, flags };
}
