import { chromium } from 'playwright-core';
import fs from 'node:fs';
const accounts = fs.readFileSync('/tmp/shot-data/demo-accounts.txt', 'utf8').split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));
const pw = (e) => accounts.find((a) => a[0] === e)[1];
const base = 'http://localhost:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [email, out, ...scrolls] = process.argv.slice(2);
const ctx = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
const page = await ctx.newPage();
await page.goto(base + '/signin');
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill(pw(email));
await page.getByLabel('Password').press('Enter');
await page.waitForTimeout(1500);
await page.goto(base + '/');
await page.getByRole('link', { name: /Distance and proximity/ }).first().click();
await page.waitForTimeout(800);
const projectUrl = page.url().replace(/\/projects\/([^/]+).*/, '/projects/$1');
await page.goto(projectUrl + '/calibration');
await page.getByRole('link', { name: /T-01 training recording · 1|See the results/ }).first().click();
await page.waitForTimeout(1500);
for (const [i, y] of scrolls.entries()) {
  if (y.startsWith('#')) { await page.goto(page.url().split('#')[0] + y); await page.waitForTimeout(1500); }
  else await page.evaluate((y) => window.scrollTo(0, Number(y)), y);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${out}-${i}.png` });
}
await browser.close();
