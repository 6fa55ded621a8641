import { BlockList, isIP } from 'node:net';
import { NetworkBlock } from '../../domain/network-block';

const v4 = (address: string, prefix: number | null = null): NetworkBlock => ({ address, prefix, family: 'ipv4' });

/** The networks Xsolla sends webhooks from (Xsolla's documentation; its PHP SDK checks them too). */
export const XSOLLA_NETWORKS: readonly NetworkBlock[] = [
  v4('185.30.20.0', 24),
  v4('185.30.21.0', 24),
  v4('185.30.22.0', 24),
  v4('185.30.23.0', 24),
  v4('34.102.38.178'),
  v4('34.94.43.207'),
  v4('35.236.73.234'),
  v4('34.94.69.44'),
  v4('34.102.22.197'),
];

/** Whether an address is among the blocks; an address in IPv4-mapped IPv6 form counts as its IPv4 self. */
export function allowsSource(blocks: readonly NetworkBlock[]): (ip: string) => boolean {
  const allowed = new BlockList();
  for (const { address, prefix, family } of blocks) {
    if (prefix === null) allowed.addAddress(address, family);
    else allowed.addSubnet(address, prefix, family);
  }
  return (ip) => {
    // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d.
    const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const version = isIP(plain);
    return version !== 0 && allowed.check(plain, version === 6 ? 'ipv6' : 'ipv4');
  };
}
