// Contract registration journey: a university member applies to register a technology development
// contract (the technology transaction amount worked out live as the costs are itemised), the
// registrar certifies it and downloads the certificate, and the city officer sees the year's figures
// and the seller's district on the dashboard move by exactly that contract.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { creditCodeFromSerialBody } from '../common/credit-code.js';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
const code = `jq${String(Date.now()).slice(-6)}`;
const TITLE = `焊缝缺陷机器视觉检测系统技术开发合同 ${code}`;
/** 津沽大学, the member's university, is in 南开区. */
const SELLER_DISTRICT = '120104';
const BUYER_CREDIT_CODE = creditCodeFromSerialBody('91120116MA0000033');
const CONTRACT_FEN = 123_456_789; // ¥1,234,567.89
const TTA_FEN = 120_000_000; // less ¥34,567.89 of equipment
let browser: Browser;

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
  return page;
}

/** The digits a figure shows, as a number: `¥1,234,567.89` → 123456789, `1,485 份` → 1485. */
async function digits(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? '').replace(/[^\d]/g, '') || '0');
}

interface Figures {
  contracts: number;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  districtContracts: number;
}

/** The officer's dashboard for the current year: the output KPIs and the seller's district in the table beside the map. */
async function dashboardFigures(page: Page, year: number): Promise<Figures> {
  await page.goto(`${base}/workspace/monitor?year=${year}`);
  await page.getByTestId('kpi-contracts').waitFor();
  await expect.poll(() => page.getByTestId('year-select').textContent()).toContain(String(year));
  const row = page.getByTestId(`region-row-${SELLER_DISTRICT}`);
  await row.waitFor();
  return {
    contracts: await digits(page.getByTestId('kpi-contracts-exact')),
    contractAmountFen: await digits(page.getByTestId('kpi-contractAmountFen-exact')),
    technologyTransactionAmountFen: await digits(page.getByTestId('kpi-technologyTransactionAmountFen-exact')),
    districtContracts: await digits(row.getByTestId('region-contracts')),
  };
}

describe.skipIf(!base)('contract registration journey', () => {
  it(
    'a seller applies, the registrar certifies and downloads the certificate, the officer sees the figures move',
    { timeout: 180_000 },
    async () => {
      // Certification dates are Beijing days; the dashboard's period is the certification year.
      const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      const today = new Intl.DateTimeFormat('sv', { timeZone: 'Asia/Shanghai' }).format(new Date());

      const officer = await logIn('officer@jinqiao.demo');
      const before = await dashboardFigures(officer, year);

      // The seller applies.
      const seller = await logIn('member@jinqiao.demo');
      await seller.goto(`${base}/workspace/contracts`);
      await seller.getByTestId('new-contract').click();
      await seller.getByTestId('contract-title').fill(TITLE);
      await seller
        .getByTestId('contract-subject')
        .fill(
          '乙方为甲方开发基于深度学习的焊缝缺陷机器视觉检测系统，识别气孔、裂纹、未熔合等缺陷，检出率不低于 98%，交付源代码、模型与操作手册。',
        );
      await seller.getByTestId('field-select').click();
      await seller.keyboard.type('计算机科学');
      await seller.keyboard.press('Enter');
      await seller.getByTestId('signed-on').click();
      await seller.keyboard.type(today);
      await seller.keyboard.press('Enter');
      // The seller's own party is the university, filled in from its profile.
      await expect.poll(() => seller.getByTestId('seller-name').inputValue()).toBe('津沽大学');
      await seller.getByTestId('buyer-name').fill('天津滨港智能装备有限公司');
      await seller.locator('#buyer_regionCode').click();
      await seller.keyboard.type('滨海新区');
      await seller.getByTitle('滨海新区', { exact: true }).click();
      await seller.getByTestId('buyer-credit-code').fill(BUYER_CREDIT_CODE);
      await seller.getByTestId('contract-amount').fill('1234567.89');
      await seller.getByTestId('add-cost').click();
      await seller.getByTestId('cost-description-0').fill('工业相机 2 台');
      await seller.getByTestId('cost-amount-0').fill('34567.89');
      await seller.getByTestId('cost-note-0').fill('随检测系统交付的设备，属于应扣除的非技术性费用');
      // The technology transaction amount is worked out as the costs are typed: ¥1,234,567.89 − ¥34,567.89.
      await expect.poll(() => seller.getByTestId('form-amounts-tta').textContent()).toBe('¥1,200,000.00');
      await seller
        .getByTestId('attachments')
        .locator('input[type=file]')
        .setInputFiles({
          name: '技术开发合同（签章版）.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        });
      await seller.getByTestId('submit-contract').click();
      await seller.waitForURL(/\/workspace\/contracts\/[0-9a-f-]{36}$/);
      await expect.poll(() => seller.getByTestId('contract-status').first().textContent()).toBe('待审核');
      expect(await seller.getByTestId('header-tta').textContent()).toBe('¥1,200,000.00');
      await seller.context().close();

      // The registrar finds it in the queue, reviews the amounts and certifies it.
      const registrar = await logIn('registrar@jinqiao.demo');
      await registrar.goto(`${base}/workspace/registrar`);
      await registrar.getByTestId('registrar-queue').getByText(TITLE).click();
      const drawer = registrar.getByTestId('review-drawer');
      await expect.poll(() => drawer.getByTestId('contract-amounts-tta').textContent()).toBe('¥1,200,000.00');
      await drawer.getByTestId('action-certify').click();
      await registrar.getByTestId('certify-confirm').click();
      const number = drawer.getByTestId('registration-number');
      // A readiness wait, not a timing assertion. Suspected: on the embedded database a background job (the
      // matching model's retrain, new-match announcements) can hold the one connection for a while
      // (once seen past 30 s in the full suite; issue 12's fair queue is the real fix).
      await number.waitFor({ timeout: 90_000 });
      // {year}{registration point's district: 河西区 120103}{sequence}
      expect(await number.textContent()).toMatch(new RegExp(`^${year}120103\\d{6}$`));
      const [download] = await Promise.all([registrar.waitForEvent('download'), drawer.getByTestId('action-download-certificate').click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const stream = await download.createReadStream();
      const head = await new Promise<string>((resolve, reject) => {
        stream.once('data', (chunk: Buffer | string) => resolve(chunk.toString().slice(0, 5)));
        stream.once('error', reject);
      });
      stream.destroy();
      expect(head).toBe('%PDF-');
      await registrar.context().close();

      // The officer sees the year's output figures and the seller's district move by this contract.
      await expect
        .poll(async () => {
          const after = await dashboardFigures(officer, year);
          return [
            after.contracts - before.contracts,
            after.contractAmountFen - before.contractAmountFen,
            after.technologyTransactionAmountFen - before.technologyTransactionAmountFen,
            after.districtContracts - before.districtContracts,
          ];
        })
        .toEqual([1, CONTRACT_FEN, TTA_FEN, 1]);
      await officer.context().close();
    },
  );
});
