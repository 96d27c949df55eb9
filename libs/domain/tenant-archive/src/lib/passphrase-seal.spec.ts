import { PassphraseSeal } from './passphrase-seal';

const FAST = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 };

describe('PassphraseSeal', () => {
  it('seals a value that opens with the same passphrase and the same binding only', async () => {
    const seal = await PassphraseSeal.create('a long enough passphrase', FAST);
    const sealed = seal.seal('the secret', 'network_accounts.credentials_ciphertext:org:row');
    expect(sealed).not.toContain('the secret');
    const reopened = await PassphraseSeal.open('a long enough passphrase', seal.kdf, seal.checkValue());
    expect(reopened.open(sealed, 'network_accounts.credentials_ciphertext:org:row')).toBe('the secret');
    expect(() => reopened.open(sealed, 'network_accounts.credentials_ciphertext:org:other-row')).toThrow(/does not open/);
  });

  it('refuses a wrong passphrase, a short one and unreasonable key derivation parameters', async () => {
    const seal = await PassphraseSeal.create('a long enough passphrase', FAST);
    await expect(PassphraseSeal.open('another long passphrase', seal.kdf, seal.checkValue())).rejects.toThrow(/wrong passphrase/);
    await expect(PassphraseSeal.create('short', FAST)).rejects.toThrow(/at least 12/);
    await expect(PassphraseSeal.open('a long enough passphrase', { ...seal.kdf, N: 2 ** 30 }, seal.checkValue())).rejects.toThrow(
      /parameters/,
    );
  });
});
