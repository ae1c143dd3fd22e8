import Link from 'next/link';
import type { CalibrationCriteria } from '@/lib/calibration/figures';
import type { CalibrationStatus } from '@/lib/calibration/report';
import type { GoldRecording, Round } from '@/lib/calibration/rounds';
import type { Locale, Translate } from '@/lib/i18n/messages';
import type { Member } from '@/lib/projects/members';
import { ActionForm, CheckboxField, CheckboxGroup, Field, SelectField, SubmitButton } from '@/app/_components/Form';
import { createRoundAction } from './actions';
import { formatDate, statusBadge } from './format';
import styles from './calibration.module.css';

export function roundStatus(t: Translate, round: Round): string {
  if (round.revealed) return t('calibration.status.revealed');
  if (round.deadline && round.deadline.getTime() < Date.now()) return t('calibration.status.overdue');
  return t('calibration.status.open');
}

/** Every round of the project, for those who run or oversee training; a form for a new one. */
export function RoundsSection({
  t,
  locale,
  projectId,
  rounds,
  manage,
  recordings,
  candidates,
  statuses,
  criteria,
}: {
  t: Translate;
  locale: Locale;
  projectId: string;
  rounds: Round[];
  manage: boolean;
  recordings: GoldRecording[];
  candidates: Member[];
  statuses: Map<string, CalibrationStatus>;
  criteria: CalibrationCriteria;
}) {
  const settled = recordings.filter((g) => g.settled);
  const table =
    rounds.length === 0 ? (
      <p className="empty">{t('calibration.noRounds')}</p>
    ) : (
      <table className={`data ${styles.table}`}>
        <caption className="visually-hidden">{t('calibration.rounds')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calibration.round')}</th>
            <th scope="col">{t('calibration.recording')}</th>
            <th scope="col">{t('calibration.deadline')}</th>
            <th scope="col" className={styles.num}>
              {t('calibration.submittedCount')}
            </th>
            <th scope="col">{t('sessions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {[...rounds].reverse().map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/projects/${projectId}/calibration/rounds/${r.id}`}>{r.session.label}</Link>
              </th>
              <td>{r.goldLabel}</td>
              <td>{formatDate(r.deadline, locale)}</td>
              <td className={styles.num}>
                {r.trainees.filter((a) => a.submitted).length}/{r.trainees.length}
              </td>
              <td>{roundStatus(t, r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  if (!manage) {
    return (
      <section aria-labelledby="rounds">
        <h2 id="rounds">{t('calibration.rounds')}</h2>
        {table}
      </section>
    );
  }
  return (
    <section aria-labelledby="rounds" className={styles.twoCols}>
      <div>
        <h2 id="rounds">{t('calibration.rounds')}</h2>
        {table}
      </div>
      <div className="card">
        <h3>{t('calibration.newRound')}</h3>
        {settled.length === 0 ? (
          <p className="empty">{t('calibration.noSettled')}</p>
        ) : (
          <ActionForm action={createRoundAction.bind(null, projectId)} label={t('calibration.newRound')}>
            <SelectField
              name="goldSessionId"
              label={t('calibration.recording')}
              defaultValue={settled.at(-1)!.session.id}
              options={settled.map((g) => ({ value: g.session.id, label: `${g.session.caseNumber} · ${g.session.label}` }))}
            />
            <Field name="label" label={`${t('calibration.roundLabel')} (${t('common.optional')})`} hint={t('calibration.roundLabelHint')} />
            <CheckboxGroup
              name="traineeIds"
              legend={t('calibration.trainees')}
              options={candidates.map((m) => ({ value: m.userId, label: m.name, badge: statusBadge(t, locale, criteria, statuses.get(m.userId)) }))}
              empty={t('calibration.noCandidates')}
            />
            <Field name="deadline" type="date" label={`${t('calibration.deadline')} (${t('common.optional')})`} />
            <CheckboxField name="showGold" label={t('calibration.showGold')} hint={t('calibration.showGoldHint')} defaultChecked />
            <CheckboxField name="showNames" label={t('calibration.showNames')} hint={t('calibration.showNamesHint')} />
            <SubmitButton>{t('calibration.createRound')}</SubmitButton>
          </ActionForm>
        )}
      </div>
    </section>
  );
}
