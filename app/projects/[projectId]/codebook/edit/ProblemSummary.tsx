'use client';
/* Every validation problem of the draft, each with a button that takes you to its field. */
import type { Codebook } from '@/lib/codebook/model';
import type { CodebookProblem } from '@/lib/codebook/problems';
import { problemText, type Tr } from '../messages';
import { fieldId, problemItemKey, reveal } from './EditorContext';

export const PROBLEM_SUMMARY_ID = 'codebook-problems';

/** "Behaviour PI-1", "Aspect Involvement", … for each item of the draft, by key. */
function itemNames(cb: Codebook, tr: Tr): Map<string, string> {
  const untitled = tr('codebookEditor.untitled');
  const names = new Map<string, string>([['codebook', tr('codebook.kind.codebook')]]);
  for (const a of cb.aspects) {
    names.set(a.key, `${tr('codebook.kind.aspect')} ${a.label.en.trim() || untitled}`);
    for (const g of a.groups) {
      names.set(g.key, `${tr('codebook.kind.group')} ${g.label.en.trim() || untitled}`);
      for (const b of g.behaviours) names.set(b.key, `${tr('codebook.kind.behaviour')} ${b.code.trim() || b.label.en.trim() || untitled}`);
    }
  }
  for (const s of cb.ratingScales) names.set(s.key, `${tr('codebook.kind.scale')} ${s.label.en.trim() || untitled}`);
  return names;
}

export function ProblemSummary({ problems, draft, tr }: { problems: CodebookProblem[]; draft: Codebook; tr: Tr }) {
  if (problems.length === 0) return null;
  const names = itemNames(draft, tr);
  return (
    <section id={PROBLEM_SUMMARY_ID} className="problem-summary" aria-labelledby={`${PROBLEM_SUMMARY_ID}-title`} tabIndex={-1}>
      <h2 id={`${PROBLEM_SUMMARY_ID}-title`}>{tr('codebookEditor.problemsTitle', { count: problems.length })}</h2>
      <ul>
        {problems.map((p, i) => {
          const key = problemItemKey(p);
          const field = p.target?.field;
          const text = `${names.get(key) ?? ''}: ${problemText(tr, p)}`;
          return (
            <li key={i}>
              {field && field !== 'key' ? (
                <button type="button" className="link-button" onClick={() => reveal(fieldId(key, field))}>
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
