import { classifyBrowser, Classified } from './goaccess-browsers';
import { classifySystem } from './goaccess-systems';

export interface AgentClass {
  /** `browser` for people, `crawler` for search engines and other spiders, `bot` for any other automated client. */
  kind: 'browser' | 'crawler' | 'bot';
  /** Browser family for browsers, else the client's product token (`lara-bot`, `python-requests`, `Googlebot/2.1`). */
  client: string;
  /** GoAccess's browsers and OS panels: item and category; a crawler is its own item under "Crawlers" in both. */
  browser: Classified;
  os: Classified;
}

/** Categories of GoAccess's browser list that are people's browsers. */
const NOT_PEOPLE = new Set(['Crawlers', 'Others', 'Unknown', 'Feeds', 'Podcasts', 'Uptime']);
const AUTOMATION =
  /^(curl|wget|python|go-http|java\/|okhttp|axios|node-fetch|undici|libwww|httpie|postman|apache-httpclient|guzzle|ruby|php|prometheus|uptime|pingdom|datadog|kube-probe|elb-healthchecker)/i;

/** Classifies one decoded user agent by GoAccess 1.7's own browser and OS lists. */
export function classifyAgent(agent: string): AgentClass {
  const browser = classifyBrowser(agent);
  const os = browser.type === 'Crawlers' ? browser : classifySystem(agent);
  if (browser.type === 'Crawlers') return { kind: 'crawler', client: browser.name, browser, os };
  if (!NOT_PEOPLE.has(browser.type) && !AUTOMATION.test(agent))
    return { kind: 'browser', client: browser.type, browser, os };
  const product = /^[^\s/;(]+/.exec(agent)?.[0] ?? agent;
  return { kind: 'bot', client: product === '-' || product === '' ? 'Unknown' : product, browser, os };
}
