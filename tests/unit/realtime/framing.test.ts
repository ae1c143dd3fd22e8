import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FrameError, MAX_AWARENESS_ENTRIES, addsTo, decodeMessage, encodeAwareness, encodeSyncStep1, encodeUpdate, validateUpdate } from '@/server/realtime/protocol';

function docWith(entries: Record<string, number>): Y.Doc {
  const doc = new Y.Doc();
  for (const [k, v] of Object.entries(entries)) doc.getMap('m').set(k, v);
  return doc;
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const awarenessMessage = (update: Uint8Array) => message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update)));

describe('decoding y-websocket frames', () => {
  it('reads what the standard client sends', () => {
    const doc = docWith({ a: 1 });
    expect(decodeMessage(encodeSyncStep1(Y.encodeStateAsUpdate(doc)))).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    const step2 = message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc)));
    expect(decodeMessage(step2)).toMatchObject({ kind: 'sync-step2' });
    expect(decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(doc)))).toMatchObject({ kind: 'update' });
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: 'A', cell: 'x@1' });
    const a = decodeMessage(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
    expect(a).toMatchObject({ kind: 'awareness', entries: [{ clientId: doc.clientID, state: { user: 'A', cell: 'x@1' } }] });
    awareness.destroy();
    expect(decodeMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('drops unknown message types (and auth, which only servers send) instead of failing', () => {
    expect(decodeMessage(new Uint8Array([2, 0, 0]))).toEqual({ kind: 'ignored', type: 2 });
    expect(decodeMessage(new Uint8Array([99, 1, 2, 3]))).toEqual({ kind: 'ignored', type: 99 });
  });

  it('rejects empty, truncated and overlong frames with a FrameError', () => {
    const full = encodeUpdate(Y.encodeStateAsUpdate(docWith({ a: 1, b: 2 })));
    expect(() => decodeMessage(new Uint8Array())).toThrow(FrameError);
    for (let n = 1; n < full.length; n++) expect(() => decodeMessage(full.subarray(0, n)), `prefix ${n}`).toThrow(FrameError);
    expect(() => decodeMessage(new Uint8Array([...full, 0]))).toThrow(FrameError);
    expect(() => decodeMessage(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(FrameError);
  });

  it('rejects an unknown sync step and an unreadable state vector', () => {
    expect(() => decodeMessage(new Uint8Array([0, 7, 0]))).toThrow(FrameError);
    expect(() => decodeMessage(new Uint8Array([0, 0, 3, 5, 0xff, 0xff]))).toThrow(FrameError);
  });

  it('rejects awareness that is not JSON or announces too many clients', () => {
    const notJson = message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 7), encoding.writeVarUint(e, 1), encoding.writeVarString(e, '{nope')));
    expect(() => decodeMessage(awarenessMessage(notJson))).toThrow(FrameError);
    const many = encodeAwareness(Array.from({ length: MAX_AWARENESS_ENTRIES + 1 }, (_, i) => ({ clientId: i, clock: 1, state: {} })));
    expect(() => decodeMessage(awarenessMessage(many))).toThrow(FrameError);
  });

  it('never throws anything but a FrameError on random bytes', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 20_000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(rnd() * 64)).map(() => Math.floor(rnd() * 256));
      if (i % 3 === 0) bytes[0] = Math.floor(rnd() * 4);
      try {
        decodeMessage(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(FrameError);
      }
    }
  });
});

describe('checking a Yjs update before it is stored', () => {
  it('rejects bytes that are not a Yjs update', () => {
    expect(() => validateUpdate(new Uint8Array([1, 2, 3, 4, 5]))).toThrow(FrameError);
    const real = Y.encodeStateAsUpdate(docWith({ a: 1 }));
    expect(() => validateUpdate(real.subarray(0, real.length - 3))).toThrow(FrameError);
  });

  it('tells which clocks an update covers', () => {
    const doc = docWith({ a: 1, b: 2 });
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set('c', 3);
    expect(validateUpdate(Y.encodeStateAsUpdate(doc))).toEqual(new Map([[doc.clientID, { from: 0, to: 3 }]]));
    expect(validateUpdate(Y.encodeStateAsUpdate(doc, before))).toEqual(new Map([[doc.clientID, { from: 2, to: 3 }]]));
  });

  it('tells new content from a no-op, deletions included', () => {
    const client = docWith({ a: 1, b: 2 });
    client.getMap('m').delete('a');
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const full = Y.encodeStateAsUpdate(client);
    expect(addsTo(full, empty)).toBe(true);
    // A reconnecting client's sync step 2: nothing new, but its whole delete set.
    expect(addsTo(Y.encodeStateAsUpdate(client, Y.encodeStateVectorFromUpdate(full)), full)).toBe(false);
    client.getMap('m').delete('b');
    expect(addsTo(Y.encodeStateAsUpdate(client, Y.encodeStateVectorFromUpdate(full)), full)).toBe(true);
    // Against a state merged from several updates too.
    const merged = Y.mergeUpdates([full, Y.encodeStateAsUpdate(client, Y.encodeStateVectorFromUpdate(full))]);
    expect(addsTo(Y.encodeStateAsUpdate(client), merged)).toBe(false);
  });
});
