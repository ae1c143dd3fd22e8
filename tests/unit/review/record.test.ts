import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, type HistoryEntry } from '@/lib/reconciliation/board-doc';
import { archivedRecord, liveRecord, settleTiming } from '@/lib/review/record';
import { anna, bram } from './fixtures';

const entry = (userId: string, action: HistoryEntry['action'], at: number, value?: number | null, cell = 'x@0'): HistoryEntry => ({ cell, userId, name: userId, action, value, at });

describe('time to settle', () => {
  it('runs from the cell\'s first history entry to the signature that completed the settled mark', () => {
    const history = [entry('anna', 'comment', 1000), entry('anna', 'propose', 2000, 1), entry('x', 'propose', 2500, 1, 'y@0'), entry('bram', 'propose', 9000, 1)];
    expect(settleTiming(history, 'x@0', ['anna', 'bram'], 1)).toEqual({ startedAt: 1000, settledAt: 9000 });
  });

  it('a withdrawn or changed signature restarts the clock at the later completing signature', () => {
    const history = [entry('anna', 'propose', 1000, 1), entry('bram', 'propose', 2000, 1), entry('bram', 'withdraw', 3000, null), entry('bram', 'propose', 4000, 0), entry('anna', 'propose', 5000, 0)];
    expect(settleTiming(history, 'x@0', ['anna', 'bram'], 0)).toEqual({ startedAt: 1000, settledAt: 5000 });
    expect(settleTiming(history, 'x@0', ['anna', 'bram'], 1)).toEqual({ startedAt: 1000, settledAt: null });
  });

  it('re-signing the same mark does not move the settling moment; no history gives no times', () => {
    const history = [entry('anna', 'propose', 1000, 1), entry('bram', 'propose', 2000, 1), entry('anna', 'propose', 7000, 1)];
    expect(settleTiming(history, 'x@0', ['anna', 'bram'], 1).settledAt).toBe(2000);
    expect(settleTiming([], 'x@0', ['anna', 'bram'], 1)).toEqual({ startedAt: null, settledAt: null });
    expect(settleTiming(history, 'x@0', ['anna', 'bram'], null)).toEqual({ startedAt: 1000, settledAt: null });
  });
});

describe('a live board as a record', () => {
  it('gives each disagreement its status from the signatures, and its notes', () => {
    const doc = new Y.Doc();
    const board = new BoardDoc(doc);
    const record = liveRecord(board, ['anna', 'bram']);
    expect(record.state('x@0', [1, 0])).toEqual({ status: 'open', value: null });
    board.propose('x@0', anna, 1);
    expect(liveRecord(board, ['anna', 'bram']).state('x@0', [1, 0])).toEqual({ status: 'proposed', value: null });
    board.propose('x@0', bram, 0);
    expect(liveRecord(board, ['anna', 'bram']).state('x@0', [1, 0])).toEqual({ status: 'conflict', value: null });
    board.propose('x@0', bram, 1);
    board.setUnclear('x@0', bram, true);
    board.addComment('x@0', anna, 'Seen at 2:10');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Counts: definition 2');
    p.insert(0, [text]);
    board.rationale('x@0').insert(0, [p]);
    const live = liveRecord(board, ['anna', 'bram']);
    expect(live.state('x@0', [1, 0])).toEqual({ status: 'settled', value: 1 });
    expect(live.unclearBy('x@0')).toEqual(['bram']);
    expect(live.comments('x@0').map((c) => [c.name, c.text])).toEqual([['Anna', 'Seen at 2:10']]);
    expect(live.rationale('x@0')).toBe('Counts: definition 2');
    expect(live.history.filter((h) => h.action === 'propose')).toHaveLength(3);
  });
});

describe('a finalized session as a record', () => {
  it('reads the consensus rows and the archive', () => {
    const cells = new Map([['x@0', { value: 1, rationale: 'Because' }]]);
    const archive = { history: JSON.stringify([entry('anna', 'propose', 5, 1)]), notes: JSON.stringify({ 'x@0': { unclear: ['anna'], comments: [{ id: 'c', userId: 'bram', name: 'Bram', text: 'Hm', at: 3 }] } }) };
    const record = archivedRecord(cells, archive);
    expect(record.state('x@0', [1, 0])).toEqual({ status: 'settled', value: 1 });
    expect(record.rationale('x@0')).toBe('Because');
    expect(record.unclearBy('x@0')).toEqual(['anna']);
    expect(record.comments('x@0')).toEqual([{ id: 'c', userId: 'bram', name: 'Bram', text: 'Hm', at: 3 }]);
    expect(record.history).toHaveLength(1);
    expect(record.state('y@0', [1, 0]).status).toBe('open');
  });

  it('without an archive, or with an unreadable one, still gives the settled marks', () => {
    const cells = new Map([['x@0', { value: 0, rationale: '' }]]);
    for (const archive of [null, { history: 'not json', notes: '[1,2]' }, { history: '{}', notes: '{"x@0":{"comments":"no","unclear":7}}' }]) {
      const record = archivedRecord(cells, archive);
      expect(record.state('x@0', [1, 0])).toEqual({ status: 'settled', value: 0 });
      expect(record.history).toEqual([]);
      expect(record.comments('x@0')).toEqual([]);
      expect(record.unclearBy('x@0')).toEqual([]);
    }
  });
});
