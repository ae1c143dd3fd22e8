import type { Locale, Translate } from '@/lib/i18n/messages';
import { text, type ResultSession, type VersionResults } from '@/lib/results';
import { intervalHeading } from '@/lib/sessions/intervals';
import { ChartSvg } from './ChartFigure';
import { EMPTY, GRID, POSITIVE, truncate } from './palette';

const LABEL_W = 300;
const CELL_W = 34;
const CELL_H = 14;
const ASPECT_H = 20;

/** Behaviours × intervals of one finalized session: when in the talk each behaviour was seen. */
export function SessionHeatmap({ id, version, session, t, locale }: { id: string; version: VersionResults; session: ResultSession; t: Translate; locale: Locale }) {
  const N = session.intervals.length;
  const top = 52;
  const rows: ({ kind: 'aspect'; label: string; y: number } | { kind: 'row'; index: number; y: number })[] = [];
  let y = top;
  version.aspects.forEach((aspect) => {
    rows.push({ kind: 'aspect', label: text(aspect.label, locale), y });
    y += ASPECT_H;
    for (const g of aspect.groups) {
      for (const index of g.behaviours) {
        rows.push({ kind: 'row', index, y });
        y += CELL_H + 2;
      }
    }
  });
  const width = LABEL_W + N * CELL_W + 10;
  const height = y + 8;
  const seen = t('results.seen');
  const notSeen = t('results.notSeen');
  return (
    <ChartSvg id={id} width={width} height={height} title={t('results.chartHeatmap', { session: `${session.caseNumber} · ${session.label}` })} description={t('results.chartHeatmapDesc')}>
      <rect x={8} y={8} width={12} height={12} fill={POSITIVE} />
      <text x={25} y={18}>
        {seen}
      </text>
      <rect x={100} y={8} width={12} height={12} fill={EMPTY} stroke={GRID} />
      <text x={117} y={18}>
        {notSeen}
      </text>
      {session.intervals.map((interval) => (
        <text key={interval.index} x={LABEL_W + interval.index * CELL_W + CELL_W / 2} y={top - 8} textAnchor="middle" fontSize={9}>
          {intervalHeading(interval)}
        </text>
      ))}
      {rows.map((r) => {
        if (r.kind === 'aspect') {
          return (
            <text key={`a${r.y}`} x={4} y={r.y + 14} fontWeight={700}>
              {truncate(r.label, 60)}
            </text>
          );
        }
        const b = version.behaviours[r.index]!;
        const label = `${b.code} ${text(b.label, locale)}`;
        return (
          <g key={b.key}>
            <text x={LABEL_W - 6} y={r.y + CELL_H - 3} textAnchor="end" fontSize={10} fontStyle={b.polarity === 'negative' ? 'italic' : undefined}>
              <title>{label}</title>
              {truncate(label, 48)}
            </text>
            {session.intervals.map((interval) => {
              const on = session.marks[r.index * N + interval.index] === 1;
              return (
                <rect key={interval.index} x={LABEL_W + interval.index * CELL_W + 1} y={r.y} width={CELL_W - 2} height={CELL_H} fill={on ? POSITIVE : EMPTY} stroke={on ? undefined : GRID}>
                  <title>{`${b.code} · ${intervalHeading(interval)}: ${on ? seen : notSeen}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}
