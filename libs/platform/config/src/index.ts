export { SocleConfig, ConfigError, loadConfig } from './lib/config';
export { ConfigModule } from './lib/config.module';
