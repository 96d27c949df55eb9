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

  it('refuses every other spelling of the right signature: spare bits of the last character, characters outside the alphabet', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const token = reports.sign(['a']);
    const [body, signature] = token.split('.');
    // 32 bytes in 43 characters: the last one carries 4 bits, its 2 low bits are spare.
    const last = alphabet.indexOf(signature[signature.length - 1]);
    const sameBytes = alphabet[last ^ 1];
    expect(Buffer.from(`${signature.slice(0, -1)}${sameBytes}`, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(reports.open(`${body}.${signature.slice(0, -1)}${sameBytes}`, 1000)).toBeNull();
    expect(reports.open(`${body}.${signature.slice(0, 10)}*${signature.slice(10)}`, 1000)).toBeNull();
    expect(reports.open(`${body}.${signature}=`, 1000)).toBeNull();
    expect(reports.open(token, 1000)).toEqual(['a']);
  });
});
