export * from './collections';
export * from './envelope';
export * from './errors';
export * from './event-store';
export { EVENT_STORE, EVENT_TYPE_REGISTRY, EventStoreModule, EventStoreModuleOptions } from './event-store.module';
export { canonicalJson, firstBreak, GENESIS_HASH, hashOf } from './hash-chain';
export { MongoEventStore, MongoEventStoreOptions } from './mongo-event-store';
export { EventTypeRegistration, EventTypeRegistry, Upcaster } from './registry';
export { StreamHeads } from './stream-heads';
