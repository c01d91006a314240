// Trading journeys: two bidders in two browsers bid against each other in an auction room and both
// see the other's bid and the soft-close extension; an agreement notice receives an objection that
// an official resolves after the notice period, and the deal appears.
//
// Both need time to pass on the server's clock: bidding opens no earlier than 7 days after the
// announcement and a notice runs 15 days. So these journeys run on a platform of their own (same
// code, its own embedded database with demo data) that is restarted with its clock moved forward,
// the way the integration suites move server/lib/clock.ts. The browser's clock stays put: the pages
// must follow the server's time, not the visitor's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, ROOT, stopProcess } from '../bench/lib.js';
import { launchBrowser } from './browser.js';
import { BIDDER_TERMS } from '../server/modules/trading/bidder-terms.js';

const enabled = !!inject('e2eBaseUrl');
const PASSWORD = 'jinqiao-demo-2026';
const MIN = 60_000;
const DAY = 86400_000;

let browser: Browser;
let dataDir = '';
let entry = '';
let port = 0;
let base = '';
let server: ChildProcess | null = null;
const ids = { auction: '', notice: '', startsAt: 0, endsAt: 0, noticeEndsAt: 0 };

/** (Re)starts the platform on the same database and port with its clock `shiftMs` ahead. */
async function startPlatform(shiftMs: number) {
  if (server) await stopProcess(server);
  server = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATA_DIR: path.join(dataDir, 'db'),
      JINQIAO_DEMO: 'true',
      JQ_CLOCK_SHIFT_MS: String(shiftMs),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the trading platform exited with ${server.exitCode}`);
    if (Date.now() - t0 > 300_000) throw new Error('the trading platform did not become ready');
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A logged-in API client for setting the stage (what the journeys do themselves happens in the browser). */
async function apiAs(email: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('jq_csrf='))?.slice('jq_csrf='.length) ?? '');
  const me = (await res.json()) as { memberships: { organizationId: string }[] };
  const call = async <T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await r.json()) as T;
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(data)}`);
    return data;
  };
  return { me, call };
}

async function logIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
  return page;
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

beforeAll(async () => {
  if (!enabled) return;
  browser = await launchBrowser();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-e2e-trading-'));
  entry = path.join(dataDir, 'shifted-clock.mts');
  writeFileSync(
    entry,
    `import { clock } from ${JSON.stringify(path.join(ROOT, 'server/lib/clock.ts'))};\n` +
      `clock.advance(Number(process.env.JQ_CLOCK_SHIFT_MS ?? 0));\n` +
      `await import(${JSON.stringify(path.join(ROOT, 'server/main.ts'))});\n`,
  );
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await startPlatform(0);

  // Announced today: an auction of a 津沽大学 achievement, bidding from a week on, with two
  // qualified bidders whose deposits staff have confirmed; and an agreed price posted for notice.
  const member = await apiAs('member@jinqiao.demo');
  const enterprise = await apiAs('enterprise@jinqiao.demo');
  const broker = await apiAs('broker@jinqiao.demo');
  const admin = await apiAs('admin@jinqiao.demo');
  const mine = await member.call<{ items: { id: string; transferModes: string[] }[] }>(
    'GET',
    '/api/me/achievements?status=published&limit=10',
  );
  const [forAuction, forNotice] = mine.items;
  expect(forNotice).toBeDefined();
  const now = Date.now();
  ids.startsAt = now + 7 * DAY + 10 * MIN;
  ids.endsAt = ids.startsAt + 30 * MIN;
  const auction = await member.call<{ id: string }>('POST', '/api/trading/auctions', {
    achievementId: forAuction!.id,
    transferMode: forAuction!.transferModes[0],
    startingPriceFen: 50_000_000,
    incrementFen: 1_000_000,
    depositPercent: 10,
    startsAt: new Date(ids.startsAt).toISOString(),
    endsAt: new Date(ids.endsAt).toISOString(),
  });
  ids.auction = auction.id;
  for (const bidder of [enterprise, broker]) {
    const reg = await bidder.call<{ id: string; depositFen: number }>('POST', `/api/trading/auctions/${auction.id}/registrations`, {
      qualification: '本单位具备实施该技术的生产条件与资金实力。',
      acceptedTermsVersion: BIDDER_TERMS.version,
    });
    await admin.call('POST', `/api/trading/registrations/${reg.id}/qualification`, { decision: 'qualified' });
    await admin.call('POST', `/api/trading/registrations/${reg.id}/deposit`, {
      reference: `E2E-${reg.id.slice(0, 8)}`,
      amountFen: reg.depositFen,
    });
  }
  const notice = await member.call<{ id: string; endsAt: string }>('POST', '/api/trading/notices', {
    achievementId: forNotice!.id,
    buyerOrganizationId: enterprise.me.memberships[0]!.organizationId,
    priceFen: 88_000_000,
    transferMode: forNotice!.transferModes[0],
    summary: '本成果拟以协议定价方式许可天津滨港智能装备有限公司实施，价格经双方协商确定。',
    relatedParty: false,
  });
  ids.notice = notice.id;
  ids.noticeEndsAt = Date.parse(notice.endsAt);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopProcess(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!enabled)('trading journeys', () => {
  it('the owner of a listing sees who registered intent on it, and the centre’s verdict', { timeout: 120_000 }, async () => {
    // The demo's open listings of 津沽大学 each have an intent; find the one staff have qualified.
    const member = await apiAs('member@jinqiao.demo');
    const open = await member.call<{
      items: { id: string; achievement: { title: string }; intents: { status: string; buyer: { name: string } | null }[] | null }[];
    }>('GET', '/api/trading/listings?status=open&limit=50');
    const listing = open.items.find((l) => l.intents?.some((i) => i.status === 'qualified'));
    expect(listing).toBeDefined();

    const owner = await logIn('member@jinqiao.demo');
    await owner.goto(`${base}/workspace/trading`);
    await owner.getByTestId('my-selling').getByRole('link', { name: listing!.achievement.title }).click();
    const row = owner.getByTestId('listing-intents').getByTestId('intent-row');
    await expect.poll(() => row.count()).toBe(listing!.intents!.length);
    expect(await row.first().textContent()).toContain('天津东丽新材料股份有限公司');
    expect(await row.first().textContent()).toContain('资格通过');
    // The statement the buyer filed with the trading centre is not the owner's to read.
    expect(await owner.locator('body').textContent()).not.toContain('本公司具备实施该技术的生产条件和资金实力');
    await owner.context().close();
  });

  it('an expert objects to an agreed price under notice and the owner answers', { timeout: 120_000 }, async () => {
    const expert = await logIn('expert@jinqiao.demo');
    await expert.goto(`${base}/trading/notices/${ids.notice}`);
    await expect.poll(() => expert.getByTestId('agreed-price').textContent()).toBe(yuan(88_000_000));
    expect(await expert.getByTestId('notice-period').textContent()).toContain('公示剩余');
    await expert.getByTestId('objection-grounds-input').fill('协议价格明显低于同类技术的市场价格，且未见评估报告，请说明定价依据。');
    await expert.getByTestId('objection-submit').click();
    const filed = expert.getByTestId('objection');
    await filed.first().waitFor();
    expect(await filed.first().getByTestId('objection-grounds').textContent()).toContain('请说明定价依据');
    await expert.context().close();

    // The owner finds it among the objections to answer in the workspace.
    const owner = await logIn('member@jinqiao.demo');
    await owner.goto(`${base}/workspace/trading?tab=objections`);
    await owner.getByTestId('answer-objection').first().click();
    await owner.getByTestId('answer-objection-input').fill('价格经专家评价并由双方充分协商确定，评价意见已补充至定价依据。');
    await owner.getByTestId('answer-objection-ok').click();
    await owner.locator('[data-testid="objection"][data-status="answered"]').first().waitFor();
    await owner.context().close();
  });

  it('two bidders bid against each other and both see the other’s bid and the soft-close extension', { timeout: 180_000 }, async () => {
    // Four minutes before bidding closes, by the server's clock.
    await startPlatform(ids.endsAt - 4 * MIN - Date.now());
    const one = await logIn('enterprise@jinqiao.demo');
    const two = await logIn('broker@jinqiao.demo');
    for (const page of [one, two]) {
      await page.goto(`${base}/trading/auctions/${ids.auction}`);
      await page.locator('[data-connection="open"]').waitFor();
      await page.getByTestId('bid-submit').waitFor();
      // The countdown follows the server (a week ahead of this browser): minutes, not days, are left.
      await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/^00:0[0-4]:\d\d$/);
    }
    const numberOne = (await one.getByTestId('my-bidder-number').textContent())!;
    const numberTwo = (await two.getByTestId('my-bidder-number').textContent())!;

    // The first bidder bids the starting price.
    await one.getByTestId('quick-1').click();
    await one.getByTestId('bid-submit').click();
    // The amount is confirmed first, also in Chinese capitals.
    await expect.poll(() => one.getByTestId('bid-confirm-amount').textContent()).toContain('伍拾万元整');
    await one.getByTestId('bid-confirm').click();
    await one.getByTestId('bid-accepted').waitFor();
    // The second sees it: price, leader, the bid in the history, and the extension it caused.
    await expect.poll(() => two.getByTestId('current-price').textContent()).toBe(yuan(50_000_000));
    expect(await two.getByTestId('leader').textContent()).toBe(numberOne);
    await expect.poll(() => two.getByTestId('bid-history').textContent()).toContain(numberOne);
    await expect.poll(() => two.getByTestId('extension-notice').textContent()).toContain('延时 5 分钟');

    // The second answers two increments higher; the first sees that, and the extension again.
    await two.getByTestId('quick-2').click();
    await two.getByTestId('bid-submit').click();
    await two.getByTestId('bid-confirm').click();
    await two.getByTestId('bid-accepted').waitFor();
    await expect.poll(() => one.getByTestId('current-price').textContent()).toBe(yuan(52_000_000));
    expect(await one.getByTestId('leader').textContent()).toBe(numberTwo);
    await one.getByTestId('outbid').waitFor();
    await expect.poll(() => one.getByTestId('extension-notice').textContent()).toContain('延时 5 分钟');
    expect(await one.getByTestId('extension-notice').textContent()).toContain('第 2 次出价');
    // Both rooms list both bids, newest first, and show the end moved past the original one.
    for (const page of [one, two]) {
      const rows = page.getByTestId('bid-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).textContent()).toContain(yuan(52_000_000));
      expect(await rows.nth(1).textContent()).toContain(yuan(50_000_000));
      expect(await page.getByTestId('ends-at').textContent()).toContain('原定');
    }
    await one.context().close();
    await two.context().close();
  });

  it('after the notice period an official dismisses the objection and the deal appears', { timeout: 180_000 }, async () => {
    // An hour after the notice period ended, by the server's clock.
    await startPlatform(ids.noticeEndsAt + 60 * MIN - Date.now());
    const officer = await logIn('officer@jinqiao.demo');
    await officer.goto(`${base}/trading/notices/${ids.notice}`);
    // The period is over but the objection holds the deal back.
    await officer.getByTestId('awaiting-resolution').waitFor();
    expect(await officer.getByTestId('deal-link').count()).toBe(0);

    await officer.goto(`${base}/workspace/trading/objections`);
    const objection = officer.getByTestId('objection').filter({ hasText: '且未见评估报告' });
    await objection.getByTestId('resolve-objection').click();
    await officer.getByTestId('resolve-objection-dismiss').click();
    await officer.getByTestId('resolve-objection-reason').fill('经核查，定价经专家评价、双方协商，程序合规，异议不成立。');
    await officer.getByTestId('resolve-objection-ok').click();
    await officer.getByTestId('resolve-objection-ok').waitFor({ state: 'detached' });

    // The notice has concluded and links to its deal; the deal shows the agreed price and the buyer.
    await officer.goto(`${base}/trading/notices/${ids.notice}`);
    await officer.getByTestId('notice-concluded').waitFor();
    expect(await officer.getByTestId('objection-resolution').textContent()).toContain('已驳回');
    await officer.getByTestId('deal-link').click();
    await expect.poll(() => officer.getByTestId('deal-price').textContent()).toBe(yuan(88_000_000));
    expect(await officer.getByTestId('deal-buyer').textContent()).toBe('天津滨港智能装备有限公司');
    expect(await officer.getByTestId('dossier-download').count()).toBe(1);

    // Visitors see it among the recent deals of the trading hall.
    const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await visitor.goto(`${base}/trading?tab=deals`);
    await expect.poll(() => visitor.getByTestId('hall-deals').textContent()).toContain(yuan(88_000_000));
    await visitor.context().close();
    await officer.context().close();
  });
});
