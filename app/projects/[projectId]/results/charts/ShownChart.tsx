import type { Locale, Translate } from '@/lib/i18n/messages';
import { columnLabel, text, type ResultTable } from '@/lib/results';
import { ChartSvg, PercentAxis } from './ChartFigure';
import { MAX_CHART_COLUMNS, NEGATIVE, POSITIVE, truncate } from './palette';

const LABEL_W = 200;
const BAR_W = 300;
const TEXT_W = 190;
const BAR_H = 12;
const ROW_H = 2 * (BAR_H + 3) + 12;

/**
 * Per column, the share of the aspect's positive and of its negative behaviours that were
 * shown at least once. Negative bars are also hatched, and every bar says "6 of 10 …".
 */
export function ShownChart({ id, table, t, locale }: { id: string; table: ResultTable; t: Translate; locale: Locale }) {
  const columns = table.columns.slice(0, MAX_CHART_COLUMNS);
  const top = 44;
  const width = LABEL_W + BAR_W + TEXT_W;
  const height = top + columns.length * ROW_H + 8;
  const hatch = `${id}-hatch`;
  const kinds = [
    { pick: 'positive' as const, fill: POSITIVE, label: t('results.positive') },
    { pick: 'negative' as const, fill: `url(#${hatch})`, label: t('results.negative') },
  ];
  return (
    <ChartSvg id={id} width={width} height={height} title={t('results.chartShown', { aspect: text(table.aspect.label, locale) })} description={t('results.chartShownDesc')}>
      <defs>
        <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} fill={NEGATIVE} />
          <line x1={0} y1={0} x2={0} y2={6} stroke="#ffffff" strokeWidth={2} />
        </pattern>
      </defs>
      {kinds.map((k, i) => (
        <g key={k.pick}>
          <rect x={8 + i * 140} y={8} width={12} height={12} fill={k.fill} />
          <text x={25 + i * 140} y={18}>
            {k.label}
          </text>
        </g>
      ))}
      <PercentAxis x={LABEL_W} width={BAR_W} top={top} bottom={height - 8} ticks={[0, 0.5, 1]} />
      {columns.map((c, ci) => {
        const y = top + ci * ROW_H;
        const foot = table.foot[ci]!;
        return (
          <g key={c.id}>
            <text x={LABEL_W - 6} y={y + BAR_H + 4} textAnchor="end">
              {truncate(columnLabel(c), 30)}
            </text>
            {kinds.map((k, ki) => {
              const total = table.aspect[k.pick];
              const shown = foot[k.pick];
              const share = total > 0 ? shown / total : 0;
              const by = y + 2 + ki * (BAR_H + 3);
              const label = t('results.shownOf', { shown, total, polarity: k.label });
              return (
                <g key={k.pick}>
                  <rect x={LABEL_W} y={by} width={share * BAR_W} height={BAR_H} fill={k.fill} stroke={k.pick === 'negative' ? NEGATIVE : undefined}>
                    <title>{`${columnLabel(c)}: ${label}`}</title>
                  </rect>
                  <text x={LABEL_W + share * BAR_W + 4} y={by + BAR_H - 2} fontSize={10} fontStyle={k.pick === 'negative' ? 'italic' : undefined}>
                    {label}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}
