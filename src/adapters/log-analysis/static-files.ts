import { lowerAscii } from './ascii-case';

/** The static-file extensions of Debian's /etc/goaccess/goaccess.conf, which GoAccess 1.7 reads by default. */
export const STATIC_EXTENSIONS = [
  '.css',
  '.js',
  '.jpg',
  '.png',
  '.gif',
  '.ico',
  '.jpeg',
  '.pdf',
  '.csv',
  '.mpeg',
  '.mpg',
  '.swf',
  '.woff',
  '.woff2',
  '.xls',
  '.xlsx',
  '.doc',
  '.docx',
  '.ppt',
  '.pptx',
  '.txt',
  '.zip',
  '.ogg',
  '.mp3',
  '.mp4',
  '.exe',
  '.iso',
  '.gz',
  '.rar',
  '.svg',
  '.bmp',
  '.tar',
  '.tgz',
  '.tiff',
  '.tif',
  '.ttf',
  '.flv',
  '.dmg',
  '.xz',
  '.zst',
] as const;

const EXTENSION_BYTES = STATIC_EXTENSIONS.map((extension) => Buffer.from(extension, 'latin1'));
const LONGEST = Math.max(...STATIC_EXTENSIONS.map((extension) => extension.length));

/**
 * GoAccess's verify_static_content without --all-static-files: the decoded URL ends with a listed extension
 * (any case) and is longer than it, so `/app.js` is static and `/app.js?v=2` is not.
 */
export function isStaticFile(buf: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  // Every extension starts with a dot within the last LONGEST bytes: most API paths have none there.
  let dot = end - 1;
  while (dot >= end - LONGEST && dot > start && buf[dot] !== 0x2e) dot--;
  if (buf[dot] !== 0x2e) return false;
  for (const extension of EXTENSION_BYTES) {
    if (length <= extension.length) continue;
    const from = end - extension.length;
    let i = 0;
    while (i < extension.length && lowerAscii(buf[from + i]!) === extension[i]) i++;
    if (i === extension.length) return true;
  }
  return false;
}
