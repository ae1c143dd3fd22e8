import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '@/lib/config/config';

describe('configuration from the environment', () => {
  it('defaults to a SQLite file under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ dialect: 'sqlite', file: path.resolve('data', 'concord.sqlite') });
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.oidc).toBeNull();
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
  });

  it('refuses other database URLs and half-configured SSO with one readable line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
