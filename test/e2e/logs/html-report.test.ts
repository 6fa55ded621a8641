import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { runLogs } from '../../support/access-log-cli';

const FORTE = join(__dirname, '../../fixtures/access-logs/forte-seed13.log');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('forte-cli logs --html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-logs-html-'));
  const out = join(dir, 'report.html');
  let browser: Browser;

  beforeAll(async () => {
    const run = runLogs([FORTE, '--html', out]);
    expect(run.status).toBe(0);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no external script, style or image', () => {
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=["']?https?:/i);
    expect(html).toContain('uPlot');
  });

  it('opens in headless Chromium without errors and draws its charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => !request.url().startsWith('file:') && requests.push(request.url()));
    await page.goto(`file://${out}`);
    await page.waitForSelector('#hits-over-time canvas');

    // uPlot draws hits over time on a canvas: some of its pixels must be painted.
    const painted = await page.$eval('#hits-over-time canvas', (canvas) => {
      // The test compiles without the DOM lib: the canvas's shape, spelled out.
      type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const c = canvas as unknown as Canvas;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
    expect(painted).toBeGreaterThan(1000);
    expect(await page.locator('#status-mix rect').count()).toBeGreaterThanOrEqual(3);
    const bars = await page.locator('#slow-routes rect').count();
    expect(bars).toBeGreaterThanOrEqual(5);
    expect(await page.locator('h2', { hasText: 'Slowest routes (p99)' }).count()).toBe(1);

    const screenshot = join(dir, 'report.png');
    const image = await page.screenshot({ path: screenshot, fullPage: true });
    expect(image.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
