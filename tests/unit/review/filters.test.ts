import { describe, expect, it } from 'vitest';
import { applyFilters, filterOptions, filterQuery, matchesSearch, NO_FILTERS, parseFilters, sortDisagreements, summarizeBehaviours } from '@/lib/review/filters';
import { pairKey } from '@/lib/review/model';
import { anna, behaviour, bram, cees, disagreement } from './fixtures';

const joke = behaviour('joke', 'PI-1', 'a1');
const care = behaviour('care', 'PI-2', 'a1');
const goals = behaviour('goals', 'PS-1', 'a2');

const items = [
  disagreement({ behaviour: joke, interval: 0, rationale: 'The worker’s JOKE at 2:10 made the mother laugh', date: Date.parse('2024-05-01T10:00:00Z') }),
  disagreement({ behaviour: joke, interval: 3, comments: [{ id: '1', userId: 'bram', name: 'Bram', text: 'Reünie with the father', at: 1 }], unclear: [bram], date: Date.parse('2024-05-03T23:59:00Z') }),
  disagreement({ behaviour: care, interval: 1, sessionId: 's2', caseId: 'c2', caseNumber: 'K-02', coders: [anna, cees], status: 'open', value: null, moved: [], settleMs: 4 * 60_000, date: Date.parse('2024-05-04T00:00:00Z') }),
  disagreement({ behaviour: goals, interval: 2, settleMs: 60_000, date: null }),
  disagreement({ behaviour: joke, interval: 5, sessionId: 's2', caseId: 'c2', caseNumber: 'K-02', settleMs: 10 * 60_000, date: Date.parse('2024-05-02T08:00:00Z') }),
];
const cells = (list: typeof items) => list.map((d) => `${d.behaviour.key}@${d.interval}`);

describe('review desk filters', () => {
  it('reads filters from query parameters and ignores anything malformed', () => {
    expect(parseFilters({})).toEqual(NO_FILTERS);
    const f = parseFilters(new URLSearchParams('behaviour=joke&aspect=a1&pair=anna%2Bbram&case=c2&from=2024-05-01&to=2024-13-45&unclear=1&status=settled&q=%20joke%20&sort=recent'));
    expect(f).toEqual({ behaviour: 'joke', aspect: 'a1', pair: 'anna+bram', caseId: 'c2', from: '2024-05-01', to: '', unclear: true, status: 'settled', q: 'joke', sort: 'recent' });
    expect(parseFilters({ behaviour: '<script>', sort: 'evil', status: 'x', from: '01-05-2024', q: 'x'.repeat(500) })).toEqual({ ...NO_FILTERS, q: 'x'.repeat(200) });
    expect(parseFilters({ behaviour: ['joke', 'care'] }).behaviour).toBe('joke');
  });

  it('writes back only what is set, so links and exports carry the same view', () => {
    const f = { ...NO_FILTERS, behaviour: 'joke', unclear: true, q: 'dog laugh' };
    expect(filterQuery(f).toString()).toBe('behaviour=joke&unclear=1&q=dog+laugh');
    expect(parseFilters(filterQuery(f))).toEqual(f);
    expect(filterQuery(NO_FILTERS).toString()).toBe('');
  });

  it('filters by behaviour, aspect, coder pair, case, unclear flags and status', () => {
    expect(cells(applyFilters(items, { ...NO_FILTERS, behaviour: 'joke' }))).toEqual(['joke@0', 'joke@3', 'joke@5']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, aspect: 'a2' }))).toEqual(['goals@2']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, pair: pairKey([cees, anna]) }))).toEqual(['care@1']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, caseId: 'c2' }))).toEqual(['care@1', 'joke@5']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, unclear: true }))).toEqual(['joke@3']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, status: 'unsettled' }))).toEqual(['care@1']);
    expect(applyFilters(items, { ...NO_FILTERS, status: 'settled' })).toHaveLength(4);
  });

  it('filters by an inclusive date range (whole days, UTC); cells without a date drop out', () => {
    expect(cells(applyFilters(items, { ...NO_FILTERS, from: '2024-05-02', to: '2024-05-03' }))).toEqual(['joke@3', 'joke@5']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, from: '2024-05-04' }))).toEqual(['care@1']);
  });

  it('searches rationales and comments case- and accent-insensitively, every word', () => {
    expect(cells(applyFilters(items, { ...NO_FILTERS, q: 'joke MOTHER' }))).toEqual(['joke@0']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, q: 'reunie' }))).toEqual(['joke@3']);
    expect(cells(applyFilters(items, { ...NO_FILTERS, q: 'joke father' }))).toEqual([]);
    expect(matchesSearch(items[0]!, '   ')).toBe(true);
    // The behaviour's own label is not searched: only what people wrote.
    expect(applyFilters(items, { ...NO_FILTERS, q: 'label' })).toEqual([]);
  });

  it('sorts by how often a behaviour causes disagreement, newest first, or by session', () => {
    expect(cells(sortDisagreements(items, 'frequency'))).toEqual(['joke@0', 'joke@3', 'joke@5', 'care@1', 'goals@2']);
    expect(cells(sortDisagreements(items, 'recent'))).toEqual(['care@1', 'joke@3', 'joke@5', 'joke@0', 'goals@2']);
    expect(cells(sortDisagreements(items, 'session'))).toEqual(['joke@0', 'joke@3', 'goals@2', 'joke@5', 'care@1']);
  });

  it('summarises per behaviour: count, settled, unclear, sessions, median time to settle', () => {
    const [first, ...rest] = summarizeBehaviours(items);
    expect(first).toMatchObject({ disagreements: 3, settled: 3, unclear: 1, sessions: 2, medianSettleMs: 10 * 60_000 });
    expect(first!.behaviour.key).toBe('joke');
    expect(rest.map((s) => [s.behaviour.key, s.medianSettleMs])).toEqual([
      ['care', 4 * 60_000],
      ['goals', 60_000],
    ]);
    const two = summarizeBehaviours([disagreement({ settleMs: 1000 }), disagreement({ interval: 1, settleMs: 2000 })]);
    expect(two[0]!.medianSettleMs).toBe(1500);
  });

  it('offers as choices what occurs, labelled in the reader\'s language', () => {
    const options = filterOptions(items, 'nl');
    expect(options.behaviours.map((o) => o.label)).toEqual(['PI-1 label-nl joke', 'PI-2 label-nl care', 'PS-1 label-nl goals']);
    expect(options.aspects).toEqual([
      { value: 'a1', label: 'Aspect-nl a1' },
      { value: 'a2', label: 'Aspect-nl a2' },
    ]);
    expect(options.pairs).toEqual([
      { value: 'anna+bram', label: 'Anna & Bram' },
      { value: 'anna+cees', label: 'Anna & Cees' },
    ]);
    expect(options.cases.map((o) => o.label)).toEqual(['K-01', 'K-02']);
  });
});
