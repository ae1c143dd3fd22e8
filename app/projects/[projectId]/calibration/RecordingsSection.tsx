import Link from 'next/link';
import type { GoldRecording } from '@/lib/calibration/rounds';
import type { Translate } from '@/lib/i18n/messages';
import { ActionForm, CheckboxGroup, Field, SelectField, SubmitButton } from '@/app/_components/Form';
import { FileImport } from '@/app/_components/FileImport';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { createGoldAction } from './actions';
import styles from './calibration.module.css';

/** Calibration recordings (gold sessions): who settles each gold standard, and a form for a new one. */
export function RecordingsSection({
  t,
  projectId,
  userId,
  recordings,
  coders,
  versions,
}: {
  t: Translate;
  projectId: string;
  userId: string;
  recordings: GoldRecording[];
  /** Members who may code a gold recording (coders, trainers). */
  coders: { userId: string; name: string }[];
  versions: { id: string; number: number }[];
}) {
  const base = `/projects/${projectId}/sessions`;
  return (
    <section aria-labelledby="recordings" className={styles.twoCols}>
      <div>
        <h2 id="recordings">{t('calibration.recordings')}</h2>
        {recordings.length === 0 ? (
          <p className="empty">{t('calibration.noRecordings')}</p>
        ) : (
          <table className={`data ${styles.table}`}>
            <caption className="visually-hidden">{t('calibration.recordings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.case')}</th>
                <th scope="col">{t('calibration.recording')}</th>
                <th scope="col">{t('calibration.goldStandard')}</th>
                <th scope="col">{t('calibration.open')}</th>
              </tr>
            </thead>
            <tbody>
              {recordings.map((g) => {
                const submitted = g.assignments.filter((a) => a.submitted).length;
                const mine = g.assignments.find((a) => a.coderId === userId);
                return (
                  <tr key={g.session.id}>
                    <td>{g.session.caseNumber}</td>
                    <th scope="row">{g.session.label}</th>
                    <td>
                      {g.settled ? (
                        <span className="badge ok">{t('calibration.settled')}</span>
                      ) : g.assignments.length === 0 ? (
                        t('calibration.noGoldCoders')
                      ) : (
                        t('calibration.goldCodedBy', { names: g.assignments.map((a) => a.name).join(', '), submitted, total: g.assignments.length })
                      )}
                    </td>
                    <td>
                      <Link href={`${base}/${g.session.id}`}>
                        {t('calibration.sessionPage')}
                        <span className="visually-hidden"> {g.session.label}</span>
                      </Link>
                      {mine && !mine.submitted && !g.settled && (
                        <>
                          {' · '}
                          <Link href={`${base}/${g.session.id}/tally`}>
                            {t('tally.open')}
                            <span className="visually-hidden"> {g.session.label}</span>
                          </Link>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {recordings.some((g) => !g.settled) && (
          <FileImport
            endpoint={`/api/projects/${projectId}/tallies/import`}
            accept=".csv,text/csv"
            maxBytes={MAX_IMPORT_BYTES}
            labels={{ title: t('calibration.importGold'), file: t('tallies.importFile'), hint: t('calibration.importHint'), submit: t('tallies.importSubmit'), tooLarge: t('error.tooLarge') }}
          />
        )}
      </div>
      <div className="card">
        <h3>{t('calibration.newRecording')}</h3>
        <ActionForm action={createGoldAction.bind(null, projectId)} label={t('calibration.newRecording')}>
          <Field name="caseNumber" label={t('calibration.caseNumber')} hint={t('calibration.caseNumberHint')} required />
          <Field name="label" label={t('sessions.label')} required />
          <Field name="durationMinutes" type="number" min={1} step="any" label={t('sessions.duration')} required />
          <Field name="intervalMinutes" type="number" min={1} step="any" label={t('sessions.interval')} defaultValue={5} />
          {versions.length > 1 && (
            <SelectField
              name="codebookVersionId"
              label={t('sessions.codebookVersion')}
              defaultValue={versions[0]!.id}
              options={versions.map((v) => ({ value: v.id, label: t('codebook.version', { number: v.number }) }))}
            />
          )}
          <CheckboxGroup
            name="coderIds"
            legend={t('calibration.goldCoders')}
            options={coders.map((c) => ({ value: c.userId, label: c.name }))}
            checked={coders.some((c) => c.userId === userId) ? [userId] : []}
            empty={t('calibration.noGoldCoderCandidates')}
          />
          <p className="hint">{t('calibration.goldCodersHint')}</p>
          <SubmitButton>{t('calibration.createRecording')}</SubmitButton>
        </ActionForm>
      </div>
    </section>
  );
}
