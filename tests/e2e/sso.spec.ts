/*
 * Institutional single sign-on through OpenID Connect, end to end against a real identity
 * provider (oidc-provider, started here) and a Concord server of its own started with
 * OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET / OIDC_NAME (the shared Playwright
 * web server runs without SSO). The browser goes through the provider's own login and
 * consent pages and back; see docs/sso.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../integration/support/server-process';
import { startOidcServer, type OidcServer } from './support/oidc-server';

const USER = { email: 'ada.lovelace@university.test', name: 'Ada Lovelace' };
const CLIENT_ID = 'concord';
const CLIENT_SECRET = 'concord-test-secret-0123456789abcdef';

interface Sso {
  idp: OidcServer;
  concord: RunningServer;
  dataDir: string;
}

/**
 * One identity provider and one Concord server configured for it, for the tests of a
 * describe block. `configuration` goes to oidc-provider.
 */
function useSso(configuration: Parameters<typeof startOidcServer>[1] = {}): () => Sso {
  let sso: Partial<Sso> = {};
  test.beforeAll(async () => {
    sso = {};
    sso.idp = await startOidcServer(USER, configuration);
    sso.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-sso-'));
    sso.concord = await startServer({
      OIDC_ISSUER: sso.idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_NAME: 'Test University',
      DATA_DIR: sso.dataDir,
      DATABASE_URL: '',
      CONCORD_DEMO: 'off',
    });
    sso.idp.register({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${sso.concord.url}/api/auth/callback/institution` });
  });
  test.afterAll(async () => {
    await sso.concord?.stop();
    await sso.idp?.stop();
    if (sso.dataDir) fs.rmSync(sso.dataDir, { recursive: true, force: true });
  });
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    const errors = (sso.idp?.errors ?? []).join('\n') || '(none)';
    await testInfo.attach('identity provider errors', { body: errors, contentType: 'text/plain' });
    await testInfo.attach('concord output', { body: sso.concord?.output() ?? '', contentType: 'text/plain' });
  });
  return () => sso as Sso;
}

/** On the identity provider's development login page: any login name and password pass. */
async function logInAtProvider(page: Page, sso: Sso, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${sso.idp.issuer}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** From Concord's sign-in page through the provider's login and consent pages, back to Concord. */
async function firstSignIn(page: Page, sso: Sso, login: string): Promise<void> {
  await page.goto(`${sso.concord.url}/signin`);
  await page.getByRole('button', { name: 'Sign in with Test University' }).click();
  await logInAtProvider(page, sso, login);
  // Consent page: Concord asks for the email and profile scopes.
  await expect(page.getByText('email', { exact: true })).toBeVisible();
  await expect(page.getByText('profile', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  // /signin?error=AccessDenied here means Concord got no email from the provider.
  await expect(page).toHaveURL(`${sso.concord.url}/`);
}

test.describe('single sign-on with a provider that gives email and name only from its userinfo endpoint (OIDC Core 5.4)', () => {
  test.describe.configure({ mode: 'serial' });
  const sso = useSso();

  test('signs in through the institution: the account is created from the OIDC claims, with no projects', async ({ page }) => {
    const { concord, idp } = sso();
    await page.goto(`${concord.url}/signin`);
    // The password form stays alongside the single sign-on button.
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();

    await firstSignIn(page, sso(), 'ada');
    await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
    await expect(page.getByText('You are not in any project yet.')).toBeVisible();
    await expect(page.locator('.topbar .who')).toHaveText(USER.name);
    expect(idp.grants).toEqual([{ accountId: 'ada', clientId: CLIENT_ID, scopes: expect.stringMatching(/^(?=.*\bopenid\b)(?=.*\bemail\b)(?=.*\bprofile\b)/) }]);

    await page.goto(`${concord.url}/account`);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.locator('dl.facts')).toContainText(USER.email);
    await expect(page.locator('dl.facts')).toContainText(USER.name);
    await expect(page.getByText('You sign in through your institution; there is no password to change here.')).toBeVisible();

    // Ada starts a project of her own; the next test finds it again under the same account.
    await page.goto(`${concord.url}/`);
    await page.getByLabel('Project name').fill('Seminar recordings');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Seminar recordings' })).toBeVisible();
  });

  test('a second single sign-on reaches the same account; the password form refuses it (it has no password)', async ({ page }) => {
    const { concord } = sso();
    // A fresh browser context: no Concord session and no session at the identity provider.
    await page.goto(`${concord.url}/signin`);
    await page.getByLabel('Email').fill(USER.email);
    await page.getByLabel('Password').fill('not-a-password');
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByText('Email or password is not right.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Concord');

    // Another login name at the institution (so another `sub`), the same email: the same account.
    await firstSignIn(page, sso(), 'a.lovelace');
    await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Seminar recordings' })).toBeVisible();

    // Signing out and in again goes straight through: the provider remembers the session and the consent.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Concord');
    await page.getByRole('button', { name: 'Sign in with Test University' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Seminar recordings' })).toBeVisible();
    await expect(page.locator('.topbar .who')).toHaveText(USER.name);
  });
});

test.describe('single sign-on with a provider that puts email and name into the ID token as well', () => {
  const sso = useSso({ conformIdTokenClaims: false });

  test('signs in and creates the account from the ID token claims', async ({ page }) => {
    const { concord } = sso();
    await firstSignIn(page, sso(), 'ada');
    await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
    await expect(page.locator('.topbar .who')).toHaveText(USER.name);
    await page.goto(`${concord.url}/account`);
    await expect(page.locator('dl.facts')).toContainText(USER.email);
  });
});
