import { DomainVerifier, parseDnsServers } from './domain-verifier';

describe('PRESS_ROOM_DNS_SERVERS', () => {
  it('takes IP addresses with an optional port, empty for the system’s resolvers', () => {
    expect(parseDnsServers('')).toEqual([]);
    expect(parseDnsServers(' 192.0.2.53 , 192.0.2.54:5353,[2001:db8::53]:53, 2001:db8::54 ')).toEqual([
      '192.0.2.53',
      '192.0.2.54:5353',
      '[2001:db8::53]:53',
      '2001:db8::54',
    ]);
    for (const bad of ['dns.example.com', '192.0.2.53:0', '192.0.2.53:70000', '999.0.0.1', '[::1', 'x'])
      expect(() => parseDnsServers(bad)).toThrow(/is not an IP address/);
  });

  it('answers "not verified" without repeating the resolver, when no server answers in time', async () => {
    // A loopback port nobody listens on (UDP): the look-up times out or is refused.
    const outcome = await new DomainVerifier(['127.0.0.1:9'], 300).check('press.example.com', 'socle-press-verification=x');
    expect(outcome.verified).toBe(false);
    expect(outcome.error).toMatch(/_socle-press\.press\.example\.com/);
  });
});
