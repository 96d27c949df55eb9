import { DERIVED_ID_KIND, derivedId } from './derived-id';

/** The inverse of the scheme, for the tests: the kind and key parts an id was made from; null for any other string. */
function parseDerivedId(id: string): { kind: string; key: string[] } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const [kind, ...parts] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (!DERIVED_ID_KIND.test(kind) || parts.length === 0) return null;
  try {
    const key = parts.map((part) => decodeURIComponent(part));
    return derivedId(kind, ...key) === id ? { kind, key } : null;
  } catch {
    return null;
  }
}

const AGENCY = '6f1c2a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const USER = '0b9f8e7d-6c5b-4a39-8281-7f6e5d4c3b2a';

describe('derived ids', () => {
  it('is the base64url of the kind and the key parts, and the same for the same key', () => {
    const id = derivedId('AgencyMember', AGENCY, USER);
    expect(id).toBe(Buffer.from(`AgencyMember:${AGENCY}:${USER}`).toString('base64url'));
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(derivedId('AgencyMember', AGENCY, USER)).toBe(id);
  });

  it('differs with the kind, any part, or the order of the parts', () => {
    const ids = [
      derivedId('AgencyMember', AGENCY, USER),
      derivedId('OrganizationMember', AGENCY, USER),
      derivedId('AgencyMember', USER, AGENCY),
      derivedId('AgencyMember', AGENCY, AGENCY),
      derivedId('MaturityModelVersion', 'default', 1),
      derivedId('MaturityModelVersion', 'default', 11),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps parts apart even when a part holds the separator', () => {
    expect(derivedId('AssessmentAnswer', 'a:b', 'c')).not.toBe(derivedId('AssessmentAnswer', 'a', 'b:c'));
    expect(parseDerivedId(derivedId('AssessmentAnswer', 'a:b', 'c é'))).toEqual({ kind: 'AssessmentAnswer', key: ['a:b', 'c é'] });
  });

  it('reads back its own ids only', () => {
    expect(parseDerivedId(derivedId('MaturityModelVersion', 'default', 3))).toEqual({
      kind: 'MaturityModelVersion',
      key: ['default', '3'],
    });
    for (const other of [
      USER,
      '',
      'not base64!',
      Buffer.from('lowercase:x').toString('base64url'),
      Buffer.from('Kind').toString('base64url'),
    ]) {
      expect(parseDerivedId(other)).toBeNull();
    }
  });

  it('refuses a kind that is not a name, and an empty key', () => {
    expect(() => derivedId('agency member', AGENCY)).toThrow(/kind/);
    expect(() => derivedId('AgencyMember')).toThrow(/key/);
  });
});
