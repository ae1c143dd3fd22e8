import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

test('an owner creates a project with a case and a session, invites a coder, who joins through the link', async ({ page, browser }) => {
  await signIn(page, 'owner@demo.concord');
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Project name').fill('Teacher feedback study');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teacher feedback study' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Cases' }).click();
  await page.getByLabel('Case number').fill('T-07');
  await page.getByRole('button', { name: 'Add case' }).click();
  await expect(page.getByRole('cell', { name: 'T-07' })).toBeVisible();
  // A duplicate case number is refused with a message at the field.
  await page.getByLabel('Case number').fill('T-07');
  await page.getByRole('button', { name: 'Add case' }).click();
  await expect(page.getByText('Case number T-07 already exists in this project.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Recording label').fill('Lesson 3');
  await page.getByLabel('Duration (minutes)').fill('52');
  await page.getByRole('button', { name: 'Add session' }).click();
  const row = page.getByRole('row', { name: /Lesson 3/ });
  await expect(row).toContainText('11');
  await expect(row).toContainText('the last interval is 2 minutes (partial)');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expectAccessible(page);

  const invitee = await browser.newContext();
  const coder = await invitee.newPage();
  await coder.goto(link);
  await expect(coder.getByRole('heading', { name: 'Join Teacher feedback study' })).toBeVisible();
  await expectAccessible(coder);
  await coder.getByLabel('Name').fill('Chris Newcoder');
  await coder.getByLabel('Email').fill('chris@example.org');
  await coder.getByLabel('Password').fill('a-long-password');
  await coder.getByRole('button', { name: 'Join the project' }).click();
  await expect(coder.getByRole('heading', { level: 1, name: 'Teacher feedback study' })).toBeVisible();
  await expect(coder.getByText('coder', { exact: true })).toBeVisible();
  // The link worked once.
  await coder.goto(link);
  await expect(coder.getByRole('heading', { name: /not valid any more/ })).toBeVisible();
  await invitee.close();
});

test('the whole sign-in page works from the keyboard and reports a wrong password', async ({ page }) => {
  await page.goto('/signin');
  await expectAccessible(page);
  await page.keyboard.type('owner@demo.concord');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  await expect(page.locator('form').getByRole('alert')).toHaveText('Email or password is not right.');
});

test('a coder sees the project but gets 403 on the audit log, a stranger gets 404', async ({ page }) => {
  await signIn(page, 'coder.a@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Distance and proximity (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  const projectUrl = page.url();
  const forbidden = await page.goto(`${projectUrl}/audit`);
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have the right to do this in this project.' })).toBeVisible();
  const missing = await page.goto('/projects/00000000-0000-0000-0000-000000000000');
  expect(missing?.status()).toBe(404);
});

test('the interface switches to Dutch', async ({ page }) => {
  await signIn(page, 'supervisor@demo.concord');
  await page.getByLabel('Language').selectOption('nl');
  try {
    await expect(page.getByRole('heading', { name: 'Je projecten' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(page);
  } finally {
    // The choice is saved on the account: other specs sign in as this supervisor in English.
    await page.getByLabel('Taal').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
  }
});
