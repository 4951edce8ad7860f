import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { eventStoreCollections, ensureEventStoreIndexes } from './collections';
import { MongoEventStore } from './mongo-event-store';
import type { EventRegistration } from '@cm/domain';
import { EventTypeRegistry, Upcaster } from './registry';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const EVENT_TYPE_REGISTRY = Symbol('EVENT_TYPE_REGISTRY');

export interface EventStoreModuleOptions {
  registrations: readonly EventRegistration[];
  upcasters?: readonly Upcaster[];
}

/** Nest wiring around the framework-free store: one MongoEventStore per process on the app's database. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventStoreModule.name);

  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_TYPE_REGISTRY, useValue: new EventTypeRegistry(options.registrations, options.upcasters) },
        {
          provide: EVENT_STORE,
          inject: [MONGO_DB, EVENT_TYPE_REGISTRY],
          useFactory: (db: Db, registry: EventTypeRegistry) => new MongoEventStore(db, registry),
        },
      ],
      exports: [EVENT_STORE, EVENT_TYPE_REGISTRY],
    };
  }

  /** Index creation is best effort at start: a database that is down now is reported by readiness instead. */
  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStoreIndexes(eventStoreCollections(this.db)).catch((error: Error) =>
      this.logger.warn(`event store indexes not ensured yet: ${error.message}`),
    );
  }
}
