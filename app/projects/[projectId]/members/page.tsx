import { calibrationStatuses, criteriaOf, type CalibrationStatus } from '@/lib/calibration/report';
import { can } from '@/lib/policy/policy';
import { ROLES } from '@/lib/policy/roles';
import { listOpenInvitations } from '@/lib/projects/invitations';
import { listMembers } from '@/lib/projects/members';
import { getProjectSettings } from '@/lib/projects/settings';
import { ActionForm, CheckboxGroup, Field, SubmitButton } from '@/app/_components/Form';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { inviteAction, removeMemberAction, revokeInvitationAction, setRolesAction } from '../actions';
import { InvitationLink, RemoveMemberButton } from './MemberControls';
import { statusBadge } from '../calibration/format';

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, actor } = await requireProject(projectId, 'members.view');
  const t = await getT();
  const manage = can(actor, 'members.manage');
  const members = await listMembers(d, project.id);
  const invitations = manage ? await listOpenInvitations(d, project.id) : [];
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  // Calibration badges, for who assigns coders or runs training: trainees always, coders once they took a round.
  const showCalibration = manage || can(actor, 'calibration.manage');
  const statuses: Map<string, CalibrationStatus> = showCalibration ? await calibrationStatuses(d, project.id) : new Map();
  const criteria = criteriaOf(await getProjectSettings(d, project.id));
  const locale = await currentLocale();
  const badgeOf = (m: (typeof members)[number]) => {
    if (!showCalibration || m.removed || !(m.roles.includes('trainee') || (m.roles.includes('coder') && statuses.has(m.userId)))) return null;
    const badge = statusBadge(t, locale, criteria, statuses.get(m.userId));
    return <span className={`badge ${badge.tone}`}>{badge.text}</span>;
  };
  return (
    <div className="split">
      <section aria-labelledby="members">
        <h2 id="members">{t('members.title')}</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.roles')}</th>
              {manage && <th scope="col">{t('common.remove')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} className={m.removed ? 'removed' : undefined}>
                <td>
                  {m.name} {badgeOf(m)}
                </td>
                <td>{m.email}</td>
                <td>
                  {m.removed ? (
                    <em>{t('members.removed')}</em>
                  ) : manage ? (
                    <ActionForm action={setRolesAction.bind(null, project.id, m.userId)} className="inline" label={`${t('members.roles')}: ${m.name}`}>
                      <CheckboxGroup name="roles" legend={`${t('members.roles')}: ${m.name}`} options={roleOptions} checked={m.roles} />
                      <SubmitButton className="secondary">{t('members.updateRoles')}</SubmitButton>
                    </ActionForm>
                  ) : (
                    m.roles.map((r) => t(`role.${r}`)).join(', ')
                  )}
                </td>
                {manage && (
                  <td>
                    {!m.removed && (
                      <RemoveMemberButton
                        action={removeMemberAction.bind(null, project.id, m.userId)}
                        label={`${t('common.remove')} ${m.name}`}
                        confirmText={t('common.confirmRemove', { name: m.name })}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {manage && (
        <section className="card" aria-labelledby="invite">
          <h2 id="invite">{t('members.invite')}</h2>
          <p className="hint">{t('members.inviteHelp')}</p>
          <ActionForm action={inviteAction.bind(null, project.id)} label={t('members.invite')}>
            <CheckboxGroup name="roles" legend={t('members.roles')} options={roleOptions} checked={['coder']} />
            <Field name="email" type="email" label={`${t('members.inviteEmail')} (${t('common.optional')})`} />
            <SubmitButton>{t('members.inviteCreate')}</SubmitButton>
            <InvitationLink label={t('members.inviteLink')} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />
          </ActionForm>
          {invitations.length > 0 && (
            <>
              <h3>{t('members.pendingInvites')}</h3>
              <ul className="plain">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.roles.map((r) => t(`role.${r}`)).join(', ')} {i.email ? `· ${i.email}` : ''} · {i.expiresAt.toISOString().slice(0, 10)}{' '}
                    <form action={revokeInvitationAction.bind(null, project.id, i.id)} className="inline">
                      <button type="submit" className="link-button">
                        {t('members.revoke')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
