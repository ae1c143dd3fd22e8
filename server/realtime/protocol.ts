/*
 * The y-websocket wire protocol (y-protocols sync + awareness), decoded defensively. Every
 * incoming frame is decoded completely here, before anything acts on it: a truncated or
 * malformed frame, trailing bytes, an unknown sync step or unreadable awareness JSON throw
 * a FrameError (the connection is closed); unknown top-level message types are reported
 * as 'ignored' (dropped), so that a newer client does not lose its connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_ACK } from '@/lib/realtime/protocol-ack';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export { MESSAGE_ACK };

/** Awareness entries one client may announce in one message (a client announces itself). */
export const MAX_AWARENESS_ENTRIES = 8;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the client's state. */
  state: unknown;
}

export type Incoming =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'ignored'; type: number };

/** Close codes. 4400–4499 tell the y-websocket client not to reconnect. */
export const CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  tooBig: 1009,
  internalError: 1011,
  /** Reconnect and resync (a freeze was lifted). */
  restart: 1012,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  tooManyRequests: 4429,
} as const;

export class FrameError extends Error {
  constructor(reason: string) {
    super(`malformed message: ${reason}`);
    this.name = 'FrameError';
  }
}

export function decodeMessage(data: Uint8Array): Incoming {
  if (data.length === 0) throw new FrameError('empty');
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: Incoming;
    switch (type) {
      case MESSAGE_SYNC:
        message = decodeSync(decoder);
        break;
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        message = { kind: 'awareness', update, entries: decodeAwareness(update) };
        break;
      }
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      default:
        // Auth messages go from server to client only; anything else is not ours to read.
        return { kind: 'ignored', type };
    }
    if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes');
    return message;
  } catch (e) {
    if (e instanceof FrameError) throw e;
    throw new FrameError(e instanceof Error ? e.message : 'unreadable');
  }
}

function decodeSync(decoder: decoding.Decoder): Incoming {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      Y.decodeStateVector(payload);
      return { kind: 'sync-step1', stateVector: payload };
    case syncProtocol.messageYjsSyncStep2:
      return { kind: 'sync-step2', update: payload };
    case syncProtocol.messageYjsUpdate:
      return { kind: 'update', update: payload };
    default:
      throw new FrameError(`unknown sync step ${step}`);
  }
}

/** Reads an awareness update (count, then clientId, clock, JSON state per entry). */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new FrameError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    let state: unknown;
    try {
      state = JSON.parse(decoding.readVarString(decoder));
    } catch {
      throw new FrameError('awareness state is not JSON');
    }
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes in awareness');
  return entries;
}

/** Per client: the first clock an update has a struct for, and the clock after its last. */
export type ClockRanges = Map<number, { from: number; to: number }>;

/**
 * Reads a Yjs update completely (structs and delete set); throws a FrameError when it is not
 * one. Returns the clock ranges of its structs.
 */
export function validateUpdate(update: Uint8Array): ClockRanges {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (e) {
    throw new FrameError(`not a Yjs update (${e instanceof Error ? e.message : 'unreadable'})`);
  }
  const ranges: ClockRanges = new Map();
  for (const s of decoded.structs) {
    const r = ranges.get(s.id.client);
    const end = s.id.clock + s.length;
    if (r) (r.from = Math.min(r.from, s.id.clock)), (r.to = Math.max(r.to, end));
    else ranges.set(s.id.client, { from: s.id.clock, to: end });
  }
  return ranges;
}

/**
 * Whether a (valid) update adds anything to `state` (a document as one update): a struct
 * beyond the state's contiguous state vector, or a deletion the state lacks. A reconnecting
 * client's sync step 2, which always carries the client's whole delete set, usually adds nothing.
 */
export function addsTo(update: Uint8Array, state: Uint8Array): boolean {
  const incoming = Y.decodeUpdate(update);
  const sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  for (const s of incoming.structs) {
    if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return true;
  }
  if (incoming.ds.clients.size === 0) return false;
  const deleted = Y.decodeUpdate(state).ds.clients;
  for (const [client, ranges] of incoming.ds.clients) {
    const have = merged(deleted.get(client) ?? []);
    for (const r of ranges) {
      if (!have.some((h) => h.clock <= r.clock && r.clock + r.len <= h.clock + h.len)) return true;
    }
  }
  return false;
}

/** Sorted, with touching and overlapping ranges joined. */
function merged(ranges: Array<{ clock: number; len: number }>): Array<{ clock: number; len: number }> {
  const out: Array<{ clock: number; len: number }> = [];
  for (const r of [...ranges].sort((a, b) => a.clock - b.clock)) {
    const last = out[out.length - 1];
    if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock);
    else out.push({ clock: r.clock, len: r.len });
  }
  return out;
}

/** Our sync step 1: the state vector of `state` (a document as one update). */
export function encodeSyncStep1(state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVectorFromUpdate(state));
  return encoding.toUint8Array(encoder);
}

/** Our answer to a client's sync step 1: what `state` has beyond the client's state vector. */
export function encodeSyncStep2(state: Uint8Array, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, Y.diffUpdate(state, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update from entries (the inverse of decodeAwareness). */
export function encodeAwareness(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const e of list) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Our acknowledgement (lib/realtime/protocol-ack.ts): the room's stored state vector. */
export function encodeAck(stateVector: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_ACK);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(stateVector));
  return encoding.toUint8Array(encoder);
}
