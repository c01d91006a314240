// Journeys a person takes through the portal, in Debian's chromium against the real server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { completeCreditCode } from '../common/credit-code.js';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const DEMO_PASSWORD = 'jinqiao-demo-2026';
let browser: Browser;

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page
    .getByTestId('dashboard-welcome')
    .waitFor({ timeout: 10_000 })
    .catch(async (e) => {
      await page.screenshot({ path: '/tmp/e2e-fail.png' });
      throw e;
    });
}

async function logOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

describe.skipIf(!base)('browser journeys', () => {
  it('a member logs in, switches to English (remembered), sees the dashboard and logs out', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, 'member@jinqiao.demo');
    const welcome = page.getByTestId('dashboard-welcome');
    await expect.poll(() => welcome.textContent()).toContain('欢迎，津沽大学 刘教授');
    expect(await welcome.textContent()).toContain('津沽大学');
    // The navigation already names the coming areas.
    const nav = await page.getByTestId('main-menu').textContent();
    for (const area of ['成果', '需求', '交易', '合同登记', '统计']) expect(nav).toContain(area);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => welcome.textContent()).toContain('Welcome, 津沽大学 刘教授');
    await page.reload();
    await page.getByTestId('dashboard-welcome').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-welcome').textContent()).toContain('Welcome');

    await logOut(page);
    // After logout the workspace is closed: going back lands on the login page.
    await page.goto(`${base}/workspace`);
    await page.getByTestId('login-submit').waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('an organisation registers, an admin approves it, and its admin sees it active', { timeout: 60_000 }, async () => {
    const suffix = String(Date.now()).slice(-7);
    const creditCode = completeCreditCode(`91120116MA${suffix}`);
    const email = `e2e${suffix}@example.com`;
    const res = await fetch(`${base}/api/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organization: { type: 'enterprise', name: `浏览器测试企业${suffix}`, creditCode, regionCode: '120116' },
        user: { name: '测试 管理员', email, password: 'e2e-password-1' },
      }),
    });
    expect(res.status).toBe(201);

    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, email, 'e2e-password-1');
    await expect.poll(() => page.getByTestId('dashboard-welcome').textContent()).toContain('待审核');
    await logOut(page);

    await logIn(page, 'admin@jinqiao.demo');
    await page.goto(`${base}/admin/organizations`);
    const row = page.locator('tr', { hasText: creditCode });
    await row.getByTestId('org-approve').click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    // The list opens on 待审核 (pending): the approved organisation leaves it.
    await expect.poll(() => row.count()).toBe(0);
    await logOut(page);

    await logIn(page, email, 'e2e-password-1');
    await expect.poll(() => page.getByTestId('dashboard-welcome').textContent()).not.toContain('待审核');
    await context.close();
  });
});
