'use client';
/* One behaviour: code, labels, polarity, shortcut, definition, inclusion and exclusion notes, examples. */
import { memo, useState } from 'react';
import type { Behaviour } from '@/lib/codebook/model';
import type { CodebookProblem } from '@/lib/codebook/problems';
import { appended, without, withoutKey } from './draft';
import { fieldId, ItemProblemsContext, sameProblems, useEditor } from './EditorContext';
import { PairFields, SelectField, TextField } from './Fields';

export function behaviourName(b: Behaviour, untitled: string): string {
  return [b.code.trim(), b.label.en.trim()].filter(Boolean).join(' ') || untitled;
}

interface Props {
  behaviour: Behaviour;
  aspectKey: string;
  groupKey: string;
  problems: CodebookProblem[];
}

/** Memoized: typing in one behaviour re-renders only that one (the draft shares unchanged items). */
export const BehaviourEditor = memo(function BehaviourEditor({ behaviour: b, aspectKey, groupKey, problems }: Props) {
  const { tr, edit, focusSoon, announce, isNew } = useEditor();
  const k = b.key;
  const list = ['aspects', { key: aspectKey }, 'groups', { key: groupKey }, 'behaviours'];
  const path = [...list, { key: k }];
  const [open, setOpen] = useState(() => isNew(k));
  const remove = () => {
    edit(list, withoutKey(k));
    announce(tr('codebookEditor.removed', { name: behaviourName(b, tr('codebookEditor.untitled')) }));
    focusSoon(addBehaviourId(groupKey));
  };
  const addExample = () => {
    edit([...path, 'examples'], appended({ en: '', nl: '' }));
    focusSoon(fieldId(k, `examples.${b.examples.length}.en`));
  };
  return (
    <ItemProblemsContext.Provider value={problems}>
      <details className={`item behaviour${b.polarity === 'negative' ? ' negative' : ''}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="item-title">{behaviourName(b, tr('codebookEditor.untitled'))}</span>
          {problems.length > 0 && <span className="problem-badge">{tr('codebookEditor.problemCount', { count: problems.length })}</span>}
        </summary>
        <div className="item-body">
          <div className="pair">
            <TextField itemKey={k} field="code" path={[...path, 'code']} label={tr('codebookEditor.code')} value={b.code} />
            <SelectField
              itemKey={k}
              field="polarity"
              path={[...path, 'polarity']}
              label={tr('codebookEditor.polarity')}
              value={b.polarity}
              options={[
                { value: 'positive', label: tr('codebookEditor.positive') },
                { value: 'negative', label: tr('codebookEditor.negative') },
              ]}
            />
          </div>
          <PairFields itemKey={k} field="label" path={[...path, 'label']} labels={[tr('codebookEditor.labelEn'), tr('codebookEditor.labelNl')]} value={b.label} />
          <TextField itemKey={k} field="shortcut" path={[...path, 'shortcut']} label={tr('codebookEditor.shortcut')} hint={tr('codebookEditor.shortcutHint')} value={b.shortcut ?? ''} className="short" />
          <PairFields itemKey={k} field="definition" path={[...path, 'definition']} labels={[tr('codebookEditor.definitionEn'), tr('codebookEditor.definitionNl')]} value={b.definition} multiline />
          <PairFields itemKey={k} field="include" path={[...path, 'include']} labels={[tr('codebookEditor.includeEn'), tr('codebookEditor.includeNl')]} value={b.include} multiline />
          <PairFields itemKey={k} field="exclude" path={[...path, 'exclude']} labels={[tr('codebookEditor.excludeEn'), tr('codebookEditor.excludeNl')]} value={b.exclude} multiline />
          <fieldset className="examples">
            <legend>{tr('codebookEditor.examples')}</legend>
            {b.examples.map((ex, i) => (
              <div className="example" key={i}>
                <PairFields
                  itemKey={k}
                  field={`examples.${i}`}
                  path={[...path, 'examples', i]}
                  labels={[tr('codebookEditor.exampleEn', { n: i + 1 }), tr('codebookEditor.exampleNl', { n: i + 1 })]}
                  value={ex}
                />
                <button type="button" className="danger small" onClick={() => edit([...path, 'examples'], without(i))}>
                  {tr('codebookEditor.removeExample', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="secondary small" onClick={addExample}>
              {tr('codebookEditor.addExample')}
            </button>
          </fieldset>
          <button type="button" className="danger small" onClick={remove}>
            {tr('codebookEditor.removeBehaviour')}
          </button>
        </div>
      </details>
    </ItemProblemsContext.Provider>
  );
}, (a, b) => a.behaviour === b.behaviour && a.aspectKey === b.aspectKey && a.groupKey === b.groupKey && sameProblems(a.problems, b.problems));

/** The id of a group's "Add behaviour" button (focus goes there after a removal). */
export function addBehaviourId(groupKey: string): string {
  return `add-behaviour-${groupKey}`;
}
