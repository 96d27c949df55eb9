import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@socle/accounts';
import { CommunityModule } from '@socle/community';
import { ENTITIES } from '@socle/domain-catalog';
import { ConfigModule, SocleConfig } from '@socle/platform-config';
import { DatabaseModule } from '@socle/platform-database';
import { QueueModule } from '@socle/platform-queue';

/** Composition root of the worker: the domain modules whose jobs it runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: SocleConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: ENTITIES, applicationName: 'socle-worker' }),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        AccountsModule,
        CommunityModule.forRoot(),
      ],
    };
  }
}
