// Expert journey: a visitor browses the expert pool (no contact details); the demo expert opens the
// workspace, scores the open roadshow panel on its sheet and sees the assignment scored.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
let browser: Browser;

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!base)('expert journey', () => {
  it('the directory hides contacts; the expert scores an assignment', { timeout: 120_000 }, async () => {
    const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await visitor.goto(`${base}/experts`);
    await visitor.getByTestId('experts-list').getByText('吴卫东').waitFor();
    expect(await visitor.getByTestId('expert-contact').count()).toBe(0);

    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill('expert@jinqiao.demo');
    await page.getByTestId('login-password').fill('jinqiao-demo-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard-welcome').waitFor();
    await page.goto(`${base}/workspace/assignments`);
    const row = page.getByTestId('assignment-list').locator('tr', { hasText: '海水淡化' });
    await row.getByTestId('assignment-score').click();
    const form = page.getByTestId('score-form');
    for (const [key, value] of Object.entries({ technology: 26, market: 21, business_model: 16, team: 12, presentation: 8 }))
      await form.getByTestId(`score-${key}`).fill(String(value));
    await expect.poll(() => page.getByTestId('score-total').textContent()).toContain('83');
    await page.getByTestId('score-submit').click();
    await row.getByText('已评分').waitFor();
    expect(await row.textContent()).toContain('83');
  });
});
