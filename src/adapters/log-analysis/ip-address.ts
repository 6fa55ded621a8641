/**
 * GoAccess rejects a line whose `%h` is not an IPv4 or IPv6 address as inet_pton(3) reads them (no leading
 * zeros in IPv4 parts, at most one `::` in IPv6, an optional dotted IPv4 tail).
 */
export function isIpAddress(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] === 0x3a) return isIpv6(buf, start, end);
  return isIpv4(buf, start, end);
}

function isIpv4(buf: Uint8Array, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (i < end) {
    const partStart = i;
    let value = 0;
    while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) {
      value = value * 10 + buf[i]! - 0x30;
      i++;
    }
    const length = i - partStart;
    if (length === 0 || length > 3 || value > 255 || (length > 1 && buf[partStart] === 0x30)) return false;
    parts++;
    if (i === end) break;
    if (buf[i] !== 0x2e || parts === 4) return false;
    i++;
    if (i === end) return false;
  }
  return parts === 4;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

function isIpv6(buf: Uint8Array, start: number, end: number): boolean {
  let groups = 0;
  let doubleColon = false;
  let i = start;
  if (buf[i] === 0x3a) {
    if (buf[i + 1] !== 0x3a) return false;
    doubleColon = true;
    i += 2;
    if (i === end) return true;
  }
  while (i < end) {
    const groupStart = i;
    while (i < end && isHex(buf[i]!)) i++;
    if (i < end && buf[i] === 0x2e) {
      // A dotted IPv4 tail counts as two groups.
      if (!isIpv4(buf, groupStart, end)) return false;
      groups += 2;
      i = end;
      break;
    }
    const length = i - groupStart;
    if (length === 0 || length > 4) return false;
    groups++;
    if (i === end) break;
    if (buf[i] !== 0x3a) return false;
    i++;
    if (buf[i] === 0x3a) {
      if (doubleColon) return false;
      doubleColon = true;
      i++;
      if (i === end) break;
    } else if (i === end) {
      return false;
    }
  }
  return doubleColon ? groups < 8 : groups === 8;
}

/**
 * The IPv4 address source[start..end) as an unsigned 32-bit number, when written as inet_ntoa writes it, so that
 * the number gives the same text back; -1 otherwise.
 */
export function ipv4Number(source: Uint8Array, start: number, end: number): number {
  let address = 0;
  let parts = 0;
  let at = start;
  while (at < end) {
    const first = source[at]!;
    if (first < 0x30 || first > 0x39) return -1;
    let value = first - 0x30;
    let digits = 1;
    at++;
    while (at < end && source[at]! >= 0x30 && source[at]! <= 0x39) {
      if (value === 0 || ++digits > 3) return -1;
      value = value * 10 + source[at++]! - 0x30;
    }
    if (value > 255) return -1;
    address = (address << 8) | value;
    if (++parts === 4) return at === end ? address >>> 0 : -1;
    if (source[at] !== 0x2e) return -1;
    at++;
  }
  return -1;
}
