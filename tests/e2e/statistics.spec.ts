import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

test('a supervisor reads agreement before reconciliation, per aspect and per behaviour, with a methods paragraph in both languages', async ({ page }) => {
  await signIn(page, 'supervisor@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Agreement' }).click();
  await expect(page.getByRole('heading', { name: 'Agreement before reconciliation' })).toBeVisible();
  // Only revealed sessions count; the blind ones are named as left out. (Other specs reveal
  // more demo sessions, so the counts are not fixed here.)
  await expect(page.getByText(/\d+ double-coded session\(s\)/)).toBeVisible();
  await expect(page.getByText(/\d+ session\(s\) still being coded blind are not included\./)).toBeVisible();
  const overall = page.getByRole('table', { name: 'Overall and per aspect' });
  await expect(overall.getByRole('row', { name: /All behaviours/ })).toContainText(/0\.\d\d \[/);
  await expect(page.getByRole('table', { name: /lowest κ first/ }).getByRole('row')).toHaveCount(45);
  await expect(page.getByRole('note')).toContainText('kappa paradox');
  await expect(page.getByRole('table', { name: /Disagreements by behaviour and interval/ })).toBeVisible();
  await expect(page.locator('p[lang="en"]')).toContainText('Cohen');
  await expect(page.locator('p[lang="nl"]')).toContainText('overeenstemming');
  await expectAccessible(page);

  await page.getByRole('link', { name: /Session K-01 · K-01 intake talk/ }).click();
  await expect(page.getByRole('heading', { name: 'Agreement in session K-01 · K-01 intake talk' })).toBeVisible();
  await expect(page.getByText('1 double-coded session(s)')).toBeVisible();
  await expectAccessible(page);
});

test('the statistics of a session still coded blind are not available, not even by its address', async ({ page }) => {
  await signIn(page, 'supervisor@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Sessions' }).click();
  const blind = page.getByRole('row', { name: /K-01 evaluation talk/ }).getByRole('link');
  const href = await blind.getAttribute('href');
  const sessionId = href!.split('/').pop();
  const projectPath = href!.split('/sessions/')[0];
  const response = await page.goto(`${projectPath}/statistics?session=${sessionId}`);
  expect(response?.status()).toBe(404);
});
