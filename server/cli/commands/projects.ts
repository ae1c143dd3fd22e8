import { database } from '@/lib/db';
import { listProjects } from '@/lib/projects/projects';
import { parseArgs, type CliCommand } from '../command';

export const projectsList: CliCommand = {
  path: ['projects', 'list'],
  summary: 'list projects',
  usage: 'Usage: concord projects list [--json]',
  async run(args, io) {
    const { flags } = parseArgs(args, ['json']);
    const projects = await listProjects(await database());
    if (flags.json) io.out(JSON.stringify(projects.map(({ id, name }) => ({ id, name }))));
    else if (projects.length === 0) io.out('No projects.');
    else for (const p of projects) io.out(`${p.id}  ${p.name}`);
    return 0;
  },
};
