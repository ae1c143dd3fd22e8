/* Import problems as a table: file, row (spreadsheets) or line (JSON, XML), column, message. Text only, never HTML. */
import type { Problem } from '@/lib/files/problems';
import type { Tr } from './messages';

const TABULAR = /\.(csv|tsv|txt|xlsx|xlsm)$/i;

function place(p: Problem, tr: Tr): string {
  if (p.line === undefined) return '';
  const tabular = typeof p.column === 'string' || TABULAR.test(p.file ?? '');
  return tr(tabular ? 'codebook.problemRow' : 'codebook.problemLine', { number: p.line });
}

export function ProblemTable({ problems, tr, caption }: { problems: Problem[]; tr: Tr; caption: string }) {
  return (
    <table className="data problem-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('codebook.problemFile')}</th>
          <th scope="col">{tr('codebook.problemPlace')}</th>
          <th scope="col">{tr('codebook.problemColumn')}</th>
          <th scope="col">{tr('codebook.problemMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.file ?? ''}</td>
            <td>{place(p, tr)}</td>
            <td>{p.column ?? ''}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
