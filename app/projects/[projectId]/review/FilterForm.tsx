/* The desk's filters: a plain GET form, so every filtered view has its own address. */
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import { REVIEW_SORTS, type FilterOptions, type ReviewFilters } from '@/lib/review/filters';

function Select({ id, name, label, all, options, value }: { id: string; name: string; label: string; all: string; options: { value: string; label: string }[]; value: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterForm({ t, filters, options, action }: { t: Translate; filters: ReviewFilters; options: FilterOptions; action: string }) {
  return (
    <form method="get" action={action} className="review-filters" role="search" aria-label={t('review.filters')}>
      <div className="field review-search">
        <label htmlFor="review-q">{t('review.search')}</label>
        <input id="review-q" name="q" type="search" defaultValue={filters.q} aria-describedby="review-q-hint" />
        <small id="review-q-hint" className="hint">
          {t('review.searchHint')}
        </small>
      </div>
      <Select id="review-behaviour" name="behaviour" label={t('review.behaviour')} all={t('review.all')} options={options.behaviours} value={filters.behaviour} />
      <Select id="review-aspect" name="aspect" label={t('review.aspect')} all={t('review.all')} options={options.aspects} value={filters.aspect} />
      <Select id="review-pair" name="pair" label={t('review.pair')} all={t('review.all')} options={options.pairs} value={filters.pair} />
      <Select id="review-case" name="case" label={t('review.case')} all={t('review.all')} options={options.cases} value={filters.caseId} />
      <div className="field">
        <label htmlFor="review-from">{t('review.from')}</label>
        <input id="review-from" name="from" type="date" defaultValue={filters.from} />
      </div>
      <div className="field">
        <label htmlFor="review-to">{t('review.to')}</label>
        <input id="review-to" name="to" type="date" defaultValue={filters.to} />
      </div>
      <Select
        id="review-status"
        name="status"
        label={t('review.statusFilter')}
        all={t('review.all')}
        options={[
          { value: 'settled', label: t('review.status.settled') },
          { value: 'unsettled', label: t('review.unsettled') },
        ]}
        value={filters.status}
      />
      <div className="field">
        <label htmlFor="review-sort">{t('review.sort')}</label>
        <select id="review-sort" name="sort" defaultValue={filters.sort}>
          {REVIEW_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`review.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="review-check">
        <input type="checkbox" name="unclear" value="1" defaultChecked={filters.unclear} /> {t('review.unclearOnly')}
      </label>
      <div className="review-filter-actions">
        <button type="submit" className="primary">
          {t('review.applyFilters')}
        </button>
        <Link href={action}>{t('review.clearFilters')}</Link>
      </div>
    </form>
  );
}
