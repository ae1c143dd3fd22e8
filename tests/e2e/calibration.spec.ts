import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';

/*
 * A calibration round on the demo's settled training recording, with the three demo trainees.
 * The round gets its own name, so the spec does not depend on other specs or on the demo's
 * own revealed round.
 */
const TRAINEES = [
  { email: 'trainee.a@demo.concord', name: 'Ties Trainee' },
  { email: 'trainee.b@demo.concord', name: 'Uma Trainee' },
  { email: 'trainee.c@demo.concord', name: 'Vera Trainee' },
];
const WARMTH = 'Combines warmth with professional distance';
const LIMITS = 'Is clear about the limits of the role';
const JOKE = 'Shares a light moment or a joke with the family';
/** Everyone marks WARMTH 0–5, two mark LIMITS 5–10, one marks JOKE 0–5: spreads 3/3, 2/3 and 1/3. */
const MARKS: [string, string][][] = [
  [
    [WARMTH, '0–5'],
    [LIMITS, '5–10'],
    [JOKE, '0–5'],
  ],
  [
    [WARMTH, '0–5'],
    [LIMITS, '5–10'],
  ],
  [[WARMTH, '0–5']],
];

async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function gotoCalibration(page: Page): Promise<void> {
  await page.goto('/');
  const project = await page.getByRole('link', { name: 'Distance and proximity (demo)' }).getAttribute('href');
  await page.goto(`${project}/calibration`);
  await expect(page.getByRole('heading', { level: 2, name: 'Calibration', exact: true })).toBeVisible();
}

const cell = (page: Page, behaviour: string, heading: string) => page.getByRole('button', { name: `${behaviour}, interval ${heading}`, exact: true });

/** The group board's row of one cell. */
const boardRow = (page: Page, behaviour: string, heading: string) =>
  page
    .getByRole('table', { name: /^Group board/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(behaviour) }) })
    .filter({ has: page.getByRole('cell', { name: heading, exact: true }) });

test('a trainer runs a calibration round for three trainees: blind tallies, reveal, group board and own figures', async ({ browser }) => {
  const label = `E2E round ${Date.now().toString(36)}`;

  const trainer = await openAs(browser, 'trainer@demo.concord');
  await test.step('the trainer creates a round on the demo gold recording for the three trainees', async () => {
    await gotoCalibration(trainer);
    await expectAccessible(trainer);
    const form = trainer.getByRole('form', { name: 'New round' });
    await form.getByLabel('Recording').selectOption({ label: 'T-01 · T-01 training recording' });
    await form.getByLabel('Name of the round (optional)').fill(label);
    for (const t of TRAINEES) await form.getByRole('checkbox', { name: new RegExp(t.name) }).check();
    await expect(form.getByRole('checkbox', { name: 'Trainees see the gold standard after the reveal' })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: 'Trainees see each other by name' })).not.toBeChecked();
    await form.getByRole('button', { name: 'Create round' }).click();
    await expect(form.getByRole('status')).toHaveText(`Round “${label}” was created; its trainees find it on this page.`);
    await expect(trainer.getByRole('region', { name: 'Rounds', exact: true }).getByRole('link', { name: label })).toBeVisible();
  });

  for (const [i, t] of TRAINEES.entries()) {
    await test.step(`${t.name} opens the round’s tally from the calibration page, marks and submits`, async () => {
      const page = await openAs(browser, t.email);
      await gotoCalibration(page);
      const mine = page.getByRole('region', { name: 'My rounds', exact: true }).getByRole('row', { name: new RegExp(label) });
      await mine.getByRole('link', { name: /Open the tally/ }).click();
      await expect(page.getByRole('heading', { name: /T-01 · / })).toBeVisible();
      await expect(page.getByRole('link', { name: '← Calibration' })).toBeVisible();
      const [first, ...rest] = MARKS[i]!;
      // The first mark by keyboard, the others by click.
      await cell(page, first![0], first![1]).focus();
      await page.keyboard.press('Space');
      for (const [behaviour, heading] of rest) await cell(page, behaviour, heading).click();
      for (const [behaviour, heading] of MARKS[i]!) await expect(cell(page, behaviour, heading)).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
      await page.getByRole('button', { name: 'Submit tally…' }).click();
      await page.getByRole('dialog', { name: 'Submit your tally' }).getByRole('button', { name: 'Submit: my tally is final' }).click();
      await expect(page.getByText('You submitted your tally for this round.')).toBeVisible();
      await gotoCalibration(page);
      await expect(page.getByRole('region', { name: 'My rounds', exact: true }).getByRole('row', { name: new RegExp(label) })).toContainText('waiting for the trainer to reveal');
      await page.context().close();
    });
  }

  await test.step('the trainer reveals the round: the group board shows the spread and the gold standard', async () => {
    await gotoCalibration(trainer);
    await trainer.getByRole('region', { name: 'Rounds', exact: true }).getByRole('link', { name: label }).click();
    await expect(trainer.getByRole('heading', { level: 2, name: label })).toBeVisible();
    await expect(trainer.getByText('3 of 3 trainees have submitted.').first()).toBeVisible();
    await trainer.getByText('Reveal this round…').click();
    await trainer.getByRole('button', { name: 'Reveal now' }).click();
    await expect(trainer.getByRole('heading', { name: 'Group board' })).toBeVisible();
    // Every cell of the first aspect, so the unanimous cells show too.
    await trainer.getByLabel('Show', { exact: true }).selectOption({ label: 'all cells' });
    await trainer.getByLabel('Aspect', { exact: true }).selectOption({ label: 'Professional involvement' });
    await trainer.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(boardRow(trainer, WARMTH, '0–5')).toContainText('3/3');
    await expect(boardRow(trainer, LIMITS, '5–10')).toContainText('2/3');
    await expect(boardRow(trainer, JOKE, '0–5')).toContainText('1/3');
    await expect(boardRow(trainer, WARMTH, '0–5').getByRole('cell', { name: /^(marked|not marked)$/ })).toBeVisible();
    await expect(trainer.getByRole('table', { name: /^Group board/ }).getByRole('columnheader', { name: 'Gold standard' })).toBeVisible();
    // The trainer sees every trainee by name, with figures against gold.
    const everyone = trainer.getByRole('region', { name: 'Each trainee against the gold standard', exact: true });
    for (const t of TRAINEES) await expect(everyone.getByRole('rowheader', { name: t.name })).toBeVisible();
    await expect(trainer.getByRole('table', { name: /Group agreement/ })).toBeVisible();
    await expectAccessible(trainer);
  });

  await test.step('the trainer and a trainee discuss a cell on the board: the comment thread is shared live', async () => {
    await boardRow(trainer, LIMITS, '5–10').getByRole('link', { name: 'Discuss' }).click();
    const panel = trainer.getByRole('region', { name: 'Discussion' });
    await expect(panel.getByRole('heading', { name: new RegExp(LIMITS) })).toBeVisible();
    await panel.getByLabel('Add a comment').fill('Where does the role end here?');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByRole('status')).toHaveText('All changes saved');

    const trainee = await openAs(browser, TRAINEES[1]!.email);
    await gotoCalibration(trainee);
    await trainee.getByRole('region', { name: 'My rounds', exact: true }).getByRole('row', { name: new RegExp(label) }).getByRole('link', { name: /See the results/ }).click();
    await trainee.getByLabel('Show', { exact: true }).selectOption({ label: 'all cells' });
    await trainee.getByRole('button', { name: 'Show', exact: true }).click();
    await boardRow(trainee, LIMITS, '5–10').getByRole('link', { name: 'Discuss' }).click();
    const theirs = trainee.getByRole('region', { name: 'Discussion' });
    await expect(theirs.getByText('Where does the role end here?')).toBeVisible();
    await theirs.getByLabel('Add a comment').fill('She names the limit before the mother asks.');
    await theirs.getByRole('button', { name: 'Send' }).click();
    // Live on the trainer's screen, under the trainee's stand-in name (names are hidden in this round).
    await expect(panel.getByText('She names the limit before the mother asks.')).toBeVisible();
    await expect(panel.getByRole('listitem').filter({ hasText: 'She names the limit' })).toContainText(/Trainee \d/);
    await trainee.context().close();
  });

  for (const t of TRAINEES) {
    await test.step(`${t.name} sees their own agreement, the spread and gold, and nobody else’s name`, async () => {
      const page = await openAs(browser, t.email);
      await gotoCalibration(page);
      await page.getByRole('region', { name: 'My rounds', exact: true }).getByRole('row', { name: new RegExp(label) }).getByRole('link', { name: /See the results/ }).click();
      await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
      const own = page.getByRole('region', { name: 'Your agreement with the gold standard', exact: true });
      await expect(own).toBeVisible();
      await expect(own.getByText('% agreement').first()).toBeVisible();
      await expect(own.getByRole('table', { name: 'Per aspect' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Each trainee against the gold standard', exact: true })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Group board' })).toBeVisible();
      await page.getByLabel('Show', { exact: true }).selectOption({ label: 'all cells' });
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await expect(boardRow(page, WARMTH, '0–5')).toContainText('3/3');
      await expect(page.getByRole('table', { name: /^Group board/ }).getByRole('columnheader', { name: 'Gold standard' })).toBeVisible();
      // Progress names only the reader; the others are "Trainee n".
      const progress = page.getByRole('region', { name: 'Progress', exact: true });
      await expect(progress.getByRole('rowheader', { name: `${t.name} (you)` })).toBeVisible();
      await expect(progress.getByRole('rowheader', { name: /^Trainee \d$/ })).toHaveCount(2);
      for (const other of TRAINEES.filter((x) => x !== t)) await expect(page.getByText(other.name)).toHaveCount(0);
      await page.context().close();
    });
  }

  await test.step('the round page is accessible for a trainee too', async () => {
    const page = await openAs(browser, TRAINEES[0]!.email);
    await gotoCalibration(page);
    await expectAccessible(page);
    await page.getByRole('region', { name: 'My rounds', exact: true }).getByRole('row', { name: new RegExp(label) }).getByRole('link', { name: /See the results/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
  });
  await trainer.context().close();
});

test('a trainer sees each trainee’s calibration badge on the members page', async ({ page }) => {
  await signIn(page, 'trainer@demo.concord');
  await gotoCalibration(page);
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  for (const t of TRAINEES) await expect(page.getByRole('row', { name: new RegExp(t.name) })).toContainText(/calibrated/);
  await expect(page.getByRole('row', { name: /Olivia Owner/ })).not.toContainText(/calibrated/);
});

test('a supervisor sees who is calibrated and every coder’s drift; a coder sees only their own drift', async ({ page, browser }) => {
  await signIn(page, 'supervisor@demo.concord');
  await gotoCalibration(page);
  const status = page.getByRole('region', { name: 'Who is calibrated', exact: true });
  for (const t of TRAINEES) await expect(status.getByRole('rowheader', { name: new RegExp(t.name) })).toBeVisible();
  await expect(status.getByRole('img', { name: /over \d+/ }).first()).toBeVisible();
  const drift = page.getByRole('region', { name: 'Coders’ agreement over time', exact: true });
  await expect(drift.getByRole('rowheader', { name: 'Anna Coder' })).toBeVisible();
  await expect(drift.getByRole('rowheader', { name: 'Bram Coder' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New round' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Calibration criteria' })).toHaveCount(0);
  await expectAccessible(page);

  const coder = await (await browser.newContext()).newPage();
  await signIn(coder, 'coder.a@demo.concord');
  await gotoCalibration(coder);
  const own = coder.getByRole('region', { name: 'My agreement over time', exact: true });
  await expect(own.getByRole('rowheader', { name: 'Anna Coder' })).toBeVisible();
  await expect(coder.getByText('Bram Coder')).toHaveCount(0);
  await expect(coder.getByRole('region', { name: 'Who is calibrated', exact: true })).toHaveCount(0);
  await expectAccessible(coder);
  await coder.context().close();
});

test('a coder whose recent agreement fell below the threshold is told so on the project overview', async ({ page }) => {
  await signIn(page, 'coder.a@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  const notice = page.getByRole('note').filter({ hasText: 'is below this project’s threshold of 0.70' });
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'See your agreement over time' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Calibration', exact: true })).toBeVisible();
});
