// Catalogue journeys: a university member files an achievement with a suggested field, a reviewer
// approves and publishes it, a visitor finds it by a Chinese query; an enterprise's demand then shows
// it among its matches, with the explanation bar.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
const code = `jq${String(Date.now()).slice(-6)}`;
const TITLE = `一种量子点荧光防伪墨水及其制备方法 ${code}`;
let browser: Browser;
let achievementId = '';

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}

describe.skipIf(!base)('catalogue journeys', () => {
  it(
    'a member files an achievement with a suggested field; a reviewer approves and publishes it; a visitor finds it',
    { timeout: 90_000 },
    async () => {
      const member = await browser.newContext({ locale: 'zh-CN' });
      const page = await member.newPage();
      await logIn(page, 'member@jinqiao.demo');
      await page.goto(`${base}/workspace/achievements/new`);
      await page.getByTestId('title-input').fill(TITLE);
      await page
        .getByTestId('summary-input')
        .fill('本成果以钙钛矿量子点为发光材料，制备在紫外光下显示荧光图案的防伪墨水，可用于票据与包装防伪。');
      await page.getByTestId('filing-next').click();
      // The field is suggested from the title and summary; the member takes the first suggestion.
      const suggestion = page.getByTestId('suggested-field').first();
      await suggestion.waitFor();
      const suggested = (await suggestion.textContent()) ?? '';
      expect(suggested).toMatch(/\d+%/);
      await suggestion.click();
      await page.getByTestId('filing-next').click();
      await page.getByTestId('trl-6').click();
      await page.getByTestId('filing-next').click(); // → IP assets (none)
      await page.getByTestId('filing-next').click(); // → transfer modes and price
      await page.getByTestId('mode-transfer').check({ force: true });
      await page.getByTestId('price-input').fill('80');
      await page.getByTestId('filing-next').click(); // → contacts and team (prefilled)
      await page.getByTestId('filing-next').click(); // → review
      await page.getByTestId('filing-submit').click();
      await page.waitForURL(/\/achievements\/[0-9a-f-]{36}$/);
      achievementId = page.url().split('/').pop()!;
      await expect.poll(() => page.getByTestId('achievement-title').textContent()).toContain(code);
      await member.close();

      const admin = await browser.newContext({ locale: 'zh-CN' });
      const review = await admin.newPage();
      await logIn(review, 'admin@jinqiao.demo');
      await review.goto(`${base}/workspace/review`);
      await review.getByText(TITLE).first().waitFor();
      await review.goto(`${base}/achievements/${achievementId}`);
      await review.getByTestId('action-approve').click();
      await review.getByTestId('action-publish').click();
      await review.getByTestId('action-publish').waitFor({ state: 'detached' });
      await admin.close();

      const visitor = await browser.newContext({ locale: 'zh-CN' });
      const home = await visitor.newPage();
      await home.goto(`${base}/`);
      await home.getByTestId('search-input').first().fill(`防伪墨水 ${code}`);
      await home.getByTestId('search-submit').first().click();
      const hit = home.getByTestId('result-item').filter({ hasText: code });
      await hit.first().waitFor();
      // The matched term is highlighted in the result.
      expect(await hit.first().locator('mark').count()).toBeGreaterThan(0);
      await hit.first().getByTestId('result-title').click();
      await expect.poll(() => home.getByTestId('achievement-title').textContent()).toContain(code);
      expect(await home.getByTestId('price').first().textContent()).toContain('80');
      await visitor.close();
    },
  );

  it('an enterprise files a demand and sees the achievement among its matches, with the explanation', { timeout: 60_000 }, async () => {
    expect(achievementId).not.toBe('');
    const enterprise = await browser.newContext({ locale: 'zh-CN' });
    const page = await enterprise.newPage();
    await logIn(page, 'enterprise@jinqiao.demo');
    const csrf = (await enterprise.cookies()).find((c) => c.name === 'jq_csrf')!.value;
    const created = await page.request.post(`${base}/api/demands`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        title: '寻求量子点荧光防伪墨水技术',
        summary: '我公司生产票据与高端包装，需要紫外光下显示荧光图案的防伪墨水技术，希望受让或获得独占许可。',
        fieldCode: 'D15',
        keywords: ['防伪墨水', '量子点'],
        budgetMinFen: 50_000_000,
        budgetMaxFen: 150_000_000,
        cooperationModes: ['transfer', 'license_exclusive'],
        trlMin: 5,
      },
    });
    expect(created.status()).toBe(201);
    const demand = await created.json();
    await page.goto(`${base}/demands/${demand.id}`);
    const match = page.getByTestId('match-item').filter({ hasText: code });
    await match.first().waitFor();
    const bar = match.first().getByTestId('match-bar');
    await bar.waitFor();
    // Each component of the score is a segment of the bar; text and field both contributed.
    expect(await bar.getByTestId('match-segment-text').count()).toBe(1);
    expect(await bar.getByTestId('match-segment-mode').count()).toBe(1);
    await enterprise.close();
  });
});
