/*
 * What the results page and the printable report both need: the project (access checked),
 * the results of the chosen codebook version, the tables as the query asks for them, and
 * the agreement of the same version's sessions before reconciliation.
 */
import { parseResultsQuery, pickVersion, resultColumns, resultTables, tableOptions } from '@/lib/results';
import { loadResults } from '@/lib/results/load';
import { projectStatistics } from '@/lib/statistics/project-statistics';
import { currentLocale, getT, requireProject } from '@/app/_server/context';

export type SearchParams = Record<string, string | string[] | undefined>;

export async function resultsView(projectId: string, search: SearchParams) {
  // Results come from finalized consensus lists only, which are not blind: every member who
  // may read agreement statistics may read them.
  const ctx = await requireProject(projectId, 'results.view');
  const [t, locale] = [await getT(), await currentLocale()];
  const query = parseResultsQuery(search);
  const results = await loadResults(ctx.d, ctx.project.id);
  const version = pickVersion(results, query.version);
  if (!version) return { ...ctx, t, locale, query, results, version: null } as const;
  const columns = resultColumns(version, query.by);
  const tables = resultTables(version, tableOptions(query));
  const stats = await projectStatistics(ctx.d, ctx.project.id, locale, { versionId: version.versionId });
  const agreement = stats && stats.versionId === version.versionId ? stats : null;
  const heatmapSession = version.sessions.find((s) => s.id === query.heatmap) ?? version.sessions[0]!;
  return { ...ctx, t, locale, query, results, version, columns, tables, agreement, heatmapSession } as const;
}

export type ResultsView = Extract<Awaited<ReturnType<typeof resultsView>>, { version: object }>;
