/**
 * Identity keys. Every aspect, group, behaviour and rating scale has a UUID key.
 *
 * - `newKey()` makes a random one (the editor, for new items).
 * - `derivedKey(kind, ...names)` makes a name-based UUID (RFC 4122 version 5, SHA-1) for files
 *   that carry no keys (a hand-made CSV): the same names always give the same key, so
 *   importing the same spreadsheet twice gives the same identities. The demo codebook uses
 *   the same derivation, so its keys are reproducible.
 *
 * Pure TypeScript (no node:crypto) so it runs in the browser and on the server alike.
 */

/** Namespace for Concord's name-based UUIDs (itself a random v4 UUID, fixed forever). */
export const CONCORD_NAMESPACE = '6f2b8c3e-0d4a-4e7b-9a51-3c8e2f1d7b60';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex, any case). Braces are not accepted here. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** Lower-cases a UUID and strips `{…}` braces (as some Windows tools write them); undefined if not a UUID. */
export function normalizeUuid(value: string): string | undefined {
  const bare = value.trim().replace(/^\{(.*)\}$/, '$1');
  return isUuid(bare) ? bare.toLowerCase() : undefined;
}

export function newKey(): string {
  return globalThis.crypto.randomUUID();
}

export type KeyKind = 'aspect' | 'group' | 'behaviour' | 'scale' | 'set';

/** Name-based key: `derivedKey('group', 'Professional involvement', 'Literature')`. */
export function derivedKey(kind: KeyKind, ...names: string[]): string {
  return uuidV5(CONCORD_NAMESPACE, [kind, ...names].join('\u0000'));
}

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = normalizeUuid(namespace);
  if (!ns) throw new Error(`Not a UUID: ${namespace}`);
  const nsBytes = hexToBytes(ns.replace(/-/g, ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(nsBytes.length + nameBytes.length);
  input.set(nsBytes, 0);
  input.set(nameBytes, nsBytes.length);
  const hash = sha1(input).subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** SHA-1 (FIPS 180-4). Only used for name-based UUIDs, not for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let chunk = 0; chunk < padded.length; chunk += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(chunk + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = (w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0);
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + (w[i] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = ((h[0] ?? 0) + a) >>> 0;
    h[1] = ((h[1] ?? 0) + b) >>> 0;
    h[2] = ((h[2] ?? 0) + c) >>> 0;
    h[3] = ((h[3] ?? 0) + d) >>> 0;
    h[4] = ((h[4] ?? 0) + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}
