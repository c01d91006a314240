// Negotiation journey: an enterprise opens a negotiation (我要洽谈) on a university's published
// achievement; the university member finds it in the workspace and answers, which starts it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
const code = `jq${String(Date.now()).slice(-6)}`;
let browser: Browser;

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

describe.skipIf(!base)('negotiation journey', () => {
  it('an enterprise opens a negotiation on an achievement and the owner answers', { timeout: 120_000 }, async () => {
    const university = await browser.newContext({ locale: 'zh-CN' });
    const ownerPage = await university.newPage();
    await logIn(ownerPage, 'member@jinqiao.demo');
    const mine = (await (await ownerPage.request.get(`${base}/api/me/achievements?status=published&limit=1`)).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const achievement = mine.items[0]!;
    expect(achievement).toBeDefined();

    const enterprise = await browser.newContext({ locale: 'zh-CN' });
    const page = await enterprise.newPage();
    await logIn(page, 'enterprise@jinqiao.demo');
    await page.goto(`${base}/achievements/${achievement.id}`);
    await page.getByTestId('inquiry-open').click();
    await page.getByTestId('inquiry-message').fill(`我司希望以许可方式实施该成果，请介绍转让条件。${code}`);
    await page.getByTestId('inquiry-submit').click();
    await page.waitForURL(/\/workspace\/inquiries\/[0-9a-f-]{36}$/);
    const threadUrl = page.url();
    await expect.poll(() => page.getByTestId('inquiry-status').textContent()).toBe('待回复');

    // The owner sees it in the workspace list, with a notification in the bell.
    await ownerPage.goto(`${base}/workspace/inquiries`);
    await ownerPage.getByTestId('inquiry-link').filter({ hasText: achievement.title }).first().click();
    await ownerPage.getByTestId('inquiry-messages').getByText(code).waitFor();
    await ownerPage.getByTestId('inquiry-reply').fill('欢迎洽谈，许可费可面议，附技术说明。');
    await ownerPage.getByTestId('inquiry-send').click();
    await expect.poll(() => ownerPage.getByTestId('inquiry-status').textContent()).toBe('洽谈中');
    expect(await ownerPage.getByTestId('notification-unread').textContent()).toMatch(/\d/);

    // The enterprise reads the answer in the same thread.
    await page.goto(threadUrl);
    await page.getByTestId('inquiry-messages').getByText('欢迎洽谈，许可费可面议').waitFor();
    await expect.poll(() => page.getByTestId('inquiry-status').textContent()).toBe('洽谈中');
    await university.close();
    await enterprise.close();
  });
});
