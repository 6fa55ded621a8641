import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { runLogs } from '../../support/access-log-cli';
import { launchChromium } from '../../support/headless-chromium';

const FORTE = join(__dirname, '../../fixtures/access-logs/forte-seed13.log');
const PANELS = [
  'general',
  'hits-chart',
  'status-mix-panel',
  'slow-routes-panel',
  'routes',
  'panel-visitors',
  'panel-requests',
  'panel-static_requests',
  'panel-not_found',
  'panel-hosts',
  'panel-os',
  'panel-browsers',
  'panel-visit_time',
  'panel-referring_sites',
  'panel-status_codes',
  'clients',
  'latency',
];

/** How many pixels of a canvas are painted. */
async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (canvas) => {
    // The test compiles without the DOM lib: the canvas's shape, spelled out.
    type Canvas = {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const c = canvas as unknown as Canvas;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    return count;
  });
}

describe('forte-cli logs --html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forte-logs-html-'));
  const out = join(dir, 'report.html');
  let browser: Browser;

  beforeAll(async () => {
    const run = runLogs([FORTE, '--html', out]);
    expect(run.status).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no external script, style or image', () => {
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=["']?https?:/i);
    expect(html).toContain('uPlot');
  });

  it.each([
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ])('shows every panel and its charts at %s width (%i px), within the window', async (_name, width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => !request.url().startsWith('file:') && requests.push(request.url()));
    await page.goto(`file://${out}`);
    await page.waitForSelector('#hits-over-time canvas');

    for (const id of PANELS) expect(await page.locator(`#${id}`).count()).toBe(1);
    expect(await paintedPixels(page, '#hits-over-time canvas')).toBeGreaterThan(1000);
    expect(await page.locator('#status-mix rect').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#slow-routes rect').count()).toBeGreaterThanOrEqual(5);

    // Numbers a person reads: thousands separators, bytes in binary units, shares in percent.
    expect(await page.locator('#general').innerText()).toMatch(/4,000/);
    expect(await page.locator('#general').innerText()).toMatch(/\d+(\.\d+)? (KiB|MiB|GiB)/);
    expect(await page.locator('#panel-hosts').innerText()).toMatch(/\d+\.\d%/);
    expect(await page.locator('#panel-browsers').innerText()).toMatch(/Crawlers/);
    // The time axis is the log's own clock, named with its offset; the partial last hour is dashed, not a cliff.
    expect(await page.locator('#hits-chart h2').innerText()).toContain('UTC+09:00');
    const ends = await page.evaluate(
      '[data.hits[data.hits.length - 1], data.partialHits[data.partialHits.length - 1], data.hits[data.hits.length - 2]]',
    );
    const [lastFull, lastPartial, beforeLast] = ends as [number | null, number, number];
    expect(lastFull).toBeNull();
    expect(lastPartial).toBeGreaterThan(beforeLast / 2);

    // The layout uses the window's width and no more: nothing scrolls sideways, the chart spans its panel.
    const widths = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth, document.querySelector("#hits-over-time canvas").getBoundingClientRect().width]',
    )) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(widths[2]).toBeGreaterThan(width * 0.6);
    expect(widths[2]).toBeLessThanOrEqual(width);
    // A GoAccess panel's table (a key and four numbers) fits its panel whole: no column is cut at a phone's edge.
    const cut = await page.evaluate(
      '[...document.querySelectorAll("[id^=panel-] .scroll")].filter((box) => box.scrollWidth > box.clientWidth).map((box) => box.parentElement.id)',
    );
    expect(cut).toEqual([]);

    const image = await page.screenshot({ path: join(dir, `report-${width}.png`), fullPage: true });
    expect(image.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
