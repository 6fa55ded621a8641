/**
 * GoAccess 1.7's browser list (src/browsers.c), in its order: the first entry found anywhere in the user agent
 * wins, so game consoles and crawlers built on Chrome come before Chrome, Chrome before Safari, and the catch-all
 * "Mozilla" last. Each entry is [search string, category].
 */
const BROWSERS: readonly (readonly [string, string])[] = [
  ['Xbox One', 'Game Systems'],
  ['Xbox', 'Game Systems'],
  ['PlayStation', 'Game Systems'],
  ['NintendoBrowser', 'Game Systems'],
  ['Valve Steam', 'Game Systems'],
  ['Origin', 'Game Systems'],
  ['Raptr', 'Game Systems'],
  ['Avant Browser', 'Others'],
  ['IEMobile', 'MSIE'],
  ['MSIE', 'MSIE'],
  ['Trident/7.0', 'MSIE'],
  ['Edg', 'Edge'],
  ['Edge', 'Edge'],
  ['Surf', 'Surf'],
  ['Opera Mini', 'Opera'],
  ['Opera Mobi', 'Opera'],
  ['Opera', 'Opera'],
  ['OPR', 'Opera'],
  ['OPiOS', 'Opera'],
  ['Coast', 'Opera'],
  ...[
    'Homebrew',
    'APT-',
    'Apt-Cacher',
    'Aptly',
    'Chef Client',
    'Huawei',
    'HUAWEI',
    'BlackBerry',
    'BrowserX',
    'Dalvik',
    'Dillo',
    'ELinks',
    'Epiphany',
    'Firebird',
    'Galeon',
    'google-cloud-sdk',
    'IBrowse',
    'K-Meleon',
    'Konqueror',
    'Links',
    'Lynx',
    'Midori',
    'Minefield',
    'Mosaic',
    'Netscape',
    'SeaMonkey',
    'UCBrowser',
    'Wget',
    'libfetch',
    'check_http',
    'Go-http-client',
    'curl',
    'midori',
    'w3m',
    'MicroMessenger',
    'Apache',
    'JOSM',
    'pacman',
    'Pamac',
    'libwww-perl',
    'python-requests',
    'PackageKit',
    'F-Droid',
    'okhttp',
    'node',
    'PrivacyBrowser',
    'Transmission',
    'libmpv',
    'aria2',
  ].map((name) => [name, 'Others'] as const),
  ...[
    'AppleNewsBot',
    'Bloglines',
    'Digg Feed Fetcher',
    'Feedbin',
    'FeedHQ',
    'Feedly',
    'Flipboard',
    'inoreader.com',
    'Netvibes',
    'NewsBlur',
    'PinRSS',
    'theoldreader.com',
    'WordPress.com Reader',
    'YandexBlogs',
    'Brainstorm',
    'Mastodon',
    'Pleroma',
  ].map((name) => [name, 'Feeds'] as const),
  ['AdsBot-Google', 'Crawlers'],
  ['AppEngine-Google', 'Crawlers'],
  ['Mediapartners-Google', 'Crawlers'],
  ['Google', 'Crawlers'],
  ['WhatsApp', 'Crawlers'],
  ['Camino', 'Others'],
  ['Iceweasel', 'Firefox'],
  ['Waterfox', 'Firefox'],
  ['PaleMoon', 'Firefox'],
  ['Focus', 'Firefox'],
  ['Klar', 'Firefox'],
  ['Firefox', 'Firefox'],
  ['BeakerBrowser', 'Beaker'],
  ['Brave', 'Brave'],
  ['Vivaldi', 'Vivaldi'],
  ['YaBrowser', 'Yandex.Browser'],
  ['HeadlessChrome', 'Chrome'],
  ['Chrome', 'Chrome'],
  ['CriOS', 'Chrome'],
  ['AppleBot', 'Crawlers'],
  ['facebookexternalhit', 'Crawlers'],
  ['Twitter', 'Crawlers'],
  ['Safari', 'Safari'],
  ...[
    'Slack',
    'Sogou',
    'Java',
    'Jakarta Commons-HttpClient',
    'netEstate',
    'PiplBot',
    'IstellaBot',
    'heritrix',
    'PagesInventory',
    'rogerbot',
    'fastbot',
    'yacybot',
    'PycURL',
    'PHP',
    'AndroidDownloadManager',
    'Embedly',
    'ruby',
    'Ruby',
    'python',
    'Python',
    'LinkedIn',
    'Microsoft-WebDAV',
    'DuckDuckGo-Favicons-Bot',
    'bingbot',
    'PetalBot',
    'Discordbot',
    'ZoominfoBot',
    'Googlebot',
    'DotBot',
    'AhrefsBot',
    'SemrushBot',
    'Adsbot',
    'BLEXBot',
    'NetcraftSurveyAgent',
    'Netcraft Web Server Survey',
    'masscan',
    'MJ12bot',
    'Pandalytics',
    'YandexBot',
    'Nimbostratus-Bot',
    'HTTP Banner Detection',
    'Hakai',
    'WinHttp.WinHttpRequest.5',
    'NetSystemsResearch',
    'Nextcloud Server Crawler',
    'CFNetwork',
    'GoScraper',
    'Googlebot-Image',
    'ZmEu',
    'DowntimeDetector',
    'MauiBot',
    'Cloud',
    'stagefright',
  ].map((name) => [name, 'Crawlers'] as const),
  ...['Downcast', 'gPodder', 'Instacast', 'iTunes', 'Miro', 'Pocket Casts', 'BashPodder'].map(
    (name) => [name, 'Podcasts'] as const,
  ),
  ...[
    'Akregator',
    'Apple-PubSub',
    'BTWebClient',
    'com.apple.Safari.WebFeedParser',
    'FeedDemon',
    'Feedy',
    'Fever',
    'FreshRSS',
    'Liferea',
    'NetNewsWire',
    'RSSOwl',
    'Tiny Tiny RSS',
    'Thunderbird',
    'Winds',
  ].map((name) => [name, 'Feeds'] as const),
  ...[
    'Pingdom.com',
    'jetmon',
    'NodeUptime',
    'NewRelicPinger',
    'StatusCake',
    'internetVista',
    'Server Density Service Monitoring v2',
  ].map((name) => [name, 'Uptime'] as const),
  ['Mozilla', 'Others'],
];

/** Where an agent that points to a page about itself (`; +http…`, ` (http…`) names itself: GoAccess's crawler guess. */
const CRAWLER_MARKS = ['; +http', '; http', ' (+http', ' (http', ';++http'];

export interface Classified {
  /** The panel's item, e.g. `Chrome/120.0`, `Windows 10`. */
  name: string;
  /** Its category (the panel's root row), e.g. `Chrome`, `Crawlers`, `Unknown`. */
  type: string;
}

const cutAt = (text: string, from: number, stops: string): string => {
  for (let i = from; i < text.length; i++) if (stops.includes(text[i]!)) return text.slice(0, i);
  return text;
};

/** GoAccess's verify_browser on a decoded agent. */
export function classifyBrowser(agent: string): Classified {
  for (const mark of CRAWLER_MARKS) {
    const at = agent.indexOf(mark);
    if (at < 0) continue;
    let start = at;
    while (start > 0 && agent[start - 1] !== ' ' && agent[start - 1] !== '+') start--;
    const name = cutAt(agent.slice(start), 0, '; ');
    if (name) return { name, type: 'Crawlers' };
    break;
  }
  for (const [search, type] of BROWSERS) {
    const at = agent.indexOf(search);
    if (at < 0) continue;
    return { name: browserName(agent.slice(at), search), type };
  }
  return { name: 'Unknown', type: 'Unknown' };
}

/** GoAccess's parse_browser: the matched token up to `;`, `)` or a space (past the spaces the token itself has). */
function browserName(match: string, search: string): string {
  if (match.includes('rv:11') && match.includes('Trident/7.0')) return 'MSIE/11.0';
  const slash = match.lastIndexOf('/');
  if (match.includes('OPR') && slash >= 0) return `Opera${match.slice(slash)}`;
  if (match.includes('Opera') && slash > 0) match = match.slice(0, 5) + match.slice(slash);
  if (match.includes('MSIE')) {
    const stop = match.search(/[;)-]/);
    return (stop >= 0 ? match.slice(0, stop) : match).replace(/ /g, '/');
  }
  let from = 0;
  for (let spaces = search.split(' ').length - 1; spaces > 0; spaces--) {
    const space = match.indexOf(' ', from);
    if (space < 0) {
      from = 0;
      break;
    }
    from = space + 1;
  }
  return cutAt(match, from, ';) ');
}
