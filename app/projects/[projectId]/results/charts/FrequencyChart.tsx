import type { Locale, Translate } from '@/lib/i18n/messages';
import { columnLabel, frequencyText, text, type ResultTable } from '@/lib/results';
import { ChartSvg, PercentAxis } from './ChartFigure';
import { colour, MAX_CHART_COLUMNS, truncate } from './palette';

const LABEL_W = 300;
const BAR_W = 320;
const VALUE_W = 50;
const BAR_H = 9;
const GAP = 2;
const GROUP_H = 20;
const LEGEND_PER_ROW = 3;

/** Horizontal bars: per behaviour the share of intervals it was seen in, one bar per column side by side. */
export function FrequencyChart({ id, table, t, locale }: { id: string; table: ResultTable; t: Translate; locale: Locale }) {
  const columns = table.columns.slice(0, MAX_CHART_COLUMNS);
  const rowH = columns.length * (BAR_H + GAP) + 8;
  const legendH = Math.ceil(columns.length / LEGEND_PER_ROW) * 18 + 8;
  const top = legendH + 18;
  const width = LABEL_W + BAR_W + VALUE_W;
  let y = top;
  const layout: ({ kind: 'group'; label: string; y: number } | { kind: 'row'; group: number; row: number; y: number })[] = [];
  table.groups.forEach((g, gi) => {
    layout.push({ kind: 'group', label: text(g.group.label, locale), y });
    y += GROUP_H;
    g.rows.forEach((_, ri) => {
      layout.push({ kind: 'row', group: gi, row: ri, y });
      y += rowH;
    });
  });
  const height = y + 8;
  const aspect = text(table.aspect.label, locale);
  return (
    <ChartSvg id={id} width={width} height={height} title={t('results.chartFrequency', { aspect })} description={t('results.chartFrequencyDesc')}>
      {columns.map((c, i) => {
        const x = 8 + (i % LEGEND_PER_ROW) * 220;
        const ly = 8 + Math.floor(i / LEGEND_PER_ROW) * 18;
        return (
          <g key={c.id}>
            <rect x={x} y={ly} width={12} height={12} fill={colour(i)} />
            <text x={x + 17} y={ly + 10}>
              {truncate(columnLabel(c), 32)}
            </text>
          </g>
        );
      })}
      <PercentAxis x={LABEL_W} width={BAR_W} top={top} bottom={height - 8} ticks={[0, 0.25, 0.5, 0.75, 1]} />
      {layout.map((item) => {
        if (item.kind === 'group') {
          return (
            <text key={`g${item.y}`} x={4} y={item.y + 14} fontWeight={700}>
              {truncate(item.label, 60)}
            </text>
          );
        }
        const row = table.groups[item.group]!.rows[item.row]!;
        const label = `${row.behaviour.code} ${text(row.behaviour.label, locale)}`;
        return (
          <g key={row.behaviour.key}>
            <text x={LABEL_W - 6} y={item.y + rowH / 2 + 3} textAnchor="end" fontStyle={row.behaviour.polarity === 'negative' ? 'italic' : undefined}>
              <title>{label}</title>
              {truncate(label, 45)}
            </text>
            {columns.map((c, i) => {
              const cell = row.cells[i]!;
              const share = cell.n > 0 ? cell.k / cell.n : 0;
              const by = item.y + 4 + i * (BAR_H + GAP);
              return (
                <g key={c.id}>
                  <rect x={LABEL_W} y={by} width={Math.max(share * BAR_W, share > 0 ? 1 : 0)} height={BAR_H} fill={colour(i)}>
                    <title>{`${columnLabel(c)}: ${frequencyText(cell)}`}</title>
                  </rect>
                  <text x={LABEL_W + share * BAR_W + 4} y={by + BAR_H - 1} fontSize={9}>
                    {frequencyText(cell)}
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
