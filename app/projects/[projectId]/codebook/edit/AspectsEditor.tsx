'use client';
/* The codebook's aspects: a reorderable list with "Add aspect". */
import type { Aspect } from '@/lib/codebook/model';
import { appended, moved, newAspect } from './draft';
import { fieldId, useEditor } from './EditorContext';
import { AspectEditor } from './AspectEditor';
import { SortableList } from './SortableList';

const LIST = ['aspects'] as const;

export function AspectsEditor({ aspects }: { aspects: Aspect[] }) {
  const { tr, edit, focusSoon, markNew, groupLabel } = useEditor();
  const name = (a: Aspect) => a.label.en.trim() || tr('codebookEditor.untitled');
  const add = () => {
    const a = newAspect(groupLabel);
    markNew(a.key);
    a.groups.forEach((g) => markNew(g.key));
    edit(LIST, appended(a));
    focusSoon(fieldId(a.key, 'label.en'));
  };
  return (
    <section aria-labelledby="aspects-heading" className="editor-aspects">
      <h2 id="aspects-heading">{tr('codebookEditor.aspects')}</h2>
      <SortableList
        items={aspects}
        label={tr('codebookEditor.aspects')}
        name={name}
        onMove={(from, to) => edit(LIST, (old) => moved(old as Aspect[], from, to))}
        render={(a) => <AspectEditor aspect={a} />}
      />
      <button type="button" id="add-aspect" className="secondary" onClick={add}>
        {tr('codebookEditor.addAspect')}
      </button>
    </section>
  );
}
