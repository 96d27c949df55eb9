import { DynamicModule, Global, Module } from '@nestjs/common';
import { SocleConfig } from './config';

/** Makes the validated configuration injectable as `SocleConfig`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: SocleConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: SocleConfig, useValue: config }], exports: [SocleConfig] };
  }
}
