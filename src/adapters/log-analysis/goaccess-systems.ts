import { Classified } from './goaccess-browsers';

/** GoAccess 1.7's operating-system list (src/opesys.c), in its order: [search string, category]. */
const SYSTEMS: readonly (readonly [string, string])[] = [
  ['Android', 'Android'],
  ...[
    'Windows NT 10.0',
    'Windows NT 6.3; ARM',
    'Windows NT 6.3',
    'Windows NT 6.2; ARM',
    'Windows NT 6.2',
    'Windows NT 6.1',
    'Windows NT 6.0',
    'Windows NT 5.2',
    'Windows NT 5.1',
    'Windows NT 5.01',
    'Windows NT 5.0',
    'Windows NT 4.0',
    'Windows NT',
    'Win 9x 4.90',
    'Windows 98',
    'Windows 95',
    'Windows CE',
    'Windows Phone 8.1',
    'Windows Phone 8.0',
  ].map((name) => [name, 'Windows'] as const),
  ['Googlebot', 'Unix-like'],
  ['Mastodon', 'Unix-like'],
  ['bingbot', 'Windows'],
  ['iPad', 'iOS'],
  ['iPod', 'iOS'],
  ['iPhone', 'iOS'],
  ['CFNetwork', 'iOS'],
  ['AppleTV', 'iOS'],
  ['iTunes', 'Macintosh'],
  ['OS X', 'Macintosh'],
  ['Darwin', 'Darwin'],
  ...[
    'Debian',
    'Ubuntu',
    'Fedora',
    'Mint',
    'SUSE',
    'Mandriva',
    'Red Hat',
    'Gentoo',
    'CentOS',
    'PCLinuxOS',
    'Arch',
    'Parabola',
  ].map((name) => [name, 'Linux'] as const),
  ['FreeBSD', 'BSD'],
  ['NetBSD', 'BSD'],
  ['OpenBSD', 'BSD'],
  ['DragonFly', 'BSD'],
  ['PlayStation', 'BSD'],
  ['Linux', 'Linux'],
  ['linux', 'Linux'],
  ['CrOS', 'Chrome OS'],
  ['QNX', 'Unix-like'],
  ['BB10', 'Unix-like'],
  ['AIX', 'Unix'],
  ['SunOS', 'Unix'],
  ...['BlackBerry', 'Sony', 'AmigaOS', 'SymbianOS', 'Nokia', 'Nintendo', 'Apache'].map(
    (name) => [name, 'Others'] as const,
  ),
  ['Xbox One', 'Windows'],
  ['Xbox', 'Windows'],
];

const WINDOWS: readonly (readonly [string, string])[] = [
  ['10.0', 'Windows 10'],
  ['6.3', 'Windows 8.1'],
  ['6.3; ARM', 'Windows RT'],
  ['6.2; ARM', 'Windows RT'],
  ['6.2', 'Windows 8'],
  ['6.1', 'Windows 7'],
  ['6.0', 'Windows Vista'],
  ['5.2', 'Windows XP x64'],
  ['5.1', 'Windows XP'],
  ['5.0', 'Windows 2000'],
];
const ANDROID: readonly (readonly [string[], string])[] = [
  [['12'], 'Android 12'],
  [['11'], 'Android 11'],
  [['10'], 'Android 10'],
  [['9'], 'Pie 9'],
  [['8.1'], 'Oreo 8.1'],
  [['8.0'], 'Oreo 8.0'],
  [['7.1'], 'Nougat 7.1'],
  [['7.0'], 'Nougat 7.0'],
  [['6.0.1'], 'Marshmallow 6.0.1'],
  [['6.0'], 'Marshmallow 6.0'],
  [['5.1'], 'Lollipop 5.1'],
  [['5.0'], 'Lollipop 5.0'],
  [['4.4'], 'KitKat 4.4'],
  [['4.3'], 'Jelly Bean 4.3'],
  [['4.2'], 'Jelly Bean 4.2'],
  [['4.1'], 'Jelly Bean 4.1'],
  [['4.0'], 'Ice Cream Sandwich 4.0'],
  [['3.'], 'Honeycomb 3'],
  [['2.3'], 'Gingerbread 2.3'],
  [['2.2'], 'Froyo 2.2'],
  [['2.0', '2.1'], 'Eclair 2'],
  [['1.6'], 'Donut 1.6'],
  [['1.5'], 'Cupcake 1.5'],
];
const MAC: readonly (readonly [string, string])[] = [
  ['13.0', 'macOS 12 Ventura'],
  ['12.0', 'macOS 12 Monterey'],
  ['11.0', 'macOS 11 Big Sur'],
  ['10.15', 'macOS 10.15 Catalina'],
  ['10.14', 'macOS 10.14 Mojave'],
  ['10.13', 'macOS 10.13 High Sierra'],
  ['10.12', 'macOS 10.12 Sierra'],
  ['10.11', 'OS X 10.11 El Capitan'],
  ['10.10', 'OS X 10.10 Yosemite'],
  ['10.9', 'OS X 10.9 Mavericks'],
  ['10.8', 'OS X 10.8 Mountain Lion'],
  ['10.7', 'OS X 10.7 Lion'],
  ['10.6', 'OS X 10.6 Snow Leopard'],
  ['10.5', 'OS X 10.5 Leopard'],
  ['10.4', 'OS X 10.4 Tiger'],
  ['10.3', 'OS X 10.3 Panther'],
  ['10.2', 'OS X 10.2 Jaguar'],
  ['10.1', 'OS X 10.1 Puma'],
  ['10.0', 'OS X 10.0 Cheetah'],
];

/** The text up to the first `;`, `)`, `(` (or the space after `spaces` spaces), as GoAccess's parse_others. */
function untilDelimiter(token: string, spaces: number, underscoresToDots = false): string {
  let seen = 0;
  let i = 0;
  for (; i < token.length; i++) {
    const c = token[i]!;
    if (c === ';' || c === ')' || c === '(') break;
    if (c === ' ' && ++seen > spaces) break;
  }
  const text = token.slice(0, i);
  return underscoresToDots ? text.replace(/_/g, '.') : text;
}

/** GoAccess's parse_ios, including its memmove of `offset` bytes (which can leave a tail of the original behind). */
function iosName(token: string, nameLength: number): string {
  const os = token.indexOf(' OS ');
  const like = os > 0 ? token.indexOf(' like Mac', os) : -1;
  if (os <= 0 || like < 0) return token.slice(0, nameLength);
  const chars = [...token.slice(0, like), '\0', ...token.slice(like + 1)];
  const moved = chars.slice(os, os + os);
  chars.splice(nameLength, moved.length, ...moved);
  const nul = chars.indexOf('\0');
  return (nul >= 0 ? chars.slice(0, nul) : chars).join('').replace(/_/g, '.');
}

/** GoAccess's verify_os (with its default real-os) on a decoded agent. */
export function classifySystem(agent: string): Classified {
  const text = agent.replace(/\+/g, ' ');
  for (const [search, type] of SYSTEMS) {
    const at = text.indexOf(search);
    if (at < 0) continue;
    const token = text.slice(at);
    if (text.includes('Windows'))
      return { name: WINDOWS.find(([version]) => token.includes(version))?.[1] ?? search, type };
    if (token.includes('Android')) {
      const android = untilDelimiter(token, Infinity);
      return { name: ANDROID.find(([versions]) => versions.some((v) => android.includes(v)))?.[1] ?? android, type };
    }
    if (token.includes('CFNetwork')) return { name: text.split(' ')[0]!, type };
    if (token.includes('iPad') || token.includes('iPod')) return { name: iosName(token, 4), type };
    if (token.includes('iPhone')) return { name: iosName(token, 6), type };
    if (token.includes('OS X')) {
      const mac = untilDelimiter(token, 3, true);
      return { name: MAC.find(([version]) => mac.includes(version))?.[1] ?? mac, type };
    }
    // Darwin: the agent's first word, as in `Slack/248000 CFNetwork/808.0.2 Darwin/16.0.0`.
    if (token.includes('Darwin')) return { name: text.split(' ')[0]!, type };
    return { name: untilDelimiter(token, search.split(' ').length - 1), type };
  }
  return { name: 'Unknown', type: 'Unknown' };
}
