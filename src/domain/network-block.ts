/** An address (`prefix` null) or a CIDR block of IPv4 or IPv6, as an allow-list names where callers may be. */
export interface NetworkBlock {
  address: string;
  prefix: number | null;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.0/8`, `203.0.113.7`, `2001:db8::/32`: how a block is written (and stored). */
export const networkText = (block: NetworkBlock): string =>
  block.prefix === null ? block.address : `${block.address}/${block.prefix}`;

/** A block as `networkText` wrote it (a stored value, already checked when it was set). */
export function storedNetwork(text: string): NetworkBlock {
  const [address = '', prefix] = text.split('/');
  return {
    address,
    prefix: prefix === undefined ? null : Number(prefix),
    family: address.includes(':') ? 'ipv6' : 'ipv4',
  };
}
