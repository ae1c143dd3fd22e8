/*
 * The options of a results view as query parameters, shared by the page, the report and
 * the export route, so a download is exactly the table on screen:
 *   version=<id|number> by=case|session cols=<id>(repeated or comma-separated)
 *   sort=codebook|frequency|col:<column id> heatmap=<session id> rationales=1
 */
import { COLUMNS_BY, type ColumnsBy, type SortOrder, type TableOptions } from './table';

export interface ResultsQuery {
  version: string | null;
  by: ColumnsBy;
  columns: string[];
  sort: SortOrder;
  sortColumn: string | null;
  heatmap: string | null;
  rationales: boolean;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: Params, name: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : ([] as string[]).concat(params[name] ?? []);
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

const first = (params: Params, name: string): string | null => all(params, name)[0] ?? null;

export function parseResultsQuery(params: Params): ResultsQuery {
  const by = first(params, 'by');
  const sort = first(params, 'sort') ?? 'codebook';
  const sortColumn = sort.startsWith('col:') ? sort.slice(4) || null : null;
  return {
    version: first(params, 'version'),
    by: (COLUMNS_BY as readonly string[]).includes(by ?? '') ? (by as ColumnsBy) : 'case',
    columns: [...new Set(all(params, 'cols'))].slice(0, 500),
    sort: sort === 'frequency' || sortColumn ? 'frequency' : 'codebook',
    sortColumn,
    heatmap: first(params, 'heatmap'),
    rationales: ['1', 'true', 'on', 'yes'].includes(first(params, 'rationales') ?? ''),
  };
}

export function tableOptions(q: ResultsQuery): TableOptions {
  return { by: q.by, columns: q.columns, sort: q.sort, sortColumn: q.sortColumn };
}

/** The `sort` parameter's value for a query. */
export const sortValue = (q: Pick<ResultsQuery, 'sort' | 'sortColumn'>): string => (q.sortColumn ? `col:${q.sortColumn}` : q.sort);

/** A query string (without `?`) for the view, plus extra parameters; defaults are left out. */
export function resultsQueryString(q: ResultsQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (q.version) p.set('version', q.version);
  if (q.by !== 'case') p.set('by', q.by);
  if (q.columns.length) p.set('cols', q.columns.join(','));
  if (q.sort !== 'codebook') p.set('sort', sortValue(q));
  if (q.heatmap) p.set('heatmap', q.heatmap);
  if (q.rationales) p.set('rationales', '1');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}
