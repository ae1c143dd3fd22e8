'use client';
/* Global rating scales: label, range, the dimension rated, and anchor texts per score. */
import type { RatingScale } from '@/lib/codebook/model';
import { appended, moved, newScale, without, withoutKey } from './draft';
import { fieldId, ItemProblemsContext, useEditor, useItemProblems } from './EditorContext';
import { NumberField, PairFields, TextField } from './Fields';
import { SortableList } from './SortableList';

const LIST = ['ratingScales'] as const;

function scaleName(s: RatingScale, untitled: string): string {
  return s.label.en.trim() || untitled;
}

/** The lowest score of the scale that has no anchor yet (or the minimum). */
function freeScore(s: RatingScale): number {
  const used = new Set(s.anchors.map((a) => a.value));
  for (let v = s.min; Number.isFinite(v) && v <= s.max; v++) if (!used.has(v)) return v;
  return Number.isFinite(s.min) ? s.min : 0;
}

function ScaleEditor({ scale: s }: { scale: RatingScale }) {
  const { tr, edit, focusSoon, announce } = useEditor();
  const problems = useItemProblems(s.key);
  const path = [...LIST, { key: s.key }];
  const name = scaleName(s, tr('codebookEditor.untitled'));
  const addAnchor = () => {
    edit([...path, 'anchors'], appended({ value: freeScore(s), text: { en: '', nl: '' } }));
    focusSoon(fieldId(s.key, `anchors.${s.anchors.length}.value`));
  };
  return (
    <ItemProblemsContext.Provider value={problems}>
      <fieldset className="item scale">
        <legend>
          {tr('codebookEditor.scale')}: {name}
        </legend>
        <PairFields itemKey={s.key} field="label" path={[...path, 'label']} labels={[tr('codebookEditor.nameEn'), tr('codebookEditor.nameNl')]} value={s.label} />
        <div className="pair">
          <NumberField itemKey={s.key} field="min" path={[...path, 'min']} label={tr('codebookEditor.min')} value={s.min} />
          <NumberField itemKey={s.key} field="max" path={[...path, 'max']} label={tr('codebookEditor.max')} value={s.max} />
          <TextField itemKey={s.key} field="dimension" path={[...path, 'dimension']} label={tr('codebookEditor.scaleDimension')} value={s.dimension ?? ''} />
        </div>
        <fieldset className="examples">
          <legend>{tr('codebookEditor.anchors')}</legend>
          {s.anchors.map((a, i) => (
            <div className="example anchor" key={i}>
              <NumberField itemKey={s.key} field={`anchors.${i}.value`} path={[...path, 'anchors', i, 'value']} label={tr('codebookEditor.anchorValue')} value={a.value} />
              <PairFields
                itemKey={s.key}
                field={`anchors.${i}.text`}
                path={[...path, 'anchors', i, 'text']}
                labels={[tr('codebookEditor.anchorEn', { value: a.value }), tr('codebookEditor.anchorNl', { value: a.value })]}
                value={a.text}
              />
              <button type="button" className="danger small" onClick={() => edit([...path, 'anchors'], without(i))}>
                {tr('codebookEditor.removeAnchor', { value: a.value })}
              </button>
            </div>
          ))}
          <button type="button" className="secondary small" onClick={addAnchor}>
            {tr('codebookEditor.addAnchor')}
          </button>
        </fieldset>
        <button
          type="button"
          className="danger small"
          onClick={() => {
            edit(LIST, withoutKey(s.key));
            announce(tr('codebookEditor.removed', { name }));
            focusSoon('add-scale');
          }}
        >
          {tr('codebookEditor.removeScale')}
        </button>
      </fieldset>
    </ItemProblemsContext.Provider>
  );
}

export function ScalesEditor({ scales }: { scales: RatingScale[] }) {
  const { tr, edit, focusSoon } = useEditor();
  const add = () => {
    const s = newScale();
    edit(LIST, appended(s));
    focusSoon(fieldId(s.key, 'label.en'));
  };
  return (
    <section aria-labelledby="scales-heading" className="editor-scales">
      <h2 id="scales-heading">{tr('codebookEditor.scales')}</h2>
      <p className="hint">{tr('codebookEditor.scalesHint')}</p>
      <SortableList
        items={scales}
        label={tr('codebookEditor.scales')}
        name={(s) => scaleName(s, tr('codebookEditor.untitled'))}
        onMove={(from, to) => edit(LIST, (old) => moved(old as RatingScale[], from, to))}
        render={(s) => <ScaleEditor scale={s} />}
      />
      <button type="button" id="add-scale" className="secondary small" onClick={add}>
        {tr('codebookEditor.addScale')}
      </button>
    </section>
  );
}
