import type { BoardCell } from '@/lib/calibration/report';
import type { Translate } from '@/lib/i18n/messages';
import { cellKey } from '@/lib/tally/model';
import { Scroll } from '../../Scroll';
import styles from '../../calibration.module.css';

export interface BehaviourInfo {
  code: string;
  label: string;
  negative: boolean;
  aspectKey: string;
  aspect: string;
}

export type CellFilter = 'off' | 'split' | 'all';

/**
 * The group board: one row per (behaviour, interval) cell, most split first, with how many
 * trainees marked it and, when the reader may see it, the gold standard's mark. Filtered on
 * the server through a plain GET form, so it works without scripts and never shifts layout.
 */
export function BoardTable({
  t,
  cells,
  behaviours,
  intervals,
  gold,
  filter,
  aspectKey,
  aspects,
  discuss = false,
}: {
  t: Translate;
  cells: BoardCell[];
  behaviours: Map<string, BehaviourInfo>;
  intervals: string[];
  gold: boolean;
  filter: CellFilter;
  aspectKey: string;
  aspects: { key: string; label: string }[];
  /** Each row links to the group discussion of its cell (`#discuss=<cell>`). */
  discuss?: boolean;
}) {
  const shown = cells.filter((c) => {
    if (aspectKey && behaviours.get(c.behaviourKey)?.aspectKey !== aspectKey) return false;
    if (filter === 'split') return c.split > 0;
    if (filter === 'off') return gold ? (c.offGold ?? 0) > 0 : c.split > 0;
    return true;
  });
  const filterOptions: { value: CellFilter; label: string }[] = [
    ...(gold ? [{ value: 'off' as const, label: t('calibration.filterOff') }] : []),
    { value: 'split', label: t('calibration.filterSplit') },
    { value: 'all', label: t('calibration.filterAll') },
  ];
  return (
    <section aria-labelledby="board">
      <h3 id="board">{t('calibration.board')}</h3>
      <p className="hint">{t('calibration.boardHelp')}</p>
      <form method="get" className={styles.filters} aria-label={t('calibration.filter')}>
        <div className={styles.filterField}>
          <label htmlFor="board-show">{t('calibration.filterShow')}</label>
          <select id="board-show" name="show" defaultValue={filter}>
            {filterOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterField}>
          <label htmlFor="board-aspect">{t('calibration.filterAspect')}</label>
          <select id="board-aspect" name="aspect" defaultValue={aspectKey}>
            <option value="">{t('calibration.allAspects')}</option>
            {aspects.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('calibration.filterApply')}
        </button>
      </form>
      {shown.length === 0 ? (
        <p className="empty">{t('calibration.boardEmpty')}</p>
      ) : (
        <Scroll label={t('calibration.scrollable', { table: t('calibration.board') })}>
          <table className={`data ${styles.dense}`}>
            <caption>{t('calibration.boardCaption', { shown: shown.length, total: cells.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('codebook.behaviour')}</th>
                <th scope="col">{t('calibration.intervalMinutes')}</th>
                <th scope="col">{t('calibration.markedBy')}</th>
                {gold && <th scope="col">{t('calibration.goldStandard')}</th>}
                {gold && (
                  <th scope="col" className={styles.num}>
                    {t('calibration.offGold')}
                  </th>
                )}
                {discuss && <th scope="col">{t('calibration.discussion.title')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const b = behaviours.get(c.behaviourKey);
                const share = c.of === 0 ? 0 : c.marked / c.of;
                return (
                  <tr key={`${c.behaviourKey}@${c.interval}`} className={b?.negative ? styles.negative : undefined}>
                    <th scope="row">
                      <code>{b?.code}</code>{' '}
                      {b?.label}
                    </th>
                    <td>{intervals[c.interval] ?? c.interval + 1}</td>
                    <td>
                      <span className={styles.spread}>
                        <span>
                          {c.marked}/{c.of}
                        </span>
                        <span className={styles.bar} aria-hidden="true">
                          <span className={styles.barFill} style={{ width: `${Math.round(share * 100)}%` }} />
                        </span>
                      </span>
                    </td>
                    {gold && <td>{c.gold === 1 ? <span className={styles.goldYes}>{t('calibration.goldMarked')}</span> : <span className={styles.goldNo}>{t('calibration.goldNotMarked')}</span>}</td>}
                    {gold && <td className={styles.num}>{c.offGold ?? '—'}</td>}
                    {discuss && (
                      <td>
                        <a href={`#discuss=${encodeURIComponent(cellKey(c.behaviourKey, c.interval))}`}>
                          {t('calibration.discussion.discuss')}
                          <span className="visually-hidden">
                            {' '}
                            {b?.code} {intervals[c.interval]}
                          </span>
                        </a>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}
