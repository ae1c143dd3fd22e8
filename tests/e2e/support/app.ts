import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

/** Demo accounts as the server printed them into its data folder on first start. */
export function demoPassword(email: string): string {
  const file = path.join(process.env.E2E_DATA_DIR!, 'demo-accounts.txt');
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.trim().startsWith(email));
  if (!line) throw new Error(`no demo account ${email}`);
  return line.trim().split(/\s+/)[1]!;
}

export async function signIn(page: Page, email: string, password = demoPassword(email)): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in to Concord');
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page and fails on any WCAG A/AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  // A refresh in flight (e.g. after a language switch) re-renders the head: check a settled page.
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveTitle(/\S/);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations, violations.join('\n')).toEqual([]);
}
