// Forgiving search in the browser (issue 13): a visitor types 锂电池, the catalogue holds only
// 锂离子电池; the page says the results are a relaxed match and offers 您是不是要找：锂离子电池, and
// following that link searches the fuller term, which matches as words.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const base = inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
const code = `zs${String(Date.now()).slice(-6)}`;
let browser: Browser;

beforeAll(async () => {
  if (base) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Logs in through the API in a fresh context; returns the context and its CSRF header. */
async function apiSession(email: string): Promise<{ ctx: BrowserContext; headers: Record<string, string> }> {
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  const res = await ctx.request.post(`${base}/api/auth/login`, { data: { email, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const csrf = (await ctx.cookies()).find((c) => c.name === 'jq_csrf')!.value;
  return { ctx, headers: { 'x-csrf-token': csrf } };
}

describe.skipIf(!base)('forgiving search', () => {
  it('锂电池 shows the 锂离子电池 record with the relaxed-match hint and 您是不是要找', { timeout: 90_000 }, async () => {
    // A member files a record about 锂离子电池 (tagged with a fresh code); the admin publishes it.
    const member = await apiSession('member@jinqiao.demo');
    const created = await member.ctx.request.post(`${base}/api/achievements`, {
      headers: member.headers,
      data: {
        title: `高安全锂离子电池隔膜涂覆工艺 ${code}`,
        summary: '在聚烯烃隔膜表面涂覆陶瓷与芳纶复合层，提高锂离子电池的耐热性与安全性。',
        fieldCode: 'D15',
        keywords: ['锂离子电池', '隔膜'],
        trl: 6,
        transferModes: ['transfer'],
        priceFen: 3_000_000,
        ipAssets: [],
        publicFunding: false,
        restricted: false,
      },
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const submit = await member.ctx.request.post(`${base}/api/achievements/${id}/transitions`, {
      headers: member.headers,
      data: { action: 'submit' },
    });
    expect(submit.status()).toBe(200);
    const admin = await apiSession('admin@jinqiao.demo');
    for (const action of ['approve', 'publish']) {
      const r = await admin.ctx.request.post(`${base}/api/achievements/${id}/transitions`, { headers: admin.headers, data: { action } });
      expect(r.status()).toBe(200);
    }
    await member.ctx.close();
    await admin.ctx.close();

    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('search-input').first().fill(`锂电池 ${code}`);
    await page.getByTestId('search-submit').first().click();
    const hit = page.getByTestId('result-item').filter({ hasText: code });
    await hit.first().waitFor();
    const hint = page.getByTestId('search-relaxed');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('放宽');
    expect(await hint.textContent()).toContain('您是不是要找');
    const suggestion = page.getByTestId('search-suggestion');
    expect(await suggestion.textContent()).toBe('锂离子电池');

    // Following the suggestion searches the fuller term: a word match, no hint.
    await suggestion.click();
    await expect.poll(() => page.getByTestId('search-input').first().inputValue()).toBe('锂离子电池');
    await page.getByTestId('result-item').first().waitFor();
    expect(await page.getByTestId('search-relaxed').count()).toBe(0);
    await visitor.close();
  });
});
