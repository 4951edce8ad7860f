import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Db, MongoClient } from 'mongodb';
import { APP_CONFIG, APP_IDENTITY, AppIdentity } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

export const MONGO_CLIENT = Symbol('MONGO_CLIENT');
export const MONGO_DB = Symbol('MONGO_DB');

/**
 * One MongoClient per process. It connects lazily, so an app starts (and reports not-ready) while the database is
 * down, and reconnects on its own when the database returns.
 */
@Global()
@Module({
  providers: [
    {
      provide: MONGO_CLIENT,
      inject: [APP_CONFIG, APP_IDENTITY],
      useFactory: (config: AppConfig, identity: AppIdentity) =>
        new MongoClient(config.MONGODB_URI, {
          appName: `cm-article6-${identity.name}`,
          serverSelectionTimeoutMS: 5_000,
          // FerretDB 1.24 and a single-node server have no retryable writes guarantees worth relying on.
          retryWrites: false,
        }),
    },
    {
      provide: MONGO_DB,
      inject: [MONGO_CLIENT, APP_CONFIG],
      useFactory: (client: MongoClient, config: AppConfig): Db => client.db(config.MONGODB_DATABASE),
    },
  ],
  exports: [MONGO_CLIENT, MONGO_DB],
})
export class MongoDbModule implements OnApplicationShutdown {
  private readonly logger = new Logger(MongoDbModule.name);

  constructor(@Inject(MONGO_CLIENT) private readonly client: MongoClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
    this.logger.log('MongoDB connection closed');
  }
}
