import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { ChartDownload } from './ChartDownload';
import { FONT, GRID, INK, percent } from './palette';

/** A chart with its caption, an optional note and its download buttons. `id` is the SVG's id. */
export function ChartFigure({ id, title, note, fileName, t, children }: { id: string; title: string; note?: string; fileName: string; t: Translate; children: ReactNode }) {
  return (
    <figure className="results-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="results-chart-scroll">{children}</div>
      {note && <p className="hint">{note}</p>}
      <ChartDownload targetId={id} fileName={fileName} svgLabel={t('results.downloadSvg')} pngLabel={t('results.downloadPng')} groupLabel={title} />
    </figure>
  );
}

/** The accessible frame every chart shares: size, white background, title and description. */
export function ChartSvg({ id, width, height, title, description, children }: { id: string; width: number; height: number; title: string; description: string; children: ReactNode }) {
  return (
    <svg id={id} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} fontFamily={FONT} fontSize={11} fill={INK}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
}

/** Vertical grid lines with percentages above them, for horizontal bar charts. */
export function PercentAxis({ x, width, top, bottom, ticks }: { x: number; width: number; top: number; bottom: number; ticks: number[] }) {
  return ticks.map((p) => (
    <g key={p}>
      <line x1={x + p * width} x2={x + p * width} y1={top - 4} y2={bottom} stroke={GRID} />
      <text x={x + p * width} y={top - 7} textAnchor="middle" fontSize={9}>
        {percent(p)}
      </text>
    </g>
  ));
}
