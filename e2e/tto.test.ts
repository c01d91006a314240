// TTO journey: a researcher of 津沽大学 discloses an invention; the TTO's technology manager records
// the co-inventor's paper confirmation; the researcher submits; the manager assesses it and decides
// to license it, and the disclosure shows the decision.
import type { Browser, Page } from 'playwright-core';
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

async function login(email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('jinqiao-demo-2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
  return page;
}

async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-item-option[title="${label}"]:visible`).click();
}

describe.skipIf(!base)('TTO journey', () => {
  it('a researcher discloses, the TTO assesses and decides', { timeout: 180_000 }, async () => {
    const title = '一种基于声发射的锂电池析锂在线检测方法';
    const researcher = await login('member@jinqiao.demo');
    await researcher.goto(`${base}/workspace/disclosures/new`);
    const form = researcher.getByTestId('disclosure-form');
    await form.locator('#title').fill(title);
    await form.locator('#summary').fill('通过采集充电过程中的声发射信号并提取特征频段能量，在线识别负极析锂，无需拆解电池。');
    await form.locator('#fieldCode').fill('D15');
    await form.locator('#confidentialDescription').fill('传感器贴装位置、特征频段与判别阈值（保密），已在 18650 电芯上验证。');
    await form.locator('#inventors_0_name').fill('刘教授');
    await form.locator('#inventors_0_organizationName').fill('津沽大学');
    await researcher.getByTestId('save-disclosure').click();
    await researcher.waitForURL(/\/workspace\/disclosures\/[0-9a-f-]{36}$/);
    const url = researcher.url();
    await researcher.getByText(title).first().waitFor();

    // The inventor named without an account confirms on paper, recorded by the TTO.
    const tto = await login('tto@jinqiao.demo');
    await tto.goto(url);
    await tto.getByTestId('confirm-inventor').click();
    await tto.getByText('已确认（书面，由技术转移机构登记）').waitFor();

    await researcher.reload();
    await researcher.getByTestId('disclosure-submit').click();
    await researcher.getByText('已提交待评估').first().waitFor();

    await tto.reload();
    await tto.getByTestId('disclosure-start_assessment').click();
    await tto.getByTestId('assess-patentability').waitFor();
    await tto.getByTestId('assess-patentability').fill('32');
    await tto.getByTestId('assess-market').fill('24');
    await tto.getByTestId('assess-readiness').fill('18');
    await choose(tto, 'assess-recommendation', '许可/转让');
    await tto.getByTestId('assess-submit').click();
    await tto.getByText('74 分').waitFor();

    await choose(tto, 'decision-select', '许可/转让');
    await tto.getByTestId('decision-reason').fill('两家电池企业表达许可意向，以许可方式转化。');
    await tto.getByTestId('decide').click();
    await tto.getByTestId('disclosure-achievement').waitFor();
    expect(await tto.getByText('已决定').count()).toBeGreaterThan(0);
    expect(await tto.getByText('两家电池企业表达许可意向').count()).toBeGreaterThan(0);
  });
});
