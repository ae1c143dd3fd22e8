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

let idp: OidcServer | undefined;
let concord: RunningServer | undefined;
let dataDir: string | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startOidcServer(USER);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-sso-'));
  concord = await startServer({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_NAME: 'Test University',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    CONCORD_DEMO: 'off',
  });
  idp.register({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${concord.url}/api/auth/callback/institution` });
});

test.afterAll(async () => {
  await concord?.stop();
  await idp?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  await testInfo.attach('identity provider errors', { body: (idp?.errors ?? []).join('\n') || '(none)', contentType: 'text/plain' });
  await testInfo.attach('concord output', { body: concord?.output() ?? '', contentType: 'text/plain' });
  console.error(`identity provider errors:\n${(idp?.errors ?? []).join('\n') || '(none)'}\nconcord output (tail):\n${(concord?.output() ?? '').slice(-4000)}`);
});

function url(pathname: string): string {
  return `${concord!.url}${pathname}`;
}

/** On the identity provider's development login page: any login name and password pass. */
async function logInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${idp!.issuer}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('signs in through the institution: the account is created from the OIDC claims, with no projects', async ({ page }) => {
  await page.goto(url('/signin'));
  // The password form stays alongside the single sign-on button.
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await page.getByRole('button', { name: 'Sign in with Test University' }).click();

  await logInAtProvider(page, 'ada');
  // Consent page: the client asks for the email and profile scopes.
  await expect(page.getByText('email', { exact: true })).toBeVisible();
  await expect(page.getByText('profile', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(url('/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
  await expect(page.getByText('You are not in any project yet.')).toBeVisible();
  await expect(page.locator('.topbar .who')).toHaveText(USER.name);
  expect(idp!.grants).toEqual([{ accountId: 'ada', clientId: CLIENT_ID, scopes: expect.stringMatching(/^(?=.*\bopenid\b)(?=.*\bemail\b)(?=.*\bprofile\b)/) }]);

  await page.goto(url('/account'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText(USER.email);
  await expect(page.locator('dl.facts')).toContainText(USER.name);
  await expect(page.getByText('You sign in through your institution; there is no password to change here.')).toBeVisible();

  // Ada may start a project of her own; the next test finds it again under the same account.
  await page.goto(url('/'));
  await page.getByLabel('Project name').fill('Seminar recordings');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Seminar recordings' })).toBeVisible();
});

test('a second single sign-on reaches the same account; the password form refuses it (it has no password)', async ({ page }) => {
  // A fresh browser context: no Concord session and no session at the identity provider.
  await page.goto(url('/signin'));
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Password').fill('not-a-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByText('Email or password is not right.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Concord');

  await page.getByRole('button', { name: 'Sign in with Test University' }).click();
  // A different login name at the institution, the same email: matched to the same account.
  await logInAtProvider(page, 'a.lovelace');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Seminar recordings' })).toBeVisible();
  await page.goto(url('/account'));
  await expect(page.locator('dl.facts')).toContainText(USER.email);

  // Signing out and in again goes straight through: the provider remembers the session and the consent.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Concord');
  await page.getByRole('button', { name: 'Sign in with Test University' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible();
  await expect(page.locator('.topbar .who')).toHaveText(USER.name);
});
