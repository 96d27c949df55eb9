import { generateApiKey, isWellFormedApiKey } from './api-key-format';
import { constantTimeEqual, crc32, hashPassword, passwordWeakness, randomBase62, verifyPassword } from './secrets';

describe('passwords', () => {
  it('hashes with scrypt, verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct-Horse-Battery-9', 10);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Correct-Horse-Battery-9', stored)).toBe(true);
    expect(await verifyPassword('Correct-Horse-Battery-8', stored)).toBe(false);
    expect(await hashPassword('Correct-Horse-Battery-9', 10)).not.toBe(stored); // salted
  });

  it('says why a password is weak', () => {
    expect(passwordWeakness('short1A!')).toMatch(/12 characters/);
    expect(passwordWeakness('motdepasse123')).toMatch(/too common/);
    expect(passwordWeakness('aaaaaaaaaaaaaaaa')).toMatch(/different characters/);
    expect(passwordWeakness('camille.laurent-2026X', { email: 'camille.laurent@example.fr' })).toMatch(/email/);
    expect(passwordWeakness('alllowercaseletters')).toBeNull(); // 16+ characters need no mix
    expect(passwordWeakness('lowercase1234')).toMatch(/three of/);
    expect(passwordWeakness('Correct-Horse-Battery-9')).toBeNull();
  });
});

describe('API key format', () => {
  it('produces keys with the typed prefix and a valid checksum', () => {
    const { key, displayPrefix } = generateApiKey();
    expect(key).toMatch(/^socle_ak_[0-9A-Za-z]{46}$/);
    expect(key.startsWith(displayPrefix)).toBe(true);
    expect(isWellFormedApiKey(key)).toBe(true);
  });

  it('rejects a key whose checksum does not match, without a database', () => {
    const { key } = generateApiKey();
    const flipped = key.slice(0, 12) + (key[12] === 'a' ? 'b' : 'a') + key.slice(13);
    expect(isWellFormedApiKey(flipped)).toBe(false);
    expect(isWellFormedApiKey('socle_ak_tooshort')).toBe(false);
  });

  it('computes CRC-32 as the standard does', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('draws base62 uniformly enough to use every symbol', () => {
    expect(new Set(randomBase62(5000)).size).toBe(62);
  });
});

describe('constantTimeEqual', () => {
  it('compares equal and unequal values, of equal or different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
