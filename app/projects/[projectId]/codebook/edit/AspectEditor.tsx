'use client';
/* One aspect: its name and its groups. */
import type { Aspect } from '@/lib/codebook/model';
import { appended, behaviourCount, moved, newGroup, withoutKey } from './draft';
import { fieldId, ItemProblemsContext, useEditor, useItemProblems } from './EditorContext';
import { PairFields } from './Fields';
import { GroupEditor } from './GroupEditor';
import { SortableList } from './SortableList';

export function AspectEditor({ aspect: a }: { aspect: Aspect }) {
  const { tr, edit, focusSoon, markNew, announce } = useEditor();
  const problems = useItemProblems(a.key);
  const name = a.label.en.trim() || tr('codebookEditor.untitled');
  const path = ['aspects', { key: a.key }];
  const list = [...path, 'groups'];
  const addId = `add-group-${a.key}`;

  const addGroup = () => {
    const g = newGroup();
    markNew(g.key);
    edit(list, appended(g));
    focusSoon(fieldId(g.key, 'source'));
  };
  const remove = () => {
    const count = behaviourCount(a);
    if (count > 0 && !window.confirm(tr('codebookEditor.confirmRemoveAspect', { name, count }))) return;
    edit(['aspects'], withoutKey(a.key));
    announce(tr('codebookEditor.removed', { name }));
    focusSoon('add-aspect');
  };

  return (
    <ItemProblemsContext.Provider value={problems}>
      <section className="item aspect" aria-labelledby={`aspect-${a.key}`}>
        <h3 id={`aspect-${a.key}`}>
          {tr('codebookEditor.aspect')}: {name}
        </h3>
        <PairFields itemKey={a.key} field="label" path={[...path, 'label']} labels={[tr('codebookEditor.nameEn'), tr('codebookEditor.nameNl')]} value={a.label} />
        <SortableList
          items={a.groups}
          label={tr('codebookEditor.groups', { name })}
          name={(g) => g.label.en.trim() || tr('codebookEditor.untitled')}
          onMove={(from, to) => edit(list, (old) => moved(old as Aspect['groups'], from, to))}
          render={(g) => <GroupEditor group={g} aspectKey={a.key} />}
        />
        <div className="item-actions">
          <button type="button" id={addId} className="secondary small" onClick={addGroup}>
            {tr('codebookEditor.addGroup')}
          </button>
          <button type="button" className="danger small" onClick={remove}>
            {tr('codebookEditor.removeAspect')}
          </button>
        </div>
      </section>
    </ItemProblemsContext.Provider>
  );
}
