import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppIdentity {
  /** The app's name in logs, metrics and Kafka client ids: api, projector or relay. */
  name: string;
  defaultPort: number;
}

export const APP_IDENTITY = Symbol('APP_IDENTITY');

@Global()
@Module({})
export class ConfigModule {
  /** Without an explicit config (tests pass one), the environment is read when the app is created, not imported. */
  static forApp(identity: AppIdentity, config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useFactory: () => config ?? loadConfig(process.env, identity.defaultPort) },
        { provide: APP_IDENTITY, useValue: identity },
      ],
      exports: [APP_CONFIG, APP_IDENTITY],
    };
  }
}
