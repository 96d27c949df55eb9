import { randomBytes } from 'node:crypto';
import { parseKeyRing, SecretBox, SecretBoxError } from './secret-box';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const AAD = '3f0c1a8e-0000-4000-8000-000000000001:3f0c1a8e-0000-4000-8000-000000000002';

describe('SecretBox (AES-256-GCM, versioned keys)', () => {
  const box = SecretBox.fromConfig(`k1:${k1}`, 'k1');

  it('round-trips, with a fresh IV for every encryption', () => {
    const a = box.encrypt('{"accessToken":"s3cret"}', AAD);
    const b = box.encrypt('{"accessToken":"s3cret"}', AAD);
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toEqual(b);
    expect(a.split('.')[2]).not.toEqual(b.split('.')[2]);
    expect(a).not.toContain('s3cret');
    expect(box.decrypt(a, AAD)).toBe('{"accessToken":"s3cret"}');
    expect(box.decrypt(b, AAD)).toBe('{"accessToken":"s3cret"}');
  });

  it('refuses a tampered ciphertext, IV or tag', () => {
    const sealed = box.encrypt('hello world', AAD);
    const parts = sealed.split('.');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      altered[index] = flip(altered[index]);
      expect(() => box.decrypt(altered.join('.'), AAD)).toThrow(SecretBoxError);
    }
    expect(() => box.decrypt('v1.k1.garbage', AAD)).toThrow(/not a sealed value/);
  });

  it('refuses the right ciphertext with other additional data (another tenant or row)', () => {
    const sealed = box.encrypt('token', AAD);
    expect(() => box.decrypt(sealed, AAD.replace('0001', '0003'))).toThrow(/does not open/);
  });

  it('refuses an unknown key id, naming the id but not the key', () => {
    const other = SecretBox.fromConfig(`k2:${k2}`, 'k2');
    const sealed = other.encrypt('token', AAD);
    expect(() => box.decrypt(sealed, AAD)).toThrow('no key "k2" in ENCRYPTION_KEYS');
    // Same id, different key material: authentication fails.
    const impostor = SecretBox.fromConfig(`k1:${k2}`, 'k1');
    expect(() => box.decrypt(impostor.encrypt('token', AAD), AAD)).toThrow(/does not open/);
  });

  it('rotates: old values open under a ring that keeps the old key, and re-encrypt under the new active key', () => {
    const old = box.encrypt('token', AAD);
    const rotated = SecretBox.fromConfig(`k1:${k1},k2:${k2}`, 'k2');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.decrypt(old, AAD)).toBe('token');
    const fresh = rotated.reencrypt(old, AAD);
    expect(rotated.keyIdOf(fresh)).toBe('k2');
    expect(rotated.needsRotation(fresh)).toBe(false);
    expect(rotated.decrypt(fresh, AAD)).toBe('token');
    // Once every value moved, the old key can leave the ring.
    const onlyNew = SecretBox.fromConfig(`k2:${k2}`, 'k2');
    expect(onlyNew.decrypt(fresh, AAD)).toBe('token');
    expect(() => onlyNew.decrypt(old, AAD)).toThrow(/no key "k1"/);
  });

  it('validates the configuration with messages that name the variables and never the keys', () => {
    expect(() => parseKeyRing('', undefined)).toThrow(/ENCRYPTION_KEYS is required/);
    expect(() => parseKeyRing('k1:c2hvcnQ=', 'k1')).toThrow(/ENCRYPTION_KEYS: key "k1" must be 32 bytes/);
    expect(() => parseKeyRing(`bad.id:${k1}`, undefined)).toThrow(/ENCRYPTION_KEYS: each entry/);
    expect(() => parseKeyRing(`k1:${k1},k1:${k2}`, 'k1')).toThrow(/appears twice/);
    expect(() => parseKeyRing(`k1:${k1},k2:${k2}`, undefined)).toThrow(/ENCRYPTION_ACTIVE_KEY is required/);
    expect(() => parseKeyRing(`k1:${k1}`, 'k9')).toThrow(/ENCRYPTION_ACTIVE_KEY "k9" is not one of/);
    try {
      parseKeyRing(`k1:${k1}`, 'k9');
    } catch (error) {
      expect(String(error)).not.toContain(k1);
    }
    expect(parseKeyRing(`k1:${k1}`, undefined).activeKeyId).toBe('k1');
  });
});
