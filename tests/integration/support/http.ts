/*
 * A minimal browser for the running server: keeps cookies, never follows redirects, and
 * signs in through next-auth's credentials endpoint as the sign-in form does.
 */
export interface Page {
  status: number;
  location: string | null;
  body: string;
}

export class Browser {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(new URL(path, this.baseUrl), { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** Posts the credentials form; returns whether a session cookie was issued. */
  async signIn(email: string, password: string): Promise<boolean> {
    const csrf = await this.get('/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    await this.request('/api/auth/callback/credentials', { form: { email, password, csrfToken, callbackUrl: '/', json: 'true' } });
    return this.cookie('next-auth.session-token') !== undefined;
  }

  /** The user of the current session as next-auth reports it, or null. */
  async sessionUser(): Promise<{ email?: string } | null> {
    const res = await this.get('/api/auth/session');
    const session = JSON.parse(res.body || '{}') as { user?: { email?: string } };
    return session.user ?? null;
  }
}
