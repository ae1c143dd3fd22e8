/*
 * Process configuration from the environment, with the embedded defaults that let
 * `npm start` run on a fresh machine: a SQLite file and a generated secret under ./data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '@/lib/db/client';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Label of the sign-in button, e.g. the institution's name. */
  name: string;
}

export interface SmtpConfig {
  url: string;
  from: string;
}

export interface Config {
  dataDir: string;
  database: DatabaseTarget;
  port: number;
  host: string;
  /** The address users reach Concord at; invitation links and cookies depend on it. */
  publicUrl: string;
  oidc: OidcConfig | null;
  smtp: SmtpConfig | null;
  /** Seed the demo project into an empty database. */
  seedDemo: boolean;
}

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  const host = env.HOST || '0.0.0.0';
  const url = env.DATABASE_URL?.trim();
  let database: DatabaseTarget;
  if (!url) database = { dialect: 'sqlite', file: path.join(dataDir, 'concord.sqlite') };
  else if (/^postgres(ql)?:\/\//.test(url)) database = { dialect: 'postgres', url };
  else throw new ConfigError('DATABASE_URL must start with postgres:// (or be unset to use the embedded SQLite file).');
  const oidcIssuer = env.OIDC_ISSUER?.trim();
  let oidc: OidcConfig | null = null;
  if (oidcIssuer) {
    if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) throw new ConfigError('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too.');
    oidc = { issuer: oidcIssuer, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME || 'Institution' };
  }
  const smtp = env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM || 'concord@localhost' } : null;
  return {
    dataDir,
    database,
    port,
    host,
    publicUrl: (env.NEXTAUTH_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    oidc,
    smtp,
    seedDemo: env.CONCORD_DEMO !== 'off',
  };
}

/**
 * The secret that encrypts session cookies: NEXTAUTH_SECRET when given, else one generated
 * on first start and kept in the data folder, so sessions survive restarts.
 */
export function ensureSecret(config: Config, env: Env = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(config.dataDir, 'secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
