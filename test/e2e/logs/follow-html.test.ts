import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { eventually } from '../../support/eventually';
import { FollowingRun, startFollowing } from '../../support/following-logs';
import { launchChromium } from '../../support/headless-chromium';

const LINES = readFileSync(join(__dirname, '../../fixtures/access-logs/combined-seed12.log'), 'utf8')
  .split('\n')
  .slice(0, 300);
const text = (from: number, to: number): string =>
  LINES.slice(from, to)
    .map((line) => `${line}\n`)
    .join('');

describe('forte-cli logs --follow --html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-logs-follow-html-'));
  let browser: Browser;
  let run: FollowingRun;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await run?.stop();
    await browser?.close();
  });

  it('rewrites the report as lines are appended, and the open page shows them without being told to reload', async () => {
    const log = join(dir, 'access.log');
    const html = join(dir, 'live.html');
    writeFileSync(log, text(0, 120));
    run = startFollowing([log, '--interval', '1', '--html', html]);
    await eventually(async () => {
      try {
        return readFileSync(html, 'utf8').includes('</html>');
      } catch {
        return false;
      }
    }, 15_000);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${html}`);
    const total = async (): Promise<string> =>
      (
        await page
          .locator('#general .card')
          .first()
          .innerText({ timeout: 1000 })
          .catch(() => '')
      ).replace(/\s+/g, ' ');
    await eventually(async () => (await total()).includes('120'), 10_000);

    appendFileSync(log, text(120, 300));
    // The page reloads itself every interval (as GoAccess's --real-time-html keeps its page current).
    await eventually(async () => (await total()).includes('300'), 15_000, 200);
    // Between reloads the page is whole: its chart drawn and its panels filled.
    await eventually(
      async () =>
        (await page.locator('#hits-over-time canvas').count()) === 1 &&
        (await page.locator('#panel-requests tbody tr').count()) > 0,
      10_000,
      200,
    );
    expect(errors).toEqual([]);
    await page.close();
    expect(await run.stop()).toBe(0);
  }, 60_000);
});
