export { createLogger, PinoNestLogger, REDACTED_PATHS } from './lib/logger';
export { Metrics } from './lib/metrics';
