import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://socle_app@127.0.0.1:5432/socle',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  API_KEY_PEPPER: 'y'.repeat(32),
};

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

  it('turns introspection off for anonymous callers in production unless asked', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).publicIntrospection).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production', GRAPHQL_PUBLIC_INTROSPECTION: 'true' }).publicIntrospection).toBe(true);
  });
});
