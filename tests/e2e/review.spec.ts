/*
 * The review desk (issue 8), on the demo project with its reconciliation notes
 * (lib/demo/demo-review.ts seedDemoReview, seeded with the demo): filter with the keyboard, read a
 * behaviour's rationales side by side, propose a definition change citing them, apply it,
 * and find it in the codebook's next version draft; comment on a settled cell and ask to
 * reopen it, which a coder accepts, coder A proposes a new mark and coder B confirms it.
 * axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

const NEW_DEFINITION = 'Counts only when the worker does it in so many words, to the family; a summary at the end of the talk does not count.';

test("a supervisor filters the review desk to one behaviour, reads its rationales, proposes a definition change, and finds it in the codebook's next version draft", async ({ page }) => {
  await signIn(page, 'supervisor@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Review desk' })).toBeVisible();
  await expectAccessible(page);

  // The behaviour that causes the most disagreements heads the summary.
  const summary = page.getByRole('table', { name: 'Behaviours by number of disagreements' });
  const label = (await summary.getByRole('rowheader').first().textContent())!.trim();
  const code = label.split(' ')[0]!;

  // Filter with the keyboard: choose the behaviour, then submit from the search field.
  const behaviour = page.getByLabel('Behaviour', { exact: true });
  await behaviour.focus();
  await behaviour.selectOption({ label });
  await page.getByLabel('Search rationales and comments').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]behaviour=/);
  await expect(behaviour).toHaveValue(/.+/);
  const rows = page.getByRole('table', { name: 'Disagreements', exact: true }).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator('td.behaviour')).toContainText(code);
  await expect(summary.getByRole('row')).toHaveCount(2);
  const filtered = page.url();
  await expectAccessible(page);

  // All its rationales, side by side.
  await summary.getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All rationales, side by side' })).toBeVisible();
  const cards = page.locator('.rationale-card');
  await expect(cards).toHaveCount(count);
  await expect(cards.locator('.rationale').first()).toHaveText(/^\d+:\d\d: .+/);
  await expectAccessible(page);

  // Propose a change, citing every disagreement (checked by default).
  await page.getByLabel('New definition (English)').fill(NEW_DEFINITION);
  await page.getByLabel('New definition (Dutch)').fill('Telt alleen als de werker het met zoveel woorden tegen het gezin zegt; een samenvatting aan het eind telt niet.');
  await page.getByLabel('Motivation', { exact: true }).fill('The rationales show the coders reading the definition differently.');
  await expect(page.getByRole('group', { name: 'Disagreements it cites' }).getByRole('checkbox', { checked: true })).toHaveCount(count);
  await page.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByText('Your proposal was saved.')).toBeVisible();
  const proposal = page.locator('.review-proposals li.proposal').first();
  await expect(proposal).toContainText(NEW_DEFINITION);
  await expect(proposal.locator('a.chip')).toHaveCount(count);
  await expectAccessible(page);

  // Apply it: it becomes the codebook's next version draft.
  await proposal.getByRole('button', { name: 'Apply to the next codebook version draft' }).click();
  await expect(page.getByText('Applied: the change is in the draft of codebook version 2.')).toBeVisible();
  await expect(page.locator('.review-proposals li.proposal').first()).toContainText('Applied');

  await page.getByRole('link', { name: 'Codebook', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Distance and proximity/ })).toContainText('version 2');
  await expect(page.getByRole('row', { name: new RegExp(`^${code} `) }).first()).toContainText(NEW_DEFINITION);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Version history' }).click();
  await expect(page.getByRole('row', { name: /^2 / })).toContainText('Editable: no session coded against it yet');
  await expectAccessible(page);

  // The printable notes of the same view.
  await page.goto(filtered.replace('/review?', '/review/print?'));
  await expect(page.getByRole('heading', { name: /^Disagreement notes: / })).toBeVisible();
  await expect(page.locator('.print-item')).toHaveCount(count);
  await expectAccessible(page);
});

test('a supervisor comments on a settled cell and asks to reopen it; a coder of the session reads both and accepts; the coders re-settle it', async ({ page, browser }) => {
  const comment = 'Please look at this moment again with the new definition in mind.';
  const reason = 'Both rationales name a different definition.';
  const rationale = 'Read with the new definition, the worker does not say it in so many words.';
  await signIn(page, 'supervisor@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByLabel('Case', { exact: true }).selectOption({ label: 'K-02' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]case=/);
  // Other specs finalize more demo sessions of K-02; this one works on the intake talk.
  const row = page.getByRole('table', { name: 'Disagreements', exact: true }).locator('tbody tr').filter({ hasText: 'K-02 intake talk' }).first();
  await expect(row).toContainText('K-02 intake talk');
  await row.getByRole('link', { name: /details, comment, reopen/ }).click();
  await expect(page.getByRole('heading', { name: 'Comment for the coders' })).toBeVisible();
  await expectAccessible(page);
  const cellPage = page.url();
  const settled = page.locator('dt:text-is("Settled mark") + dd strong');
  const was = Number(await settled.textContent());
  const now = was === 1 ? 0 : 1;

  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByText('Your comment was added.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Supervisor comments' })).toContainText(comment);
  await page.getByLabel('Why should it be discussed again?').fill(reason);
  await page.getByRole('button', { name: 'Request reopening' }).click();
  await expect(page.getByText('The coders were asked to reopen this cell.')).toBeVisible();
  await expect(page.getByText('A request to reopen this cell is waiting for the coders.')).toBeVisible();
  await expectAccessible(page);
  const sessionPage = (await page.getByRole('link', { name: 'K-02 · K-02 intake talk' }).getAttribute('href'))!;

  // The session's coder reads both on the session page, and accepts.
  const coderB = await browser.newPage();
  await signIn(coderB, 'coder.b@demo.concord');
  await coderB.goto(sessionPage);
  const notesB = coderB.getByRole('region', { name: 'Supervisor notes on settled cells' });
  await expect(notesB).toContainText(comment);
  await expect(notesB).toContainText(reason);
  await expectAccessible(coderB);
  await notesB.getByRole('button', { name: 'Accept' }).click();
  await expect(notesB).toContainText('Reopened: waiting for a new mark');
  await expect(notesB.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(notesB.getByRole('form', { name: 'Propose a new mark' })).toBeVisible();

  // Coder A proposes a new mark with the keyboard, with a rationale, and waits for the partner.
  const coderA = await browser.newPage();
  await signIn(coderA, 'coder.a@demo.concord');
  await coderA.goto(sessionPage);
  const notesA = coderA.getByRole('region', { name: 'Supervisor notes on settled cells' });
  const propose = notesA.getByRole('form', { name: 'Propose a new mark' });
  await propose.getByRole('radio', { name: now === 1 ? '1 (marked)' : '0 (not marked)' }).focus();
  await coderA.keyboard.press('Space');
  await expect(propose.getByRole('radio', { name: now === 1 ? '1 (marked)' : '0 (not marked)' })).toBeChecked();
  await propose.getByLabel('Rationale for the new mark').fill(rationale);
  await propose.getByRole('button', { name: 'Propose' }).click();
  await expect(notesA).toContainText('Your new mark was proposed; your partner confirms it.');
  await expect(notesA).toContainText(`Anna Coder proposed ${now}: ${rationale}`);
  await expect(notesA).toContainText('Waiting for your partner to confirm.');
  await expect(notesA.getByRole('button', { name: 'Confirm the new mark' })).toHaveCount(0);
  await expectAccessible(coderA);
  await coderA.close();

  // Coder B confirms it; the cell is re-settled.
  await coderB.reload();
  await expect(notesB).toContainText(`Anna Coder proposed ${now}: ${rationale}`);
  await notesB.getByRole('button', { name: 'Confirm the new mark' }).click();
  await expect(notesB).toContainText('The new mark is settled.');
  await expect(notesB).toContainText(`Re-settled: was ${was}, now ${now}`);
  await expect(notesB.getByRole('button', { name: 'Confirm the new mark' })).toHaveCount(0);
  await expectAccessible(coderB);
  await coderB.close();

  // The supervisor's cell page shows the new settled mark, its rationale and the re-settling.
  await page.goto(cellPage);
  await expect(settled).toHaveText(String(now));
  await expect(page.getByRole('region', { name: 'Reopen requests' })).toContainText(`Re-settled: was ${was}, now ${now}`);
  await expect(page.locator('.review-notes .rationale')).toHaveText(rationale);
  await expectAccessible(page);
});
