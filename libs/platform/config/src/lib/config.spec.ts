import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';
import { estimatedEntropyBits, MIN_SECRET_ENTROPY_BITS } from './secrets';

const random = (bytes: number) => randomBytes(bytes).toString('base64url');
const valid = {
  DATABASE_URL: 'postgres://socle_app@127.0.0.1:5432/socle',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: random(48),
  API_KEY_PEPPER: random(48),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
};

/** The problems loadConfig reports for an environment (none: it was accepted). */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

describe('loadConfig', () => {
  it('accepts a complete environment and applies defaults', () => {
    const config = loadConfig({ ...valid, PORT: '4100' });
    expect(config.PORT).toBe(4100);
    expect(config.GRAPHQL_MAX_DEPTH).toBe(10);
    expect(config.publicIntrospection).toBe(true);
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(/DATABASE_URL is required/);
  });

  it('names a malformed variable and every other problem at once', () => {
    try {
      loadConfig({ ...valid, PORT: 'eighty', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/JWT_SECRET: JWT_SECRET must be at least 32 characters/);
    }
  });

  it('keeps the outbound guard fully on by default and reads allowed ranges as CIDR lists only', () => {
    expect(loadConfig(valid).OUTBOUND_ALLOWED_RANGES).toBe('');
    expect(loadConfig({ ...valid, OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8, ::1/128' }).OUTBOUND_ALLOWED_RANGES).toBe('127.0.0.0/8, ::1/128');
    expect(problems({ ...valid, OUTBOUND_ALLOWED_RANGES: 'localhost' })).toEqual([
      expect.stringMatching(/^OUTBOUND_ALLOWED_RANGES: .*such as 127\.0\.0\.0\/8/),
    ]);
  });

  it('takes a single Redis from REDIS_URL, or a cluster from REDIS_CLUSTER_NODES (then REDIS_URL is optional)', () => {
    expect(loadConfig(valid).REDIS_CLUSTER_NODES).toBeUndefined();
    const { REDIS_URL: _url, ...withoutUrl } = valid;
    expect(problems(withoutUrl)).toEqual([expect.stringMatching(/^REDIS_URL is required/)]);
    const seeds = '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002';
    expect(loadConfig({ ...withoutUrl, REDIS_CLUSTER_NODES: seeds }).REDIS_CLUSTER_NODES).toBe(seeds);
    // With a cluster, a URL still has to be one (it carries the password and TLS).
    expect(problems({ ...valid, REDIS_URL: 'http://x', REDIS_CLUSTER_NODES: seeds })).toEqual([expect.stringMatching(/^REDIS_URL: /)]);
    for (const bad of ['10.0.0.1', '10.0.0.1:7000,', 'redis://10.0.0.1:7000', '10.0.0.1:7000;10.0.0.2:7000']) {
      expect(problems({ ...valid, REDIS_CLUSTER_NODES: bad })).toEqual([
        expect.stringMatching(/^REDIS_CLUSTER_NODES: REDIS_CLUSTER_NODES must be comma-separated host:port seeds/),
      ]);
    }
    expect(problems({ ...valid, REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:70000' })).toEqual([
      'REDIS_CLUSTER_NODES: port out of range (1 to 65535) in 10.0.0.2:70000',
    ]);
  });

  it('serves every queue by default, or only the ones WORKER_QUEUES lists', () => {
    expect(loadConfig(valid).servesQueue('publishing')).toBe(true);
    const community = loadConfig({ ...valid, WORKER_QUEUES: ' community , accounts' });
    expect([community.servesQueue('community'), community.servesQueue('accounts'), community.servesQueue('publishing')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(problems({ ...valid, WORKER_QUEUES: 'publishing;drop' })).toEqual([expect.stringMatching(/^WORKER_QUEUES: /)]);
  });

  it('turns introspection off for anonymous callers in production unless asked', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).publicIntrospection).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production', GRAPHQL_PUBLIC_INTROSPECTION: 'true' }).publicIntrospection).toBe(true);
  });

  describe('secrets', () => {
    // Every secret value ever committed to the repository, in clear here on purpose:
    // they are public already, and each must be refused by name.
    const published: [string, string][] = [
      ['JWT_SECRET', 'local-development-only-jwt-secret-change-me-0001'],
      ['API_KEY_PEPPER', 'local-development-only-api-key-pepper-change-me-01'],
      ['JWT_SECRET', 'test-jwt-secret-that-is-long-enough-0123456789'],
      ['API_KEY_PEPPER', 'test-api-key-pepper-that-is-long-enough-012345'],
      ['JWT_SECRET', 'a-test-secret-that-is-long-enough-0123456789'],
      ['JWT_SECRET', 'a-completely-different-secret-of-enough-length'],
    ];

    it.each(published)('refuses %s = %s, published in the repository, naming the variable', (name, value) => {
      const found = problems({ ...valid, [name]: value });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${name}: ${name} (is a value published in the source repository|is too low in entropy)`));
      expect(found[0]).not.toContain(value);
    });

    it('refuses the published values for the other variable too (a fingerprint names the value, not the variable)', () => {
      const found = problems({ ...valid, API_KEY_PEPPER: 'a-completely-different-secret-of-enough-length' });
      expect(found).toEqual([expect.stringMatching(/^API_KEY_PEPPER: API_KEY_PEPPER is a value published in the source repository/)]);
    });

    it.each([
      ['dev1', '88Zzh7XPXObpwWUhkxKUpGLlQWspk1y3Ri3rVjtQxHA='],
      ['t0', 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='],
      ['t1', 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8='],
    ])('refuses the published encryption key "%s", also spelt in base64url, naming ENCRYPTION_KEYS and the key id', (id, key) => {
      const other = `k9:${randomBytes(32).toString('base64')}`;
      for (const spelling of [key, Buffer.from(key, 'base64').toString('base64url')]) {
        const found = problems({ ...valid, ENCRYPTION_KEYS: `${other},${id}:${spelling}`, ENCRYPTION_ACTIVE_KEY: 'k9' });
        expect(found).toEqual([
          expect.stringMatching(
            new RegExp(`^ENCRYPTION_KEYS: key "${id}" is (a value published in the source repository|too low in entropy)`),
          ),
        ]);
      }
    });

    it('refuses placeholders and look-alikes of the published values', () => {
      for (const value of [
        'local-development-only-jwt-secret-change-me-0002',
        'please-change-me-please-change-me-now',
        `your-jwt-secret-${random(24)}`,
        `${random(24)}-example-value`,
      ]) {
        expect(problems({ ...valid, JWT_SECRET: value })).toEqual([
          expect.stringMatching(
            /^JWT_SECRET: JWT_SECRET is a value published in the source repository \(a committed default or a placeholder\)/,
          ),
        ]);
      }
    });

    it('refuses secrets that are long enough but low in entropy, naming the variable', () => {
      for (const value of [
        'x'.repeat(32),
        'abcd'.repeat(10),
        'password'.repeat(5),
        'abcdefghijklmnopqrstuvwxyzabcdef',
        `${random(18)}0123456789`,
      ]) {
        const found = problems({ ...valid, API_KEY_PEPPER: value });
        expect({ value, found }).toEqual({
          value,
          found: [expect.stringMatching(/^API_KEY_PEPPER: API_KEY_PEPPER is too low in entropy/)],
        });
      }
      // Four letters drawn at random: no run and no repeated block, but about 2 bits a character.
      const fourLetters = 'aaabdddbdddabbabbacdaacdbcdbbbaddbabdcad';
      expect(estimatedEntropyBits(Array.from(fourLetters))).toBeLessThan(MIN_SECRET_ENTROPY_BITS);
      expect(problems({ ...valid, JWT_SECRET: fourLetters })).toEqual([
        expect.stringMatching(
          /^JWT_SECRET: JWT_SECRET is too low in entropy \(about 75 bits from its character frequencies, at least 88 needed\)/,
        ),
      ]);
    });

    it('refuses encryption keys that are not random', () => {
      const sameByte = Buffer.alloc(32, 7).toString('base64');
      const fewBytes = Buffer.from(Array.from({ length: 32 }, (_, i) => [1, 9, 200, 77][i % 4] + (i % 3))).toString('base64');
      for (const key of [sameByte, fewBytes]) {
        expect(problems({ ...valid, ENCRYPTION_KEYS: `weak:${key}` })).toEqual([
          expect.stringMatching(/^ENCRYPTION_KEYS: key "weak" is too low in entropy/),
        ]);
      }
    });

    it('refuses the same value as JWT_SECRET and API_KEY_PEPPER', () => {
      const same = random(48);
      expect(problems({ ...valid, JWT_SECRET: same, API_KEY_PEPPER: same })).toEqual([
        'API_KEY_PEPPER: API_KEY_PEPPER must differ from JWT_SECRET',
      ]);
    });

    it('reports every bad secret at once, with the other problems', () => {
      const found = problems({
        ...valid,
        PORT: 'eighty',
        JWT_SECRET: 'local-development-only-jwt-secret-change-me-0001',
        API_KEY_PEPPER: 'y'.repeat(40),
        ENCRYPTION_KEYS: 'dev1:88Zzh7XPXObpwWUhkxKUpGLlQWspk1y3Ri3rVjtQxHA=',
      });
      expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['API_KEY_PEPPER', 'ENCRYPTION_KEYS', 'JWT_SECRET', 'PORT']);
    });

    it('accepts random secrets as the start command and the test set-up generate them, and hex or base64 of 16 to 64 bytes', () => {
      for (let i = 0; i < 200; i++) {
        const bytes = 16 + (i % 49);
        const env = {
          ...valid,
          JWT_SECRET: i % 2 ? randomBytes(bytes).toString('hex') : random(Math.max(bytes, 24)),
          API_KEY_PEPPER: randomBytes(Math.max(bytes, 24)).toString('base64'),
          ENCRYPTION_KEYS: `a:${randomBytes(32).toString('base64')},b:${randomBytes(32).toString('base64')}`,
          ENCRYPTION_ACTIVE_KEY: 'b',
        };
        expect(problems(env)).toEqual([]);
      }
    });
  });
});
