import { isIP } from 'node:net';
import { NetworkBlock } from '../../domain/network-block';

// Apart from config.ts so that `forte-cli clients` can parse a list without loading zod at every start-up.

/** An address, or a CIDR block (`185.30.20.0/24`), of IPv4 or IPv6; null when the entry is neither. */
function ipBlockOf(entry: string): NetworkBlock | null {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const version = isIP(address);
  const bits = prefix === undefined ? null : /^[0-9]{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  if (version === 0 || extra !== undefined || Number.isNaN(bits) || (bits ?? 0) > (version === 6 ? 128 : 32)) {
    return null;
  }
  return { address, prefix: bits, family: version === 6 ? 'ipv6' : 'ipv4' };
}

/** A comma-separated list of addresses and CIDR blocks: the blocks, and the entries that are neither. */
export function parseNetworkList(list: string): { blocks: NetworkBlock[]; bad: string[] } {
  const entries = list.split(',').map((entry) => [entry.trim(), ipBlockOf(entry)] as const);
  return {
    blocks: entries.flatMap(([, block]) => (block ? [block] : [])),
    bad: entries.flatMap(([entry, block]) => (block ? [] : [entry])),
  };
}
