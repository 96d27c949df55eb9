import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createDataSource, EntityClass } from './data-source';
import { releaseParkedConnections } from './unit-of-work';
import { UnitOfWorkFactory } from './unit-of-work-factory';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    await releaseParkedConnections(this.dataSource);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** The application's one DataSource, connected as the application role. */
  static forRoot(options: { url: string; poolSize: number; entities: EntityClass[]; applicationName: string }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATA_SOURCE,
          useFactory: async () => createDataSource(options).initialize(),
        },
        { provide: UnitOfWorkFactory, useFactory: (dataSource: DataSource) => new UnitOfWorkFactory(dataSource), inject: [DATA_SOURCE] },
        DataSourceCloser,
      ],
      exports: [DATA_SOURCE, UnitOfWorkFactory],
    };
  }
}
