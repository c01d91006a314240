// Statistics journeys: a visitor reads the open figures and downloads them as CSV; the city officer
// sets a yearly target and sees its progress on the dashboard's gauge.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
let browser: Browser;

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
  return page;
}

/** Opens a select and clicks the option with that text. */
async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

describe.skipIf(!base)('statistics journeys', () => {
  it('a visitor reads the open district figures and downloads them as CSV', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/statistics`);
    const districts = page.getByTestId('open-districts');
    await districts.getByText('滨海新区').waitFor();
    // The demo's yearly figures: every one of the 16 districts has a row.
    expect(await districts.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(16);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('open-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const stream = await download.createReadStream();
    const text = await new Promise<string>((resolve, reject) => {
      let out = '';
      stream.on('data', (chunk: Buffer | string) => (out += chunk.toString()));
      stream.on('end', () => resolve(out));
      stream.on('error', reject);
    });
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toContain('contract_amount_fen');
    expect(text).toContain('滨海新区');
    await context.close();
  });

  it('the officer sets a yearly target and sees its progress on the dashboard', { timeout: 90_000 }, async () => {
    const page = await logIn('officer@jinqiao.demo');
    await page.goto(`${base}/workspace/monitor`);
    // The dashboard opens at the latest year with registered contracts; the target is set for that year.
    const digitsOf = async (testId: string) => Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/\D/g, ''));
    // Wait for the figures to load (the placeholders read 0).
    await expect.poll(() => digitsOf('kpi-contracts-exact')).toBeGreaterThan(0);
    const year = await digitsOf('year-select');
    const total = await digitsOf('kpi-contracts-exact');
    await page.goto(`${base}/workspace/targets`);
    await pick(page, 'targets-year', `${year} 年`);
    // The form and table follow the chosen year once its targets are loaded: fill the form after that.
    await page.waitForLoadState('networkidle');
    await pick(page, 'target-metric', '合同数');
    // Twice the year's contracts: 50% done.
    await page.getByTestId('target-count').fill(String(total * 2));
    await page.getByTestId('target-save').click();
    await expect.poll(() => page.getByTestId('targets-table').textContent()).toContain('50%');
    await page.goto(`${base}/workspace/monitor?year=${year}`);
    const gauge = page.getByTestId('target-gauge').filter({ hasText: '合同数' });
    await gauge.waitFor();
    expect(await gauge.textContent()).toContain(`${total.toLocaleString('zh-CN')} / ${(total * 2).toLocaleString('zh-CN')}`);
    await page.context().close();
  });
});
