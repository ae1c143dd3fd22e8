/*
 * Chart constants. Colours: the Okabe–Ito palette, distinguishable with the common forms
 * of colour blindness; every bar also carries its value as text, so colour is never the
 * only cue. Charts are self-contained SVG (attributes, no CSS), so a downloaded SVG or PNG
 * looks as on screen.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999999'] as const;
export const POSITIVE = '#0072B2';
export const NEGATIVE = '#D55E00';
export const EMPTY = '#F2F4F7';
export const GRID = '#D7DBE3';
export const INK = '#1D2330';
export const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
/** Columns a bar chart draws side by side; more would make it unreadable. */
export const MAX_CHART_COLUMNS = 8;

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
