import { SignedTokens } from './signed-token';

describe('SignedTokens', () => {
  const secret = 'a-server-secret-of-enough-length-for-the-test-0123456789';
  const reports = new SignedTokens(secret, 'socle.report-link.v1');

  it('opens what it signed, with its fields', () => {
    expect(reports.open(reports.sign(['a', 1, null]), 1000)).toEqual(['a', 1, null]);
  });

  it('refuses a token of another purpose or another secret, a changed body, a longer token and malformed ones', () => {
    const token = reports.sign(['a']);
    expect(new SignedTokens(secret, 'socle.content-approval-link.v1').open(token, 1000)).toBeNull();
    expect(new SignedTokens(`${secret}x`, 'socle.report-link.v1').open(token, 1000)).toBeNull();
    const [, signature] = token.split('.');
    expect(reports.open(`${Buffer.from('["b"]').toString('base64url')}.${signature}`, 1000)).toBeNull();
    expect(reports.open(token, token.length - 1)).toBeNull();
    for (const bad of ['', '.', 'abc', `${token}.x`, '\u0000', 42, null]) expect(reports.open(bad, 1000)).toBeNull();
  });
});
