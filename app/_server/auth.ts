/*
 * next-auth configuration: email + password against lib/accounts (with throttling), and
 * institutional single sign-on through OpenID Connect when OIDC_ISSUER is set.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { loadConfig } from '@/lib/config/config';
import { database } from '@/lib/db';
import { authenticate, findUserByEmail, upsertSsoUser } from '@/lib/accounts/users';

export const OIDC_PROVIDER_ID = 'institution';

function buildOptions(): NextAuthOptions {
  const { oidc, publicUrl } = loadConfig();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const result = await authenticate(await database(), credentials.email, credentials.password);
        if (!result.ok) throw new Error(result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ];
  if (oidc) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: 'oauth',
      wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      // The ID token (checked by openid-client) says who signed in, but an OpenID Connect provider
      // may put the scope claims (email, name) only into the userinfo response (OIDC Core 5.4),
      // so the profile is the ID token's claims merged with what userinfo returns.
      userinfo: {
        async request({ client, tokens }) {
          const claims = (tokens as typeof tokens & { claims(): { sub: string } }).claims();
          const info = await client.userinfo(tokens.access_token ?? '');
          if (info.sub !== claims.sub) throw new Error('the userinfo response is about another subject than the ID token');
          return { ...info, ...claims };
        },
      },
      profile(profile: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
        // An address the institution says it has not verified must not open someone's account.
        const email = profile.email_verified === false ? null : (profile.email ?? null);
        return { id: profile.sub, email, name: profile.name ?? profile.email ?? null };
      },
    });
  }
  return {
    providers,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: publicUrl.startsWith('https://'),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        // SSO accounts are matched by email; an institution that sends none cannot sign in.
        if (!user.email) return false;
        await upsertSsoUser(await database(), user.email, user.name ?? '');
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const local = account.provider === OIDC_PROVIDER_ID ? await findUserByEmail(await database(), user.email ?? '') : null;
          token.uid = local?.id ?? user.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: typeof token.uid === 'string' ? token.uid : undefined };
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  return (cached ??= buildOptions());
}

export function ssoButton(): { id: string; name: string } | null {
  const { oidc } = loadConfig();
  return oidc ? { id: OIDC_PROVIDER_ID, name: oidc.name } : null;
}
