import { connectorLogger } from './connector-logger';

describe('connectorLogger', () => {
  it('writes each level through the platform logger, fields as JSON after the message', () => {
    const lines: string[] = [];
    const sink = {
      debug: (message: string) => void lines.push(`debug ${message}`),
      log: (message: string) => void lines.push(`info ${message}`),
      warn: (message: string) => void lines.push(`warn ${message}`),
      error: (message: string) => void lines.push(`error ${message}`),
    };
    const logger = connectorLogger(sink);
    logger.debug('polling', { host: 'mastodon.example' });
    logger.info('published');
    logger.warn('slow answer', { ms: 900 });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.error('failed', cyclic);
    expect(lines).toEqual(['debug polling {"host":"mastodon.example"}', 'info published', 'warn slow answer {"ms":900}', 'error failed']);
  });
});
