import { Logger } from '@nestjs/common';
import type { ConnectorLogger } from '@socle/connector-sdk';

/**
 * Where plugins' log lines go: Nest's logger (the platform's JSON logs), context `Connector`.
 * Plugins are held by the conformance suite to write no credential here; fields are rendered
 * as JSON after the message.
 */
export function connectorLogger(logger: Pick<Logger, 'debug' | 'log' | 'warn' | 'error'> = new Logger('Connector')): ConnectorLogger {
  const render = (message: string, fields?: Record<string, unknown>): string => {
    if (fields === undefined) return String(message);
    try {
      return `${String(message)} ${JSON.stringify(fields)}`;
    } catch {
      return String(message);
    }
  };
  return {
    debug: (message, fields) => logger.debug(render(message, fields)),
    info: (message, fields) => logger.log(render(message, fields)),
    warn: (message, fields) => logger.warn(render(message, fields)),
    error: (message, fields) => logger.error(render(message, fields)),
  };
}
