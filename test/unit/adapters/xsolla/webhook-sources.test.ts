import { parseConfig } from '../../../../src/adapters/config/config';
import { allowsSource, XSOLLA_NETWORKS } from '../../../../src/adapters/xsolla/webhook-sources';

describe('the sources of Xsolla webhooks', () => {
  const xsolla = allowsSource(XSOLLA_NETWORKS);

  it("admits Xsolla's networks and addresses, also as IPv4-mapped IPv6, and nothing else", () => {
    expect(xsolla('185.30.20.1')).toBe(true);
    expect(xsolla('185.30.23.254')).toBe(true);
    expect(xsolla('34.102.38.178')).toBe(true);
    expect(xsolla('::ffff:34.94.69.44')).toBe(true);
    expect(xsolla('185.30.24.1')).toBe(false);
    expect(xsolla('34.102.38.179')).toBe(false);
    expect(xsolla('127.0.0.1')).toBe(false);
    expect(xsolla('not an address')).toBe(false);
  });

  it('reads XSOLLA_ALLOWED_IPS: `xsolla`, or addresses and CIDR blocks of either family', () => {
    expect(parseConfig({}).XSOLLA_ALLOWED_IPS).toBeUndefined();
    expect(parseConfig({ XSOLLA_ALLOWED_IPS: 'xsolla' }).XSOLLA_ALLOWED_IPS).toBe('xsolla');
    const listed = parseConfig({ XSOLLA_ALLOWED_IPS: '10.0.0.0/8, 127.0.0.1,2001:db8::/32' }).XSOLLA_ALLOWED_IPS;
    expect(listed).toEqual([
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '127.0.0.1', prefix: null, family: 'ipv4' },
      { address: '2001:db8::', prefix: 32, family: 'ipv6' },
    ]);
    const allows = allowsSource(listed as Exclude<typeof listed, 'xsolla' | undefined>);
    expect(['10.200.1.1', '127.0.0.1', '2001:db8::1'].map(allows)).toEqual([true, true, true]);
    expect(['11.0.0.1', '127.0.0.2', '2001:db9::1'].map(allows)).toEqual([false, false, false]);
  });

  it.each(['10.0.0.0/33', 'localhost', '10.0.0.1/8/1', '10.0.0.0/x', ''])(
    'refuses the XSOLLA_ALLOWED_IPS entry "%s", naming it',
    (entry) => {
      expect(() => parseConfig({ XSOLLA_ALLOWED_IPS: `127.0.0.1,${entry}` })).toThrow(/XSOLLA_ALLOWED_IPS: not an IP/);
    },
  );
});
