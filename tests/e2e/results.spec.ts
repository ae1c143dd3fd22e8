/*
 * Results (issue 7): the demo's results, with a second case's consensus list brought in
 * through `concord tallies import`; compare two columns with the keyboard-operable form;
 * download the XLSX (read back) and print the report to PDF (its text read back with
 * pdftotext); axe on the results and report pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

const SESSION = 'K-01 results talk';
// PI-L1 in intervals 1 and 3, PI-L3 (negative) in interval 2: K-01 shows 2/4, 0/4 …, 1/4.
const CONSENSUS = `case,session,coder,code,interval,value\nK-01,${SESSION},consensus,PI-L1,1,1\nK-01,${SESSION},consensus,PI-L1,3,1\nK-01,${SESSION},consensus,PI-L3,2,1\n`;

test('results: tables per aspect, two cases compared, the XLSX and the printed report', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-results-'));
  await signIn(page, 'owner@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2]!;

  // The demo has one finalized session (K-02). A second case's settled list, imported as a
  // study moving from spreadsheets would: a new 20-minute session, then the consensus rows.
  await page.getByRole('link', { name: 'Sessions', exact: true }).click();
  await page.getByLabel('Case', { exact: true }).selectOption({ label: 'K-01' });
  await page.getByLabel('Recording label').fill(SESSION);
  await page.getByLabel('Duration (minutes)').fill('20');
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByRole('row', { name: new RegExp(SESSION) })).toBeVisible();
  fs.writeFileSync(path.join(dir, 'consensus.csv'), CONSENSUS);
  const imported = spawnSync(process.execPath, ['bin/concord.mjs', 'tallies', 'import', path.join(dir, 'consensus.csv'), '--project', projectId], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);

  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Results', exact: true })).toBeVisible();
  const involvement = page.getByRole('table', { name: 'Professional involvement: frequency per case (k/N)' });
  await expect(involvement.locator('thead th')).toHaveText(['Behaviour', 'K-01', 'K-02']);
  const warmth = involvement.getByRole('row', { name: /PI-L1 Combines warmth/ });
  await expect(warmth.getByRole('cell').first()).toHaveText(/^2\/4/);
  await expect(warmth.getByRole('cell').first()).toHaveAttribute('title', `${SESSION}, intervals 1 (0–5), 3 (10–15)`);
  await expect(involvement.getByRole('row', { name: /PI-L3 Drifts/ })).toHaveClass('negative');
  await expect(involvement.locator('tfoot td').first()).toHaveText('1 of 10 positive, 1 of 4 negative');
  // Sessions still in coding or reconciliation are listed apart, never counted.
  await expect(page.getByRole('region', { name: 'Not (yet) in the results' })).toContainText('K-01 intake talk (in reconciliation)');
  await expect(page.getByRole('img', { name: /Frequency per behaviour: Professional involvement/ })).toBeVisible();
  await expectAccessible(page);

  // Compare two sessions side by side, with the keyboard.
  const options = page.getByRole('form', { name: 'Table options' });
  await options.getByRole('radio', { name: 'One per session' }).check();
  await options.getByRole('button', { name: 'Show' }).press('Enter');
  await expect(page).toHaveURL(/by=session/);
  const compare = page.getByRole('form', { name: 'Table options' }).getByRole('group', { name: /Compare side by side/ });
  for (const name of [`K-01 · ${SESSION}`, 'K-02 · K-02 intake talk']) {
    await compare.getByRole('checkbox', { name }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('form', { name: 'Table options' }).getByLabel('Order of behaviours').selectOption({ label: `Most frequent first in K-01 · ${SESSION}` });
  await page.getByRole('form', { name: 'Table options' }).getByRole('button', { name: 'Show' }).press('Enter');
  await expect(page).toHaveURL(/cols=/);
  const bySession = page.getByRole('table', { name: 'Professional involvement: frequency per session (k/N)' });
  await expect(bySession.locator('thead th')).toHaveText(['Behaviour', `K-01 · ${SESSION}`, 'K-02 · K-02 intake talk']);
  // Most frequent first within the literature group: PI-L1 (2/4), PI-L3 (1/4), then PI-L2 (0/4).
  const literature = bySession.locator('tbody').first().getByRole('row');
  await expect(literature.nth(1)).toContainText('PI-L1');
  await expect(literature.nth(2)).toContainText('PI-L3');
  await expectAccessible(page);

  // The workbook of exactly this view.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Workbook (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('results-distance-and-proximity-demo-v1.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const names = workbook.worksheets.map((s) => s.name);
  expect(names).toHaveLength(3);
  expect(names[0]).toBe('Professional involvement');
  expect(names[1]).toMatch(/^Power as say/);
  expect(names.every((n) => n.length <= 31)).toBe(true);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(2).getCell(4).value).toBe(`K-01 · ${SESSION}: k`);
  let negativeRow: ExcelJS.Row | undefined;
  let warmthRow: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'PI-L3') negativeRow = row;
    if (row.getCell(1).value === 'PI-L1') warmthRow = row;
  });
  expect(warmthRow!.getCell(4).value).toBe(2);
  expect(warmthRow!.getCell(5).value).toBe(4);
  expect(warmthRow!.getCell(6).value).toBe('2/4');
  expect(negativeRow!.getCell(2).font?.italic).toBe(true);

  // The printable report, with the rationales appendix, printed to PDF.
  await page.getByRole('link', { name: 'Printable report (PDF)' }).click();
  await expect(page.getByRole('heading', { name: 'Results report' })).toBeVisible();
  await page.getByLabel('Include an appendix of rationales for settled disagreements').check();
  await page.getByRole('button', { name: 'Update the report' }).click();
  await expect(page.getByRole('heading', { name: 'Appendix: rationales of settled disagreements' })).toBeVisible();
  await expectAccessible(page);
  const pdf = path.join(dir, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Results report');
  expect(pdfText).toContain('Distance and proximity (demo)');
  expect(pdfText).toContain('Combines warmth with professional distance');
  expect(pdfText).toMatch(/2\/4/);
  expect(pdfText).not.toContain('Download SVG');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a member sees the results; a non-member gets 404 for the export', async ({ page }) => {
  await signIn(page, 'coder.a@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('table', { name: /Professional involvement/ })).toBeVisible();
  const projectId = new URL(page.url()).pathname.split('/')[2]!;
  const res = await page.request.get(`/api/projects/${projectId}/results/export?format=pdf`);
  expect(res.status()).toBe(400);
  const other = await page.request.get('/api/projects/00000000-0000-0000-0000-000000000000/results/export?format=csv');
  expect(other.status()).toBe(404);
});
