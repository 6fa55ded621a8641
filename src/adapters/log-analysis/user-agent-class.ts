import type UAParserType from 'ua-parser-js';

/** Loaded for the report only, after the counting, so it is not held while the counting sets the memory peak. */
let UAParser: typeof UAParserType | null = null;

export interface AgentClass {
  /** `browser` for people, `crawler` for search engines and other spiders, `bot` for any other automated client. */
  kind: 'browser' | 'crawler' | 'bot';
  /** Browser name for browsers, else the client's product token (`lara-bot`, `python-requests`, `Googlebot`). */
  client: string;
  browser: string;
  os: string;
}

/** Search engines and other spiders: they name themselves so, or point to a page about themselves (+http://…). */
const CRAWLER = /crawl|spider|slurp|archiver|facebookexternalhit|bingpreview|\+https?:\/\//i;
const AUTOMATION =
  /^(curl|wget|python|go-http|java\/|okhttp|axios|node-fetch|undici|libwww|httpie|postman|apache-httpclient|guzzle|ruby|php|prometheus|uptime|pingdom|datadog|kube-probe|elb-healthchecker)/i;

/** Classifies one user agent: ua-parser-js for browser and OS, patterns for crawlers and other automated clients. */
export function classifyAgent(agent: string): AgentClass {
  UAParser ??= require('ua-parser-js') as typeof UAParserType;
  const result = new UAParser(agent).getResult();
  const browser = result.browser.name ?? 'Unknown';
  const os = result.os.name ?? 'Unknown';
  const product = /^[^\s/;(]+/.exec(agent)?.[0] ?? agent;
  if (CRAWLER.test(agent)) return { kind: 'crawler', client: crawlerName(agent, product), browser, os };
  const looksLikeBrowser = agent.startsWith('Mozilla/') && result.browser.name !== undefined;
  if (looksLikeBrowser && !AUTOMATION.test(agent)) return { kind: 'browser', client: browser, browser, os };
  return { kind: 'bot', client: product === '-' ? 'Unknown' : product, browser, os };
}

/** `Mozilla/5.0 (compatible; Googlebot/2.1; …)` names its crawler inside the comment. */
function crawlerName(agent: string, product: string): string {
  if (!agent.startsWith('Mozilla/')) return product;
  return /([A-Za-z][\w.-]*(?:bot|crawler|spider|Slurp)[\w.-]*)/i.exec(agent)?.[1] ?? product;
}
