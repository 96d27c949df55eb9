import { checkCustomDomain, normalizeEmail, platformHostOf, requestHost, roomSlugProblem, slugify } from './addresses';

describe('press room addresses', () => {
  it('takes public host names only, in lower case and ASCII', () => {
    expect(checkCustomDomain(' Presse.Example.COM. ', 'socle.example')).toEqual({ ok: true, host: 'presse.example.com' });
    expect(checkCustomDomain('presse.bücher.de', null)).toEqual({ ok: true, host: 'presse.xn--bcher-kva.de' });
    for (const bad of [
      'localhost',
      'a.localhost',
      '127.0.0.1',
      '::1',
      '[::1]',
      '0x7f.1',
      '127.1',
      '2130706433',
      'x.local',
      'x.internal',
      'x.test',
      'x.example',
      'http://a.com',
      'a.com:80',
      'a.com/x',
      'a@b.com',
      'single',
      '-a.com',
      'a-.com',
      'socle.example',
      'www.socle.example',
      '',
      'a..com',
    ])
      expect({ bad, ok: checkCustomDomain(bad, 'socle.example').ok }).toEqual({ bad, ok: false });
  });

  it('reads the Host header as stored: no port, lower case, no trailing dot; never an IP', () => {
    expect(requestHost('Presse.Example.com:443')).toBe('presse.example.com');
    expect(requestHost('presse.example.com.')).toBe('presse.example.com');
    expect(requestHost(['a.example.com', 'b.example.com'])).toBe('a.example.com');
    for (const bad of [undefined, '', '127.0.0.1', '127.0.0.1:80', '[::1]:3000', 'a b', 'x'.repeat(400), 'é.com'])
      expect(requestHost(bad)).toBeNull();
    expect(platformHostOf('https://Socle.Example/')).toBe('socle.example');
    expect(platformHostOf('http://127.0.0.1:3000')).toBeNull();
  });

  it('checks room slugs and makes release slugs', () => {
    expect(roomSlugProblem('fromagerie-alpine')).toBeNull();
    for (const bad of ['ab', 'a'.repeat(64), 'A-b', 'a_b', '-ab', 'ab-', 'a--b', 'press', 'api'])
      expect(roomSlugProblem(bad)).not.toBeNull();
    expect(slugify('Le Beaufort d’été, primé !')).toBe('le-beaufort-d-ete-prime');
    expect(slugify('<<<>>>')).toBe('release');
    expect(slugify('x'.repeat(200))).toHaveLength(80);
  });

  it('normalises e-mail addresses: trimmed, domain in lower case, local part kept', () => {
    expect(normalizeEmail('  Jane.Doe+presse@Example.COM ')).toBe('Jane.Doe+presse@example.com');
    for (const bad of [
      '',
      'a',
      'a@',
      '@b.com',
      'a@b',
      'a b@c.com',
      'a@127.0.0.1',
      `${'a'.repeat(65)}@b.com`,
      `a@${'b'.repeat(250)}.com`,
      'a@b..com',
      'é@b.com',
    ])
      expect({ bad, out: normalizeEmail(bad) }).toEqual({ bad, out: null });
  });
});
