import { describe, expect, it } from 'vitest';
import { mintRealtimeToken, TOKEN_TTL_MS, verifyRealtimeToken } from '@/lib/realtime/token';

const SECRET = 'unit-secret';
const NOW = 1_800_000_000_000;
const claims = { sub: 'user-1', room: 'board:s-1', mode: 'write' as const };

describe('realtime tokens', () => {
  it('verifies a fresh token for its room and returns its claims', () => {
    const { token, expiresAt } = mintRealtimeToken(SECRET, claims, NOW);
    expect(expiresAt).toBe(NOW + TOKEN_TTL_MS);
    expect(verifyRealtimeToken(SECRET, token, 'board:s-1', NOW + 1000)).toEqual({ ok: true, claims: { ...claims, exp: NOW + 60_000 } });
  });

  it('expires after 60 seconds', () => {
    const { token } = mintRealtimeToken(SECRET, claims, NOW);
    expect(verifyRealtimeToken(SECRET, token, 'board:s-1', NOW + 59_999).ok).toBe(true);
    expect(verifyRealtimeToken(SECRET, token, 'board:s-1', NOW + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token minted for another room', () => {
    const { token } = mintRealtimeToken(SECRET, claims, NOW);
    expect(verifyRealtimeToken(SECRET, token, 'board:s-2', NOW)).toEqual({ ok: false, reason: 'room' });
  });

  it('refuses tampered claims, a tampered signature and another secret', () => {
    const { token } = mintRealtimeToken(SECRET, claims, NOW);
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'user-2', exp: NOW + 60_000 })).toString('base64url');
    expect(verifyRealtimeToken(SECRET, `${forged}.${mac}`, 'board:s-1', NOW)).toEqual({ ok: false, reason: 'signature' });
    const flipped = mac.slice(0, -2) + (mac.endsWith('AA') ? 'BB' : 'AA');
    expect(verifyRealtimeToken(SECRET, `${body}.${flipped}`, 'board:s-1', NOW)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyRealtimeToken('other-secret', token, 'board:s-1', NOW)).toEqual({ ok: false, reason: 'signature' });
    const upgraded = mintRealtimeToken(SECRET, { ...claims, mode: 'read' }, NOW).token.split('.')[0];
    expect(verifyRealtimeToken(SECRET, `${upgraded!.replace(/.$/, 'x')}.${mac}`, 'board:s-1', NOW).ok).toBe(false);
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of [undefined, null, '', 'abc', 'a.b.c', '.', `${'x'.repeat(3000)}.y`]) {
      expect(verifyRealtimeToken(SECRET, bad, 'board:s-1', NOW).ok).toBe(false);
    }
    // A correctly signed body that is not our claims.
    const body = Buffer.from('{"sub":1}').toString('base64url');
    const { token } = mintRealtimeToken(SECRET, claims, NOW);
    expect(verifyRealtimeToken(SECRET, `${body}.${token.split('.')[1]}`, undefined, NOW).ok).toBe(false);
  });
});
