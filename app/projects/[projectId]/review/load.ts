/* The desk's data for a page: the project (policy-checked), every disagreement, the filtered view. */
import { collectDisagreements } from '@/lib/review/collect';
import { REVIEW_ACTIONS } from '@/lib/review/access';
import { applyFilters, parseFilters, sortDisagreements } from '@/lib/review/filters';
import { currentLocale, getT, requireProject } from '@/app/_server/context';

export type SearchParams = Record<string, string | string[] | undefined>;

export async function loadDesk(projectId: string, searchParams: SearchParams) {
  const ctx = await requireProject(projectId, REVIEW_ACTIONS.view);
  const [t, locale] = [await getT(), await currentLocale()];
  const data = await collectDisagreements(ctx.d, ctx.actor, ctx.project.id);
  const filters = parseFilters(searchParams);
  const shown = sortDisagreements(applyFilters(data.items, filters), filters.sort);
  return { ...ctx, t, locale, data, filters, shown, base: `/projects/${ctx.project.id}` };
}

/** A dynamic route segment, decoded once more if it still carries %-escapes. */
export function routeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
