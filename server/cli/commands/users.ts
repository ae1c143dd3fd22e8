import { createUser, listUsers } from '@/lib/accounts/users';
import { database } from '@/lib/db';
import { CliUsageError, parseArgs, type CliCommand } from '../command';

export const usersCreate: CliCommand = {
  path: ['users', 'create'],
  summary: 'create an account (email, name, password)',
  usage: 'Usage: concord users create --email <email> --name <name> [--password <password> | --password-stdin] [--locale en|nl]',
  async run(args, io) {
    const { flags } = parseArgs(args, ['password-stdin']);
    let password = typeof flags.password === 'string' ? flags.password : undefined;
    if (flags['password-stdin']) password = (await readStdin()).trim();
    if (typeof flags.email !== 'string' || typeof flags.name !== 'string' || !password) throw new CliUsageError('--email, --name and a password are required.');
    const user = await createUser(await database(), { email: flags.email, name: flags.name, password, locale: typeof flags.locale === 'string' ? flags.locale : 'en' });
    io.out(`Created ${user.email} (${user.id}).`);
    return 0;
  },
};

export const usersList: CliCommand = {
  path: ['users', 'list'],
  summary: 'list accounts',
  usage: 'Usage: concord users list [--json]',
  async run(args, io) {
    const { flags } = parseArgs(args, ['json']);
    const users = await listUsers(await database());
    if (flags.json) io.out(JSON.stringify(users.map(({ id, email, name }) => ({ id, email, name }))));
    else for (const u of users) io.out(`${u.id}  ${u.email}  ${u.name}`);
    return 0;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
