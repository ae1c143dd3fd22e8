'use client';
import type { RatingWrite } from '@/lib/tally/model';
import type { TallyLabels } from './labels';

export interface GridScale {
  key: string;
  label: string;
  min: number;
  max: number;
  anchors: Record<number, string>;
}

/** Global rating scales, one radio group per scale, below the grid. */
export function RatingsPanel({ scales, values, readOnly, labels, onRate }: { scales: GridScale[]; values: Map<string, RatingWrite>; readOnly: boolean; labels: TallyLabels; onRate(scaleKey: string, value: number | null): void }) {
  if (scales.length === 0) return null;
  return (
    <section className="ratings card" aria-labelledby="ratings-title">
      <h3 id="ratings-title">{labels.ratings}</h3>
      {scales.map((scale) => {
        const current = values.get(scale.key)?.value ?? null;
        const options = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
        return (
          <fieldset key={scale.key} className="rating" disabled={readOnly}>
            <legend>{scale.label}</legend>
            {options.map((v) => (
              <label key={v} title={scale.anchors[v]}>
                <input type="radio" name={`rating-${scale.key}`} value={v} checked={current === v} onChange={() => onRate(scale.key, v)} />
                {v > 0 ? `+${v}` : v}
                {scale.anchors[v] && <span className="anchor">{scale.anchors[v]}</span>}
              </label>
            ))}
            {current !== null && !readOnly && (
              <button type="button" className="link-button" onClick={() => onRate(scale.key, null)}>
                {labels.clearRating}
              </button>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
