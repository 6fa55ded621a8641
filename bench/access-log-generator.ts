/**
 * A seeded generator of realistic access logs of a Forte-like API, in the "combined" format (optionally with the
 * response time appended: the `forte` format). Besides the API traffic it mixes in what GoAccess counts in
 * special ways: static files (with and without a query string), 404s, 3xx, 4xx-only visitors, percent-encoded
 * URLs, HEAD and OPTIONS requests, IPv6 clients, "-" sizes, crawlers, escaped quotes in agents, referrers from
 * several sites, several days, and a few lines GoAccess rejects.
 */

/** mulberry32: small, fast and good enough to make the same log from the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS: [method: string, path: string, weight: number][] = [
  ['GET', '/api/v2/users/{u}', 30],
  ['GET', '/api/v2/discords/{d}', 20],
  ['POST', '/api/v2/discords/{d}/attendances', 12],
  ['GET', '/api/v2/items', 8],
  ['POST', '/api/v2/users/{u}/items', 4],
  ['GET', '/api/v2/users/{u}/receipts', 5],
  ['POST', '/api/v2/xsolla', 3],
  ['GET', '/metrics', 6],
  ['GET', '/favicon.ico', 1],
  ['GET', '/static/app.js', 2],
  ['GET', '/static/app.js?v={i}', 1],
  ['GET', '/static/logo.PNG', 1],
  ['DELETE', '/api/v2/users/{u}/items/{i}', 1],
  ['GET', '/api/documentation', 1],
  ['GET', '/api/v2/items?limit=20&cursor={i}', 1],
  ['HEAD', '/api/v2/items', 1],
  ['GET', '/api/v2/search/caf%C3%A9%20{i}', 1],
  ['GET', '/robots.txt', 1],
  ['OPTIONS', '/api/v2/items', 1],
  ['GET', '/shop', 1],
  ['GET', '/static/style.css', 1],
];
const AGENTS = [
  'lara-bot/2.1 (+discord)',
  'python-requests/2.31.0',
  'Xsolla/1.0',
  'Prometheus/2.45.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'curl/8.4.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; YandexBot/3.0)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'Mozilla/5.0 (Linux; Android 12; Pixel 6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0',
  'shop-sync/1.2 (\\"nightly\\" run)',
  'Mozilla/5.0 (compatible; \\"quoted\\" Wget/1.21)',
  '-',
  '',
];
const REFERERS = [
  'https://forte.example.com/store',
  'https://www.google.com/search?q=forte',
  'http://partner.example.org:8080/games/list',
  'android-app://com.example.app',
  'https://forte.example.com',
];
const STATUSES = [
  ...Array<number>(80).fill(200),
  ...Array<number>(6).fill(201),
  204,
  204,
  204,
  301,
  302,
  304,
  304,
  400,
  400,
  400,
  401,
  401,
  404,
  404,
  404,
  409,
  409,
  500,
  503,
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface GeneratorOptions {
  seed: number;
  /** Append the response time in seconds with millisecond precision (the `forte` format). */
  withTime?: boolean;
  /** Out of 10,000 lines, how many are broken (bad host, bad date, bad status). */
  brokenPer10k?: number;
  /** When the log starts (default 2026-11-01 00:00 UTC): the same seed then gives the same lines on other dates. */
  start?: Date;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Yields `count` log lines (without line breaks). */
export function* generateAccessLog(count: number, options: GeneratorOptions): Generator<string> {
  const random = seededRandom(options.seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const totalWeight = PATHS.reduce((sum, [, , weight]) => sum + weight, 0);
  let time = options.start?.getTime() ?? Date.UTC(2026, 10, 1, 0, 0, 0);
  let nights = 0;
  for (let n = 0; n < count; n++) {
    time += int(0, 2600);
    // Now and then a quiet night, six at most: the log spans several days, up to a week.
    if (nights < 6 && random() < 1 / 1500) {
      time += 20 * 3600_000;
      nights++;
    }
    let roll = random() * totalWeight;
    const [method, template] = PATHS.find(([, , weight]) => (roll -= weight) < 0) ?? PATHS[0]!;
    const path = template
      .replace('{u}', String(int(1, 50000)))
      .replace('{d}', `1${String(int(0, 1000000)).padStart(17, '0')}`)
      .replace('{i}', String(int(1, 900)));
    const r = random();
    const host =
      r < 0.02
        ? `2001:db8::${int(1, 300).toString(16)}`
        : r < 0.3
          ? `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`
          : `10.0.${int(0, 3)}.${int(1, 40)}`;
    const status = pick(STATUSES);
    const size = status === 204 ? '0' : random() < 0.01 ? '-' : String(int(0, 4000));
    const referer = random() < 0.85 ? '-' : pick(REFERERS);
    // The log's wall clock is UTC+9 (Forte runs in Seoul).
    const local = new Date(time + 9 * 3600_000);
    const stamp = `${two(local.getUTCDate())}/${MONTHS[local.getUTCMonth()]}/${local.getUTCFullYear()}:${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} +0900`;
    let line = `${host} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${size} "${referer}" "${pick(AGENTS)}"`;
    if (options.withTime) line += ` ${(Math.exp(8 + boxMuller(random)) / 1e6).toFixed(3)}`;
    if (random() * 10000 < (options.brokenPer10k ?? 0)) line = breakLine(line, int(0, 2));
    yield line;
  }
}

/** A standard normal draw (lognormal response times, like the reference generator's lognormvariate(8, 1)). */
function boxMuller(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function breakLine(line: string, how: number): string {
  if (how === 0) return line.replace(/^\S+/, 'unknown-host');
  if (how === 1) return line.replace(/\[\d\d\//, '[41/');
  return line.replace(/" (\d{3}) /, '" 9$1 ');
}

/** The lines of generateAccessLog joined 10,000 at a time, each chunk ending in a line break: for writing. */
export function* accessLogChunks(count: number, options: GeneratorOptions): Generator<string> {
  let batch: string[] = [];
  for (const line of generateAccessLog(count, options)) {
    batch.push(line);
    if (batch.length === 10_000) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length) yield `${batch.join('\n')}\n`;
}
