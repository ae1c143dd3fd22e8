/*
 * Short-lived realtime tokens: a route handler that has checked the next-auth session and
 * the board policy mints one; the websocket server verifies it on the upgrade (and then
 * re-checks the policy against the database). A token names the user, the room and the
 * mode the policy granted, and expires after 60 seconds: it only opens a connection, it
 * grants nothing once the connection is up.
 *
 * Format: base64url(JSON claims) "." base64url(HMAC-SHA256(key, first part)), where the key
 * is derived from the application secret for this one purpose, so a token can never be
 * mistaken for anything else signed with the same secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOKEN_TTL_MS = 60_000;

export type RoomMode = 'write' | 'read';

export interface RealtimeClaims {
  /** The user id. */
  sub: string;
  /** The room (document) name, e.g. "board:<sessionId>". */
  room: string;
  mode: RoomMode;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; claims: RealtimeClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'room' };

const VERSION = 'concord-realtime-v1';

function keyFor(secret: string): Buffer {
  if (!secret) throw new Error('realtime tokens need a secret');
  return createHmac('sha256', secret).update(VERSION).digest();
}

function sign(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

export function mintRealtimeToken(secret: string, claims: Omit<RealtimeClaims, 'exp'>, now = Date.now(), ttlMs = TOKEN_TTL_MS): { token: string; expiresAt: number } {
  const exp = now + ttlMs;
  const body = Buffer.from(JSON.stringify({ sub: claims.sub, room: claims.room, mode: claims.mode, exp })).toString('base64url');
  const mac = sign(keyFor(secret), body).toString('base64url');
  return { token: `${body}.${mac}`, expiresAt: exp };
}

/** Checks signature, expiry and, when given, that the token was minted for `room`. */
export function verifyRealtimeToken(secret: string, token: string | null | undefined, room?: string, now = Date.now()): TokenCheck {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = sign(keyFor(secret), body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = parseClaims(body);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.exp <= now) return { ok: false, reason: 'expired' };
  if (room !== undefined && claims.room !== room) return { ok: false, reason: 'room' };
  return { ok: true, claims };
}

function parseClaims(body: string): RealtimeClaims | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const { sub, room, mode, exp } = raw as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub || typeof room !== 'string' || !room) return null;
  if (mode !== 'write' && mode !== 'read') return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return { sub, room, mode, exp };
}
