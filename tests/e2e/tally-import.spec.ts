import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

function csv(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concord-tallies-')), name);
  fs.writeFileSync(file, text);
  return file;
}

test('an owner imports tallies from a CSV: every bad row is reported and nothing is imported, then a good file is', async ({ page }) => {
  await signIn(page, 'owner@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Recording label').fill('Imported talk');
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByRole('row', { name: /Imported talk/ })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Import tallies' });
  await form.getByLabel(/CSV file/).setInputFiles(
    csv('bad.csv', 'case,session,coder,code,interval,value\nK-01,Imported talk,coder.a@demo.concord,PI-L1,11,1\nK-01,Imported talk,nobody@example.org,PI-L1,1,2\n'),
  );
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form).toContainText('problem(s); nothing was imported');
  await expect(form.getByRole('listitem')).toHaveCount(3);
  await expect(form).toContainText('bad.csv, row 2, column interval');
  await expect(form).toContainText('bad.csv, row 3, column value');

  await form.getByLabel(/CSV file/).setInputFiles(
    csv('good.csv', 'case,session,coder,code,interval,value\nK-01,Imported talk,consensus,PI-L1,1,1\nK-01,Imported talk,consensus,PI-L2,2,1\n'),
  );
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form).toContainText('Imported 2 marks for 1 session(s).');
  await expect(page.getByRole('row', { name: /Imported talk/ })).toContainText('finalized');
});
