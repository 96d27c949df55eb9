import { ConnectorError } from './errors';
import { embeddedIPv4, OutboundGuard, OutboundRefusedError, parseAddressRanges, ResolvedAddress } from './outbound-guard';

const resolver =
  (table: Record<string, string[]>) =>
  async (hostname: string): Promise<ResolvedAddress[]> => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('OutboundGuard.verdict', () => {
  const guard = new OutboundGuard();

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.170.2', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['192.0.0.192', 'cloud metadata'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.255', 'shared (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
  ])('refuses %s (%s)', (address, category) => {
    expect(guard.verdict(address)).toEqual({ allowed: false, category });
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('refuses the IPv6 form %s of an IPv4 %s address', (address, category) => {
    expect(guard.verdict(address)).toEqual({ allowed: false, category });
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'lets the public address %s through',
    (address) => {
      expect(guard.verdict(address)).toEqual({ allowed: true });
    },
  );

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 forms', () => {
    expect(embeddedIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIPv4('::ffff:a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIPv4('64:ff9b::c0a8:0101')).toBe('192.168.1.1');
    expect(embeddedIPv4('2002:0a00:0001::1')).toBe('10.0.0.1');
    expect(embeddedIPv4('2606:4700::1')).toBeUndefined();
    expect(embeddedIPv4('10.0.0.1')).toBeUndefined();
  });
});

describe('allowed ranges', () => {
  it('let the listed ranges through, IPv4-mapped forms included, and nothing else', () => {
    const guard = new OutboundGuard({ allowedRanges: ['127.0.0.0/8'] });
    expect(guard.verdict('127.0.0.1')).toEqual({ allowed: true });
    expect(guard.verdict('::ffff:127.0.0.1')).toEqual({ allowed: true });
    expect(guard.verdict('::1')).toEqual({ allowed: false, category: 'loopback' });
    expect(guard.verdict('10.0.0.1')).toEqual({ allowed: false, category: 'private' });
  });

  it('never open the cloud metadata addresses', () => {
    const guard = new OutboundGuard({ allowedRanges: ['169.254.0.0/16', 'fd00::/8', '0.0.0.0/0', '::/0'] });
    expect(guard.verdict('169.254.1.1')).toEqual({ allowed: true });
    expect(guard.verdict('169.254.169.254')).toEqual({ allowed: false, category: 'cloud metadata' });
    expect(guard.verdict('::ffff:169.254.169.254')).toEqual({ allowed: false, category: 'cloud metadata' });
    expect(guard.verdict('fd00:ec2::254')).toEqual({ allowed: false, category: 'cloud metadata' });
  });

  it('are parsed from a comma-separated setting, refusing malformed entries', () => {
    expect(parseAddressRanges('')).toEqual([]);
    expect(parseAddressRanges(undefined)).toEqual([]);
    expect(parseAddressRanges(' 127.0.0.0/8 , ::1/128,10.0.0.5')).toEqual(['127.0.0.0/8', '::1/128', '10.0.0.5']);
    expect(() => parseAddressRanges('127.0.0.0/8,localhost')).toThrow(/"localhost" is not an address range/);
    expect(() => parseAddressRanges('10.0.0.0/33')).toThrow(/not an address range/);
    expect(() => parseAddressRanges('::1/129')).toThrow(/not an address range/);
    expect(() => new OutboundGuard({ allowedRanges: ['300.0.0.0/8'] })).toThrow(/not an address range/);
  });
});

describe('OutboundGuard.resolve', () => {
  it('refuses a name that resolves to a private address, without naming the address', async () => {
    const guard = new OutboundGuard({ resolve: resolver({ 'intranet.example': ['10.20.30.40'] }) });
    const refusal = await guard.resolve('intranet.example', 'GET http://intranet.example/').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OutboundRefusedError);
    expect(refusal).toMatchObject({ kind: 'REJECTED', host: 'intranet.example', category: 'private' });
    expect((refusal as Error).message).toContain('intranet.example resolves to a private address');
    expect((refusal as Error).message).not.toContain('10.20.30.40');
  });

  it('refuses a name when any one of its addresses is refused', async () => {
    const guard = new OutboundGuard({ resolve: resolver({ 'mixed.example': ['93.184.216.34', '127.0.0.1'] }) });
    await expect(guard.resolve('mixed.example', 'GET http://mixed.example/')).rejects.toMatchObject({ category: 'loopback' });
  });

  it('answers the first address of a public name, and IP literals as they are', async () => {
    const guard = new OutboundGuard({ resolve: resolver({ 'social.example': ['2606:4700::1', '93.184.216.34'] }) });
    await expect(guard.resolve('social.example', 'x')).resolves.toEqual({ address: '2606:4700::1', family: 6 });
    await expect(guard.resolve('[2606:4700::1]', 'x')).resolves.toEqual({ address: '2606:4700::1', family: 6 });
    await expect(guard.resolve('93.184.216.34', 'x')).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('refuses loopback literals in both families, and localhost through the system resolver', async () => {
    const guard = new OutboundGuard();
    await expect(guard.resolve('127.0.0.1', 'x')).rejects.toMatchObject({ category: 'loopback' });
    await expect(guard.resolve('[::1]', 'x')).rejects.toMatchObject({ category: 'loopback' });
    await expect(guard.resolve('[::ffff:7f00:1]', 'x')).rejects.toMatchObject({ category: 'loopback' });
    await expect(guard.resolve('localhost', 'x')).rejects.toMatchObject({ host: 'localhost', category: 'loopback' });
  });

  it('turns a failed resolution into TRANSIENT', async () => {
    const guard = new OutboundGuard({ resolve: resolver({}) });
    const error = await guard.resolve('nowhere.example', 'GET http://nowhere.example/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'TRANSIENT', message: expect.stringContaining('ENOTFOUND') });
  });
});

describe('verdicts kept by a guard', () => {
  it('stay the same when asked again, and after more addresses than it keeps went through', () => {
    const guard = new OutboundGuard({ allowedRanges: ['127.0.0.0/8'] });
    const first = ['10.0.0.1', '127.0.0.1', '169.254.169.254', '8.8.8.8', '::ffff:192.168.1.1'].map((a) => guard.verdict(a));
    expect(first).toEqual([
      { allowed: false, category: 'private' },
      { allowed: true },
      { allowed: false, category: 'cloud metadata' },
      { allowed: true },
      { allowed: false, category: 'private' },
    ]);
    for (let i = 0; i < 3000; i++) guard.verdict(`100.${(i >> 8) & 255}.${i & 255}.1`);
    expect(['10.0.0.1', '127.0.0.1', '169.254.169.254', '8.8.8.8', '::ffff:192.168.1.1'].map((a) => guard.verdict(a))).toEqual(first);
    // Another guard's ranges are its own.
    expect(new OutboundGuard().verdict('127.0.0.1').allowed).toBe(false);
  });
});
