import type { Translate } from '@/lib/i18n/messages';
import { ActionForm, SubmitButton } from '@/app/_components/Form';
import { revealRoundAction } from '../../actions';
import styles from '../../calibration.module.css';

/**
 * The trainer reveals a round: a deliberate second step (inside <details>) that says who
 * will be left out. Nothing is revealed automatically.
 */
export function RevealForm({ t, projectId, roundId, submitted, total, showGold, showNames }: { t: Translate; projectId: string; roundId: string; submitted: number; total: number; showGold: boolean; showNames: boolean }) {
  const missing = total - submitted;
  return (
    <section aria-labelledby="reveal">
      <h3 id="reveal">{t('calibration.revealTitle')}</h3>
      {submitted === 0 ? (
        <p className="empty">{t('calibration.nobodySubmitted')}</p>
      ) : (
        <details className={styles.reveal}>
          <summary>{t('calibration.revealOpen')}</summary>
          <p>{t('calibration.revealSubmitted', { submitted, total })}</p>
          {missing > 0 && <p className="notice">{t('calibration.revealMissing', { missing })}</p>}
          <p className="hint">
            {t('calibration.revealWhat')} {showGold ? t('calibration.revealGold') : t('calibration.revealNoGold')} {showNames ? t('calibration.revealNames') : t('calibration.revealNoNames')}
          </p>
          <ActionForm action={revealRoundAction.bind(null, projectId, roundId)} label={t('calibration.revealTitle')}>
            <SubmitButton>{t('calibration.revealConfirm')}</SubmitButton>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
