/*
 * A real OpenID Connect identity provider for the single sign-on tests: oidc-provider on a
 * free loopback port, with its built-in development login and consent pages (any login name
 * and password are accepted) and one confidential client. The issuer address is known as
 * soon as the server listens; the client (whose redirect URI names the Concord server, which
 * needs the issuer to start) is registered afterwards with register().
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface OidcUser {
  email: string;
  name: string;
}

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface OidcServer {
  /** http://localhost:<port>, the value of OIDC_ISSUER. */
  issuer: string;
  /** Builds the provider with its one client; requests before this are answered 503. */
  register(client: OidcClient): void;
  /** Grants the authorization server issued, for checking what the client asked for. */
  readonly grants: { accountId: string; clientId: string; scopes: string }[];
  /** Problems oidc-provider reported (server_error, invalid_client, ...), for failure messages. */
  readonly errors: string[];
  stop(): Promise<void>;
}

/**
 * Starts the identity provider. Whatever login name is typed into its form signs in as
 * `user`: the claims are { sub: <login name>, email, email_verified: true, name }.
 *
 * `configuration` is merged over the defaults here, e.g. { conformIdTokenClaims: false } to
 * put the email and name into the ID token as well as the userinfo response.
 */
export async function startOidcServer(user: OidcUser, configuration: Partial<Configuration> = {}): Promise<OidcServer> {
  let handler: http.RequestListener | null = null;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503, { 'content-type': 'text/plain' }).end('identity provider not configured yet');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as net.AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const grants: OidcServer['grants'] = [];
  const errors: string[] = [];

  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'sso-test', use: 'sig', alg: 'RS256' };

  return {
    issuer,
    grants,
    errors,
    register(client) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: [client.redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            // openid-client (used by next-auth) authenticates at the token endpoint with HTTP Basic by default.
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        async findAccount(_ctx, id) {
          return {
            accountId: id,
            async claims() {
              return { sub: id, email: user.email, email_verified: true, name: user.name };
            },
          };
        },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: true } },
        // PKCE is accepted (next-auth sends S256) but, as at most institutions, not demanded.
        pkce: { methods: ['S256'], required: () => false },
        jwks: { keys: [signingKey as never] },
        cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
        // Explicit lifetimes (seconds), which also keeps oidc-provider from printing a notice for each default.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        ...configuration,
      });
      provider.on('grant.success', (ctx) => {
        const grant = ctx.oidc.entities.Grant;
        if (grant) grants.push({ accountId: grant.accountId ?? '', clientId: grant.clientId ?? '', scopes: grant.getOIDCScope() });
      });
      for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'end_session.error'] as const) {
        provider.on(event, (_ctx: unknown, error: Error & { error_description?: string }) => {
          errors.push(`${event}: ${error.message}${error.error_description ? ` (${error.error_description})` : ''}`);
        });
      }
      handler = provider.callback();
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
