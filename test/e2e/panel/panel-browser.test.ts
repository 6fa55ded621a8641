import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { PanelMember, usePanelSession } from './panel-session';

/** Where the screenshots go: a folder the repository ignores (`/tmp/`), printed when the test starts. */
const SCREENSHOTS = join(__dirname, '../../../tmp/screenshots/panel');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

jest.setTimeout(120_000);

const session = usePanelSession();

describe('the panel in Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'forte-panel-chromium-'));
  let browser: BrowserContext;
  let page: Page;
  let member: PanelMember;
  let eligible: number;
  const consoleErrors: string[] = [];
  const elsewhere: string[] = [];
  const refusedByForte: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    console.log(`panel screenshots: ${SCREENSHOTS}`);
    member = await session.member(1000, '라라');
    eligible = await session.buy(member, { name: '황금 열쇠', price: 40 });
    await session.buy(member, { name: '한정 판매 상자', price: 40, withdrawable: false });
    session.panel.discord.signInAs(member.account);
    // A fresh profile (--user-data-dir) of its own: no cookie or cache from anywhere else.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      locale: 'ko-KR',
      viewport: DESKTOP,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // A refused style or script is logged as an error; failed loads are checked by their responses below.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Forte, Discord's sign-in, and Pay Station (answered by a stand-in: nothing leaves the machine).
    const allowed = [
      session.panel.origin,
      new URL(session.panel.discord.apiUrl).origin,
      'https://sandbox-secure.xsolla.com',
    ];
    page.on('request', (request) => {
      if (!allowed.includes(new URL(request.url()).origin)) elsewhere.push(request.url());
    });
    page.on('response', (response) => {
      const url = new URL(response.url());
      const deliberate = url.pathname === '/panel/callback' && url.searchParams.get('state') === 'forged';
      if (url.origin === session.panel.origin && response.status() >= 400 && !deliberate) {
        refusedByForte.push(`${response.status()} ${url.pathname}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** The page at desktop and at phone width, under `name`. */
  async function screenshots(name: string): Promise<void> {
    for (const [width, viewport] of [['desktop', DESKTOP] as const, ['phone', PHONE] as const]) {
      await page.setViewportSize(viewport);
      const image = await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      expect(image.length).toBeGreaterThan(5_000);
    }
    await page.setViewportSize(DESKTOP);
  }

  it('signs in through Discord and shows the balance', async () => {
    await page.goto(`${session.panel.origin}/panel`);
    expect(page.url()).toContain(`${new URL(session.panel.discord.apiUrl).origin}/oauth2/authorize?`);
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL(`${session.panel.origin}/panel`);
    await expect(page.locator('[data-balance]').getAttribute('data-balance')).resolves.toBe('920');
    await expect(page.locator('.amount').textContent()).resolves.toBe('920 포인트');
    await screenshots('overview');
  });

  it('withdraws an eligible item from the inventory page', async () => {
    await page.getByRole('link', { name: '아이템', exact: true }).click();
    await page.waitForURL(`${session.panel.origin}/panel/items`);
    const card = page.locator(`[data-user-item="${eligible}"]`);
    await expect(card.locator('button').textContent()).resolves.toBe('청약철회');
    await expect(page.locator('[data-refusal="not_withdrawable"]').count()).resolves.toBe(1);
    await screenshots('items');

    await card.getByRole('button', { name: '청약철회' }).click();
    await page.waitForURL(`${session.panel.origin}/panel/items?notice=withdrawn`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('환불되었습니다');
    await expect(card.getAttribute('data-status')).resolves.toBe('withdrawn');
    await screenshots('items-withdrawn');
  });

  it('shows the refund in the ledger', async () => {
    await page.getByRole('link', { name: '포인트', exact: true }).click();
    await expect(page.locator('[data-balance]').getAttribute('data-balance')).resolves.toBe('960');
    const newest = page.locator('tr[data-receipt]').first();
    await expect(newest.getAttribute('data-kind')).resolves.toBe('withdrawal');
    await expect(newest.locator('td.number').first().innerText()).resolves.toBe('+40');
    expect((await session.stateOf(member)).points).toBe(960);
  });

  it('sends the browser toward Pay Station to buy points, with a token made for this user', async () => {
    // Pay Station itself is not reachable from here: the browser's visit is answered locally instead.
    await page.route('https://sandbox-secure.xsolla.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!DOCTYPE html><title>Pay Station</title><h1>Pay Station</h1>',
      }),
    );
    await page.getByRole('button', { name: '포인트 충전' }).click();
    await page.waitForURL(/^https:\/\/sandbox-secure\.xsolla\.com\/paystation4\/\?token=/);
    const token = new URL(page.url()).searchParams.get('token') ?? '';
    expect(session.panel.xsolla.tokens.get(token)).toEqual({ userId: String(member.userId), sandbox: true });
    await page.goBack();
    await page.waitForURL(`${session.panel.origin}/panel`);
  });

  it('switches to English and back', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('.amount').textContent()).resolves.toBe('960 points');
    await screenshots('overview-english');
    await page.getByRole('link', { name: '한국어' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
  });

  it('refuses a forged sign-in callback with a page, and stays signed in', async () => {
    await page.goto(`${session.panel.origin}/panel/callback?code=stolen&state=forged`);
    await expect(page.locator('[data-code]').getAttribute('data-code')).resolves.toBe('SIGN_IN_STATE_MISMATCH');
    await screenshots('problem');
    await page.getByRole('link', { name: '패널로 돌아가기' }).click();
    await expect(page.locator('[data-balance]').count()).resolves.toBe(1);
  });

  it('signs out, after which the panel sends the browser to Discord again', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.waitForURL(`${session.panel.origin}/panel/signed-out`);
    await screenshots('signed-out');
    await page.goto(`${session.panel.origin}/panel`);
    expect(page.url()).toContain('/oauth2/authorize?');
  });

  it('loaded nothing from anywhere else, and nothing failed or was refused by its policy on the way', () => {
    expect(elsewhere).toEqual([]);
    expect(refusedByForte).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
