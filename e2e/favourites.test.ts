// 我的收藏: an enterprise favourites a published achievement from its page, finds it in its
// workspace's favourites, and removes it there.
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

describe.skipIf(!base)('favourites', () => {
  it('an enterprise favourites an achievement, sees it under 我的收藏 and removes it', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill('enterprise@jinqiao.demo');
    await page.getByTestId('login-password').fill('jinqiao-demo-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard-welcome').waitFor();

    await page.goto(`${base}/achievements?q=${encodeURIComponent('电池')}`);
    const first = page.getByTestId('result-title').first();
    const title = ((await first.textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(0);
    await first.click();
    const button = page.getByTestId('favourite-button');
    await expect.poll(async () => (await button.textContent()) ?? '').toContain('收藏');
    await button.click();
    await expect.poll(async () => (await button.textContent()) ?? '').toContain('已收藏');

    await page.goto(`${base}/workspace/favourites`);
    const list = page.getByTestId('my-favourites');
    await list.getByRole('link', { name: title }).waitFor();
    await list.getByTestId('remove-favourite').first().click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(async () => list.getByRole('link', { name: title }).count()).toBe(0);
    await context.close();
  });
});
