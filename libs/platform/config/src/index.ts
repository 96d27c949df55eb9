export { SocleConfig, ConfigError, loadConfig, loadConfigOrExit } from './lib/config';
export { ConfigModule } from './lib/config.module';
export { stopOnSignals } from './lib/shutdown';
