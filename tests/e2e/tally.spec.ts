import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app';
import { makeTestVideo } from './support/video';

const cell = (page: Page, behaviour: string, heading: string) => page.getByRole('button', { name: `${behaviour}, interval ${heading}`, exact: true });

test('a coder tallies a demo session with the keyboard beside a local video, offline and back, then submits', async ({ page, browser, context }) => {
  const videoFile = await makeTestVideo(browser, 4);
  const videoBytes = fs.statSync(videoFile).size;
  const bodies: { url: string; size: number; text: string }[] = [];
  page.on('request', (r) => {
    const body = r.postDataBuffer();
    if (body) bodies.push({ url: r.url(), size: body.length, text: body.toString('latin1') });
  });

  await signIn(page, 'coder.a@demo.concord');
  await page.getByRole('link', { name: 'Distance and proximity (demo)' }).click();
  await page.getByRole('region', { name: 'Your sessions to code' }).getByRole('link', { name: 'K-01 evaluation talk' }).click();
  await expect(page.getByRole('heading', { name: 'K-01 · K-01 evaluation talk' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Open the recording from this computer').setInputFiles(videoFile);
  await expect(page.locator('video')).toBeVisible();

  // Into the grid with Tab alone.
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id.startsWith('tally-cell-'))); i++) await page.keyboard.press('Tab');
  await expect(cell(page, 'Combines warmth with professional distance', '0–5')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  // With a recording open, the current interval is the one under the playhead (here 0–5).
  await page.keyboard.press('j');
  await expect(cell(page, 'Combines warmth with professional distance', '0–5')).toHaveAttribute('aria-pressed', 'true');
  await expect(cell(page, 'Combines warmth with professional distance', '5–10')).toHaveAttribute('aria-pressed', 'true');
  await expect(cell(page, 'Is clear about the limits of the role', '5–10')).toHaveAttribute('aria-pressed', 'true');
  await expect(cell(page, 'Shares a light moment or a joke with the family', '0–5')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('row', { name: /Combines warmth/ })).toContainText('2/10');

  // Play; a shortcut pressed while the video plays marks the interval under the playhead and records the moment.
  await page.keyboard.press(';');
  await expect.poll(() => page.evaluate(() => !document.querySelector('video')!.paused)).toBe(true);
  await page.keyboard.press('e');
  await page.keyboard.press(';');
  const empathy = cell(page, "Expresses empathy for the family's struggles", '0–5');
  await expect(empathy).toHaveAttribute('aria-pressed', 'true');
  await empathy.focus();
  await expect(page.getByRole('region', { name: /Expresses empathy/ }).getByRole('button', { name: /^0:0\d$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Offline: marks stay on the device and say so.
  await context.setOffline(true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Offline — kept on this device' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({ timeout: 15_000 });

  await page.reload();
  for (const [behaviour, heading] of [
    ['Combines warmth with professional distance', '0–5'],
    ['Combines warmth with professional distance', '5–10'],
    ['Is clear about the limits of the role', '5–10'],
    ['Shares a light moment or a joke with the family', '0–5'],
    ["Expresses empathy for the family's struggles", '0–5'],
    ['Reassures or normalises', '0–5'],
    ['Hostile, sarcastic or critical interaction', '0–5'],
  ]) {
    await expect(cell(page, behaviour!, heading!), `${behaviour} ${heading}`).toHaveAttribute('aria-pressed', 'true');
  }

  await page.getByRole('button', { name: 'Submit tally…' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Submit your tally' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Professional involvement' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Submit: my tally is final' }).press('Enter');
  await expect(page.getByText('You submitted this tally.')).toBeVisible();
  await expect(cell(page, 'Combines warmth with professional distance', '0–5')).toHaveAttribute('aria-disabled', 'true');

  // Nothing of the recording left the browser.
  expect(bodies.every((b) => b.size < Math.min(videoBytes, 64 * 1024) && !b.text.includes('webm'))).toBe(true);
  expect(bodies.some((b) => b.url.includes('/tally'))).toBe(true);
});
