import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

test('a supervisor reads the audit log and filters it to one kind of event', async ({ page }) => {
  await signIn(page, 'supervisor@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Kind').selectOption({ label: 'Calibration round revealed' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/kind=calibration\.revealed/);
  const rows = page.getByRole('table').getByRole('row');
  // The demo's revealed round, by its trainer; nothing of other kinds.
  await expect(rows.filter({ hasText: 'Calibration round revealed' }).first()).toContainText('Tess Trainer');
  await expect(rows.filter({ hasText: 'Session created' })).toHaveCount(0);
});
