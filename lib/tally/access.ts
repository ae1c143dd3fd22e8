/*
 * What the policy needs to know about a session's tallies, loaded once per request:
 * the session, its frozen codebook, who is assigned and who has submitted.
 */
import type { Database } from '@/lib/db';
import type { Codebook } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { enforce } from '@/lib/policy/enforce';
import { eq } from 'drizzle-orm';
import { decideTallyRead, decideTallyWrite, type Actor, type BoardSubject, type TallySubject } from '@/lib/policy/policy';
import { getSession, listAssignments, type AssignmentStatus, type Session } from '@/lib/sessions/sessions';

export interface TallyContext {
  session: Session;
  codebook: Codebook;
  assignments: AssignmentStatus[];
  /** For a calibration round: whether trainees may see each other's marks by name. */
  showNames: boolean;
}

export async function loadTallyContext(d: Database, projectId: string, sessionId: string): Promise<TallyContext | null> {
  const session = await getSession(d, projectId, sessionId);
  if (!session?.codebookVersionId) return null;
  const version = await codebookVersionById(d, session.codebookVersionId);
  if (!version) return null;
  const assignments = (await listAssignments(d, [session.id])).get(session.id) ?? [];
  let showNames = false;
  if (session.purpose === 'calibration') {
    const [round] = await d.db.select({ showNames: d.t.calibrationRounds.showNames }).from(d.t.calibrationRounds).where(eq(d.t.calibrationRounds.sessionId, session.id));
    showNames = round?.showNames ?? false;
  }
  return { session, codebook: version.codebook, assignments, showNames };
}

export function tallySubject(ctx: TallyContext, coderId: string): TallySubject & { submitted: boolean } {
  return {
    coderId,
    revealed: ctx.session.status !== 'coding',
    assignedCoderIds: ctx.assignments.map((a) => a.coderId),
    purpose: ctx.session.purpose,
    showNames: ctx.showNames,
    submitted: ctx.assignments.some((a) => a.coderId === coderId && a.submitted),
  };
}

export function boardSubject(ctx: Pick<TallyContext, 'session' | 'assignments'>): BoardSubject {
  return { status: ctx.session.status, purpose: ctx.session.purpose, assignedCoderIds: ctx.assignments.map((a) => a.coderId) };
}

export function enforceRead(actor: Actor, ctx: TallyContext, coderId: string): void {
  enforce(decideTallyRead(actor, tallySubject(ctx, coderId)));
}

export function enforceWrite(actor: Actor, ctx: TallyContext): void {
  enforce(decideTallyWrite(actor, tallySubject(ctx, actor.userId)));
}
