import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, rationaleText } from '@/lib/reconciliation/board-doc';
import { BoardStore } from '@/lib/reconciliation/board-store';

const anna = { id: 'anna', name: 'Anna' };
const bram = { id: 'bram', name: 'Bram' };

/** Two replicas that exchange their full state, as after a reconnect. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the shared board document', () => {
  it('two coders signing different marks at once, one offline, merge to the same visible conflict on both sides', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new BoardDoc(a).propose('x@0', anna, 1);
    new BoardDoc(b).propose('x@0', bram, 0);
    sync(a, b);
    const storeA = new BoardStore(a, ['x'], 1, ['anna', 'bram'], [new Set(['x@0']), new Set()]);
    const storeB = new BoardStore(b, ['x'], 1, ['anna', 'bram'], [new Set(['x@0']), new Set()]);
    expect(storeA.cell('x@0')!.status).toBe('conflict');
    expect(storeB.cell('x@0')).toEqual(storeA.cell('x@0'));
    expect(storeA.cell('x@0')!.signatures).toEqual([1, 0]);
  });

  it('the store follows remote changes and notifies only the changed cell', () => {
    const doc = new Y.Doc();
    const store = new BoardStore(doc, ['x', 'y'], 2, ['anna', 'bram'], [new Set(['x@0']), new Set(['y@1'])]);
    const seen: string[] = [];
    for (const k of ['x@0', 'x@1', 'y@0', 'y@1']) store.subscribe(k, () => seen.push(k));
    const remote = new Y.Doc();
    new BoardDoc(remote).propose('x@0', bram, 1);
    new BoardDoc(remote).propose('x@0', anna, 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(store.cell('x@0')!.status).toBe('settled');
    expect(new Set(seen)).toEqual(new Set(['x@0']));
    expect(store.openCount()).toBe(1);
  });

  it('any change of a mark withdraws every sign-off', () => {
    const board = new BoardDoc(new Y.Doc());
    board.signOff('anna', true);
    board.signOff('bram', true);
    board.propose('x@0', anna, 0);
    expect(board.signoffs.size).toBe(0);
  });

  it('keeps every change of a cell in its history, with who and what', () => {
    const board = new BoardDoc(new Y.Doc());
    board.propose('x@0', anna, 1);
    board.setUnclear('x@0', bram, true);
    board.addComment('x@0', bram, '  I saw it at 12:40  ');
    board.propose('y@0', anna, 0);
    expect(board.cellHistory('x@0').map((h) => [h.name, h.action, h.value])).toEqual([
      ['Anna', 'propose', 1],
      ['Bram', 'flag', undefined],
      ['Bram', 'comment', undefined],
    ]);
    expect(board.comments('x@0').toArray()[0]!.text).toBe('I saw it at 12:40');
  });

  it('concurrent comments from both coders are both kept', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new BoardDoc(a).addComment('x@0', anna, 'first');
    new BoardDoc(b).addComment('x@0', bram, 'second');
    sync(a, b);
    expect(new BoardDoc(a).comments('x@0').toArray().map((c) => c.text).sort()).toEqual(['first', 'second']);
  });

  it('reads a rationale as plain text, formatting dropped, text kept literally', () => {
    const doc = new Y.Doc();
    const fragment = new BoardDoc(doc).rationale('x@0');
    const p1 = new Y.XmlElement('paragraph');
    const t1 = new Y.XmlText();
    t1.insert(0, 'Joke at 12:40 <b>not</b> sarcastic');
    t1.format(0, 4, { bold: true });
    p1.insert(0, [t1]);
    const p2 = new Y.XmlElement('paragraph');
    const t2 = new Y.XmlText();
    t2.insert(0, 'Definition 3 applies');
    p2.insert(0, [t2]);
    fragment.insert(0, [p1, p2]);
    expect(rationaleText(fragment)).toBe('Joke at 12:40 <b>not</b> sarcastic\n\nDefinition 3 applies');
  });
});
