import type { CalibrationCriteria } from '@/lib/calibration/figures';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { ActionForm, Field, SelectField, SubmitButton } from '@/app/_components/Form';
import { saveCriteriaAction } from './actions';
import { formatShare } from './format';
import styles from './calibration.module.css';

/** The project's calibration criteria, for those who manage calibration. */
export function CriteriaSection({ t, locale, projectId, criteria }: { t: Translate; locale: Locale; projectId: string; criteria: CalibrationCriteria }) {
  return (
    <section className={`card ${styles.narrowCard}`} aria-labelledby="criteria">
      <h2 id="criteria">{t('calibration.criteria')}</h2>
      <p className="hint">{t('calibration.criteriaHelp')}</p>
      <ActionForm action={saveCriteriaAction.bind(null, projectId)} label={t('calibration.criteria')}>
        <SelectField
          name="markStatistic"
          label={t('calibration.statistic')}
          hint={t('calibration.statisticHint')}
          defaultValue={criteria.statistic}
          options={[
            { value: 'kappa', label: t('calibration.statKappa') },
            { value: 'ac1', label: t('calibration.statAc1') },
          ]}
        />
        <Field name="markThreshold" label={t('calibration.threshold')} hint={t('calibration.thresholdHint')} defaultValue={formatShare(criteria.threshold, locale)} />
        <Field name="ratingTolerance" type="number" min={0} step={1} label={t('calibration.ratingTolerance')} hint={t('calibration.ratingToleranceHint')} defaultValue={criteria.ratingTolerance} />
        <Field name="ratingShare" label={t('calibration.ratingShare')} hint={t('calibration.ratingShareHint')} defaultValue={formatShare(criteria.ratingShare, locale)} />
        <SubmitButton>{t('calibration.criteriaSave')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
