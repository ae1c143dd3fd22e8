import type { Translate } from '@/lib/i18n/messages';
import type { StatisticsBehaviour } from '@/lib/statistics/project-statistics';

/**
 * Disagreements by behaviour × interval position as a table with shaded cells: readable
 * by screen readers (each cell states its count), printable, no chart library needed.
 */
export function Heatmap({ t, behaviours, heatmap, sessionsAtPosition, intervalMinutes }: { t: Translate; behaviours: StatisticsBehaviour[]; heatmap: number[][]; sessionsAtPosition: number[]; intervalMinutes: number }) {
  const max = Math.max(1, ...heatmap.flat());
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <caption>{t('stats.heatmap')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('codebook.behaviour')}</th>
            {sessionsAtPosition.map((_, i) => (
              <th scope="col" key={i}>
                {i * intervalMinutes}–{(i + 1) * intervalMinutes}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {behaviours.map((b, r) => (
            <tr key={b.key} className={b.negative ? 'negative' : undefined}>
              <th scope="row">
                <code>{b.code}</code> {b.label}
              </th>
              {heatmap[r]!.map((n, i) => (
                <td key={i} style={{ background: n ? `rgba(179, 38, 30, ${0.12 + (0.78 * n) / max})` : undefined, color: n / max > 0.6 ? '#fff' : undefined }}>
                  {n || ''}
                  <span className="visually-hidden">{n === 0 ? t('stats.noDisagreement') : ''}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
