'use client';
/* One group of an aspect: its source (literature, or an instrument's dimension), label and behaviours. */
import { useContext } from 'react';
import type { Group } from '@/lib/codebook/model';
import { appended, behaviourCount, moved, newBehaviour, withoutKey } from './draft';
import { fieldId, ItemProblemsContext, ProblemIndexContext, useEditor } from './EditorContext';
import { PairFields, SelectField, TextField } from './Fields';
import { addBehaviourId, BehaviourEditor, behaviourName } from './BehaviourEditor';
import { SortableList } from './SortableList';

export function GroupEditor({ group: g, aspectKey }: { group: Group; aspectKey: string }) {
  const { tr, edit, focusSoon, markNew, announce } = useEditor();
  const problems = useContext(ProblemIndexContext);
  const name = g.label.en.trim() || tr('codebookEditor.untitled');
  const groups = ['aspects', { key: aspectKey }, 'groups'];
  const path = [...groups, { key: g.key }];
  const list = [...path, 'behaviours'];
  const addId = addBehaviourId(g.key);

  const addBehaviour = () => {
    const b = newBehaviour();
    markNew(b.key);
    edit(list, appended(b));
    focusSoon(fieldId(b.key, 'code'));
  };
  const remove = () => {
    const count = behaviourCount(g);
    if (count > 0 && !window.confirm(tr('codebookEditor.confirmRemoveGroup', { name, count }))) return;
    edit(groups, withoutKey(g.key));
    announce(tr('codebookEditor.removed', { name }));
    focusSoon(`add-group-${aspectKey}`);
  };

  return (
    <ItemProblemsContext.Provider value={problems.get(g.key) ?? []}>
      <fieldset className="item group">
        <legend>
          {tr('codebookEditor.group')}: {name}
        </legend>
        <div className="pair">
          <SelectField
            itemKey={g.key}
            field="source"
            path={[...path, 'source']}
            label={tr('codebookEditor.source')}
            value={g.source}
            options={[
              { value: 'literature', label: tr('codebook.sourceLiterature') },
              { value: 'instrument', label: tr('codebook.sourceInstrument') },
            ]}
          />
          {g.source === 'instrument' && (
            <TextField itemKey={g.key} field="instrument" path={[...path, 'instrument']} label={tr('codebookEditor.instrument')} value={g.instrument ?? ''} />
          )}
        </div>
        <PairFields itemKey={g.key} field="label" path={[...path, 'label']} labels={[tr('codebookEditor.nameEn'), tr('codebookEditor.nameNl')]} value={g.label} />
        {g.source === 'instrument' && (
          <TextField
            itemKey={g.key}
            field="dimension"
            path={[...path, 'dimension']}
            label={tr('codebookEditor.dimension')}
            hint={tr('codebookEditor.dimensionHint')}
            value={g.dimension ?? ''}
            className="short"
          />
        )}
        <SortableList
          items={g.behaviours}
          label={tr('codebookEditor.behaviours', { name })}
          name={(b) => behaviourName(b, tr('codebookEditor.untitled'))}
          onMove={(from, to) => edit(list, (old) => moved(old as Group['behaviours'], from, to))}
          render={(b) => <BehaviourEditor behaviour={b} aspectKey={aspectKey} groupKey={g.key} problems={problems.get(b.key) ?? []} />}
        />
        <div className="item-actions">
          <button type="button" id={addId} className="secondary small" onClick={addBehaviour}>
            {tr('codebookEditor.addBehaviour')}
          </button>
          <button type="button" className="danger small" onClick={remove}>
            {tr('codebookEditor.removeGroup')}
          </button>
        </div>
      </fieldset>
    </ItemProblemsContext.Provider>
  );
}
