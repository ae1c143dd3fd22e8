/*
 * Codebooks (issue 3): build a two-aspect codebook in the editor with the keyboard alone,
 * export it as CSV, import it into another project and see the same tally grid preview;
 * bad imports list every problem; versions and their diff; axe on every codebook page.
 */
import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

/** Presses Tab until `target` has focus: proves it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

async function createProject(page: Page, name: string): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return page.url();
}

/** The preview tables as text: caption, then per row its class and cell texts. */
async function previewRows(page: Page): Promise<string[][]> {
  const tables = page.locator('.grid-preview table');
  await expect(tables.first()).toBeVisible();
  return tables.evaluateAll((list) =>
    list.map((t) => [
      t.querySelector('caption')?.textContent ?? '',
      [...t.querySelectorAll('thead th')].map((c) => c.textContent).join('|'),
      ...[...t.querySelectorAll('tbody tr')].map((r) => `${r.className}|${[...r.children].map((c) => c.textContent).join('|')}`),
    ]),
  );
}

/** Presses "Add behaviour" of the n-th group (0-based); the new behaviour's code field gets focus. */
async function startBehaviour(page: Page, group: number): Promise<Locator> {
  await tabTo(page, page.getByRole('button', { name: 'Add behaviour' }).nth(group));
  await page.keyboard.press('Enter');
  const code = page.getByLabel('Code', { exact: true }).last();
  await expect(code).toBeFocused();
  return code;
}

/** Types a behaviour from its focused code field: code, polarity, English and Dutch label. */
async function typeBehaviour(page: Page, code: string, negative: boolean, en: string, nl: string) {
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  if (negative) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type(en);
  await page.keyboard.press('Tab');
  await page.keyboard.type(nl);
}

async function addBehaviour(page: Page, group: number, code: string, negative: boolean, en: string, nl: string) {
  await startBehaviour(page, group);
  await typeBehaviour(page, code, negative, en, nl);
}

test('build a two-aspect codebook with the keyboard, export it as CSV, import it elsewhere: the same grid', async ({ page }) => {
  await signIn(page, 'owner@demo.concord');
  const source = await createProject(page, 'Codebook source study');
  await page.goto(`${source}/codebook/edit`);
  await expect(page.getByRole('heading', { name: 'Edit the codebook' })).toBeVisible();
  await expect(page.getByText('This project has no codebook yet. Saving creates version 1.')).toBeVisible();
  await expectAccessible(page);

  // Aspect 1 with a literature group (given) and two behaviours.
  await tabTo(page, page.getByRole('button', { name: 'Add aspect' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name (English)', { exact: true }).first()).toBeFocused();
  await page.keyboard.type('Involvement');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Betrokkenheid');

  // Validation as you type: the new behaviour's empty code is flagged at its field, then not.
  const code = await startBehaviour(page, 0);
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: /Problems to fix before saving/ })).toBeVisible();
  await page.keyboard.type('I');
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  await typeBehaviour(page, 'N-1', false, 'Shares a light moment or a joke', 'Deelt een luchtig moment of een grap');
  await page.keyboard.press('Tab');
  await page.keyboard.type('j');

  await addBehaviour(page, 0, 'IN-2', true, 'Sarcastic or critical remark', 'Sarcastische of kritische opmerking');
  await expect(page.getByLabel('Polarity', { exact: true }).last()).toHaveValue('negative');
  // Reorder from the keyboard: Alt+ArrowUp moves the focused behaviour, announced, focus kept.
  const label = page.getByLabel('Label (Dutch)', { exact: true }).last();
  await expect(label).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByText('IN-2 Sarcastic or critical remark moved to position 1 of 2.')).toBeAttached();
  await expect(page.getByLabel('Code', { exact: true }).first()).toHaveValue('IN-2');
  await expect(page.getByLabel('Label (Dutch)', { exact: true }).first()).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Code', { exact: true }).first()).toHaveValue('IN-1');

  // Aspect 2 with a literature group and an instrument dimension.
  await tabTo(page, page.getByRole('button', { name: 'Add aspect' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Power as say');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Macht als zeggenschap');
  await addBehaviour(page, 1, 'PO-1', false, 'Lets the family direct the process', 'Laat het gezin het proces sturen');

  await tabTo(page, page.getByRole('button', { name: 'Add group' }).nth(1));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Source', { exact: true }).last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Source', { exact: true }).last()).toHaveValue('instrument');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Observation instrument');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Engagement');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Betrokkenheid bij de hulp');
  await page.keyboard.press('Tab');
  await page.keyboard.type('engagement');
  await addBehaviour(page, 2, 'PO-2', true, 'Sets goals without asking', 'Stelt doelen zonder te vragen');

  await expect(page.getByRole('heading', { name: /Problems to fix before saving/ })).toHaveCount(0);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 1.' })).toBeVisible();
  await expect(page.getByText('No unsaved changes')).toBeVisible();

  const built = await previewRows(page);
  expect(built).toHaveLength(2);
  expect(built[0]![1]).toBe('Code|Behaviour|0–5|5–10|10–15|15–20|20–25|25–30|30–35|35–40|40–45|45–50');
  expect(built[1]!.slice(2)).toEqual([
    `group-row|Literature`,
    `|PO-1|Lets the family direct the process${'|'.repeat(10)}`,
    `group-row|Observation instrument: Engagement`,
    `negative|PO-2|Sets goals without asking (negative behaviour)${'|'.repeat(10)}`,
  ]);
  await expect(page.locator('.tally-preview tr.negative th[scope=row]').first()).toHaveCSS('font-style', 'italic');

  // Leaving with unsaved edits asks first.
  await tabTo(page, page.getByLabel('Description', { exact: true }));
  await page.keyboard.type('Two aspects.');
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('The codebook has unsaved changes. Leave without saving?');
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Back to the codebook' }).click();
  await expect(page.getByRole('heading', { name: 'Edit the codebook' })).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Version 1 updated.' })).toBeVisible();

  // Export as CSV.
  await page.goto(`${source}/codebook`);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('Codebook source study.csv');
  const csvPath = await download.path();
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv).toContain('aspect,group,code,label,polarity,definition');
  expect(csv).toContain('IN-2,Sarcastic or critical remark,negative');

  // Import into another project: a bad file first (every problem, nothing imported), then the export.
  const target = await createProject(page, 'Codebook target study');
  await page.goto(`${target}/codebook`);
  await expectAccessible(page);
  await page.getByLabel('Codebook file', { exact: true }).setInputFiles('tests/fixtures/codebook/bad-rows.csv');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Nothing was imported. Problems found: 6.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row')).toHaveCount(7);
  await expect(problems.getByRole('row').nth(1)).toContainText('bad-rows.csvrow 3label');
  await expectAccessible(page);

  await page.getByLabel('Codebook file', { exact: true }).setInputFiles({ name: 'exported.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported as version 1.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /exported/ })).toBeVisible();
  expect(await previewRows(page)).toEqual(built);
  await page.goto(`${target}/codebook/edit`);
  expect(await previewRows(page)).toEqual(built);

  // Removing an aspect with behaviours asks first.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Remove aspect "Involvement" with its 2 behaviours?');
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Remove aspect' }).first().click();
  await expect(page.getByLabel('Name (English)', { exact: true }).first()).toHaveValue('Involvement');
});

test('a changed import becomes version 2; the versions page shows the difference', async ({ page }) => {
  await signIn(page, 'owner@demo.concord');
  const project = await createProject(page, 'Codebook versions study');
  await page.goto(`${project}/codebook`);
  const csv = fs.readFileSync('examples/demo-codebook.csv', 'utf8');
  await page.getByLabel('Codebook file', { exact: true }).setInputFiles({ name: 'demo.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported as version 1.')).toBeVisible();
  const relabelled = csv.replace('Shares a light moment or a joke with the family', 'Shares a joke with the family');
  expect(relabelled).not.toBe(csv);
  await page.getByLabel('Codebook file', { exact: true }).setInputFiles({ name: 'demo.csv', mimeType: 'text/csv', buffer: Buffer.from(relabelled) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported as version 2.')).toBeVisible();

  await page.getByRole('link', { name: 'Version history' }).click();
  await expect(page.getByRole('heading', { name: 'Versions of the codebook' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  const row = page.getByRole('row', { name: /label \(English\)/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(3)).toHaveText('Shares a light moment or a joke with the family');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Shares a joke with the family');
  await expectAccessible(page);

  await page.getByLabel('From version', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Show differences' }).click();
  await expect(page.getByText('These versions are the same.')).toBeVisible();
});

test('a coder reads the codebook and may export it, but gets 403 on the editor', async ({ page }) => {
  await signIn(page, 'coder.a@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Codebook' }).click();
  await expect(page).toHaveURL(/\/codebook$/);
  await expect(page.getByRole('link', { name: 'Version history' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit codebook' })).toHaveCount(0);
  await expect(page.getByLabel('Codebook file', { exact: true })).toHaveCount(0);
  const codebookUrl = page.url();
  const editor = await page.goto(`${codebookUrl}/edit`);
  expect(editor?.status()).toBe(403);
  const projectId = new URL(codebookUrl).pathname.split('/')[2];
  const imported = await page.request.post(`/api/projects/${projectId}/codebook/import`, { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a') } } });
  expect(imported.status()).toBe(403);
  const exported = await page.request.get(`/api/projects/${projectId}/codebook/export?format=json`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="Distance and proximity \(demo\)\.json"/);
  const missing = await page.request.get('/api/projects/00000000-0000-0000-0000-000000000000/codebook/export?format=csv');
  expect(missing.status()).toBe(404);
});
