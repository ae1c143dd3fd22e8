import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function gotoProject(page: Page, path = ''): Promise<void> {
  await page.goto('/');
  const project = await page.getByRole('link', { name: 'Distance and proximity (demo)' }).getAttribute('href');
  await page.goto(`${project}${path}`);
}

async function setHidden(owner: Page, on: boolean): Promise<void> {
  await gotoProject(owner, '/settings');
  const box = owner.getByRole('checkbox', { name: 'Hide from coders which sessions are double-coded' });
  await box.setChecked(on);
  await owner.getByRole('button', { name: 'Save settings' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

test('the owner hides double-coding: a coder no longer sees who else codes a session; the owner still does', async ({ browser }) => {
  const owner = await openAs(browser, 'owner@demo.concord');
  await gotoProject(owner, '/settings');
  await expectAccessible(owner);
  await setHidden(owner, true);
  try {
    const coder = await openAs(browser, 'coder.a@demo.concord');
    await gotoProject(coder, '/sessions');
    await coder.getByRole('link', { name: 'K-01 evaluation talk' }).first().click();
    await expect(coder.getByText('This project does not show coders who else codes a session.')).toBeVisible();
    await expect(coder.getByText('Bram Coder')).toHaveCount(0);
    await expect(coder.getByText(/Anna Coder/).first()).toBeVisible();
    await coder.context().close();

    await gotoProject(owner, '/sessions');
    await owner.getByRole('link', { name: 'K-01 evaluation talk' }).first().click();
    await expect(owner.getByText(/Bram Coder/).first()).toBeVisible();
  } finally {
    // Other specs expect the demo's default.
    await setHidden(owner, false);
    await owner.context().close();
  }
});

test('a coder has no settings tab and gets 403 on the settings page', async ({ browser }) => {
  const coder = await openAs(browser, 'coder.a@demo.concord');
  await gotoProject(coder);
  await expect(coder.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const response = await coder.goto(`${coder.url().replace(/\/$/, '')}/settings`);
  expect(response?.status()).toBe(403);
  await coder.context().close();
});
