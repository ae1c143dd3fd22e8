import { cellKey, type CellWrite } from './model';

/** A behaviour as the summary needs it: its key and its aspect's. */
export interface SummaryBehaviour {
  key: string;
  aspectKey: string;
}

export interface AspectSummary {
  aspectKey: string;
  marks: number;
  behaviours: number;
  /** Behaviours with no mark in any interval. */
  emptyRows: string[];
}

export interface TallySummary {
  aspects: AspectSummary[];
  marks: number;
  /** Intervals in which the coder touched at least one cell. */
  intervalsTouched: number;
  intervalCount: number;
}

/** What the coder is shown before submitting: marks per aspect and rows left empty. */
export function summarizeTally(behaviours: readonly SummaryBehaviour[], cells: readonly CellWrite[], intervalCount: number): TallySummary {
  const marked = new Set(cells.filter((c) => c.value === 1).map((c) => cellKey(c.behaviourKey, c.interval)));
  const aspects = new Map<string, AspectSummary>();
  for (const behaviour of behaviours) {
    const summary = aspects.get(behaviour.aspectKey) ?? { aspectKey: behaviour.aspectKey, marks: 0, behaviours: 0, emptyRows: [] };
    let rowMarks = 0;
    for (let i = 0; i < intervalCount; i++) if (marked.has(cellKey(behaviour.key, i))) rowMarks++;
    summary.marks += rowMarks;
    summary.behaviours += 1;
    if (rowMarks === 0) summary.emptyRows.push(behaviour.key);
    aspects.set(behaviour.aspectKey, summary);
  }
  const touched = new Set(cells.filter((c) => c.interval >= 0 && c.interval < intervalCount).map((c) => c.interval));
  const marks = [...aspects.values()].reduce((sum, a) => sum + a.marks, 0);
  return { aspects: [...aspects.values()], marks, intervalsTouched: touched.size, intervalCount };
}
