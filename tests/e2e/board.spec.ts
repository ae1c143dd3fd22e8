import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

const SESSION = 'K-02 follow-up talk';

async function openBoard(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('dialog', (d) => void d.accept());
  await signIn(page, email);
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.waitForURL(/\/sessions$/);
  await page.getByRole('row', { name: new RegExp(SESSION) }).getByRole('link', { name: SESSION }).click();
  await page.getByRole('link', { name: 'Open the reconciliation board' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible({ timeout: 20_000 });
  return page;
}

const openCount = async (page: Page) => Number((await page.locator('.open-count').textContent())!.split(' ')[0]);

/** Focus mode: sign the selected open disagreement 1, move to the next, as often as there are disagreements. */
async function signAll(page: Page, total: number) {
  await page.getByLabel('Focus on open disagreements').check();
  await page.locator('.board-cell button[tabindex="0"]').focus();
  for (let i = 0; i < total; i++) {
    await page.keyboard.press('1');
    await page.keyboard.press('n');
  }
}

test('two coders reveal, settle every disagreement live, co-write a rationale and finalize; a supervisor watches read-only; a stranger is refused', async ({ browser }) => {
  test.setTimeout(180_000);
  // Reveal: coder B had submitted; coder A submits now.
  const tally = await (await browser.newContext()).newPage();
  await signIn(tally, 'coder.a@demo.concord');
  await tally.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await tally.getByRole('region', { name: 'Your sessions to code' }).getByRole('link', { name: SESSION }).click();
  await tally.getByRole('button', { name: 'Submit tally…' }).click();
  await tally.getByRole('button', { name: 'Submit: my tally is final' }).click();
  await expect(tally.getByText('You submitted this tally.')).toBeVisible();

  const anna = await openBoard(browser, 'coder.a@demo.concord');
  const bram = await openBoard(browser, 'coder.b@demo.concord');
  await expectAccessible(anna);
  const total = Number((await anna.locator('.open-count').textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(0);
  await expect(anna.getByRole('region', { name: 'On the board' })).toContainText('Bram Coder');

  // Co-edit one rationale: each sees the other's text appear.
  const first = anna.locator('.board-cell button[tabindex="0"]');
  const cellId = await first.getAttribute('id');
  await bram.locator(`#${cellId}`).click();
  const annaEditor = anna.getByRole('textbox', { name: /^Rationale:/ });
  const bramEditor = bram.getByRole('textbox', { name: /^Rationale:/ });
  await annaEditor.click();
  await anna.keyboard.type('Anna: a joke at 12:40.');
  await expect(bramEditor).toContainText('Anna: a joke at 12:40.');
  await bramEditor.click();
  await bram.keyboard.press('End');
  await bram.keyboard.type(' Bram: agreed, definition 2.');
  await expect(annaEditor).toContainText('Bram: agreed, definition 2.');

  // A supervisor watches live, read-only.
  const sam = await openBoard(browser, 'supervisor@demo.concord');
  await expect(sam.getByText('You are watching this board')).toBeVisible();
  await expect(sam.getByRole('button', { name: 'Settle 1 (occurred)' })).toHaveCount(0);
  await expect(sam.getByRole('textbox', { name: /^Rationale:/ })).toHaveAttribute('contenteditable', 'false');

  await signAll(anna, total);
  // Shown only once the server acknowledged storing every change of this device.
  await expect(anna.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible({ timeout: 20_000 });
  await expect(bram.locator('.board-cell.proposed')).toHaveCount(total, { timeout: 20_000 });
  await signAll(bram, total);
  await expect.poll(() => openCount(anna), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => openCount(sam), { timeout: 20_000 }).toBe(0);

  await anna.getByLabel('I have checked everything and sign off').check();
  await bram.getByLabel('I have checked everything and sign off').check();
  await expect(anna.getByRole('button', { name: 'Finalize the consensus list' })).toBeEnabled();
  await anna.getByRole('button', { name: 'Finalize the consensus list' }).click();
  await expect(anna.getByText('This board is finalized')).toBeVisible({ timeout: 20_000 });
  await bram.reload();
  await expect(bram.getByText('This board is finalized')).toBeVisible();
  await expect(bram.getByRole('button', { name: 'Settle 1 (occurred)' })).toHaveCount(0);

  // A non-member is refused.
  execFileSync(process.execPath, ['bin/concord.mjs', 'users', 'create', '--email', 'stranger@example.org', '--name', 'Stranger', '--password', 'a-long-password'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, DATABASE_URL: '' },
  });
  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, 'stranger@example.org', 'a-long-password');
  const response = await stranger.goto(anna.url());
  expect(response?.status()).toBe(404);
});
