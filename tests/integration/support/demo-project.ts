/* The demo project (lib/demo/seed.ts) as integration tests start from it: its id and its people. */
import type { User } from '@/lib/accounts/users';
import { findUserByEmail } from '@/lib/accounts/users';
import type { Database } from '@/lib/db';
import { seedDemo } from '@/lib/demo/seed';

export const DEMO_EMAILS = {
  owner: 'owner@demo.concord',
  coderA: 'coder.a@demo.concord',
  coderB: 'coder.b@demo.concord',
  trainer: 'trainer@demo.concord',
  supervisor: 'supervisor@demo.concord',
  traineeA: 'trainee.a@demo.concord',
  traineeB: 'trainee.b@demo.concord',
  traineeC: 'trainee.c@demo.concord',
} as const;
export type DemoPerson = keyof typeof DEMO_EMAILS;

/** Seeds the demo into an empty database; returns the project and its people by role. */
export async function seedDemoProject(d: Database): Promise<{ projectId: string; people: Record<DemoPerson, User> }> {
  const projectId = (await seedDemo(d))!.projectId;
  const people = {} as Record<DemoPerson, User>;
  for (const [who, email] of Object.entries(DEMO_EMAILS) as [DemoPerson, string][]) people[who] = (await findUserByEmail(d, email))!;
  return { projectId, people };
}
