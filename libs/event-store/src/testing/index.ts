/** Test doubles of the event store, for unit tests only (dependency-cruiser keeps production code out of here). */
export { InMemoryEventStore, InMemoryEventStoreOptions } from './in-memory-event-store';
export { OpenStore, StoreUnderTest } from './contract-fixtures';
export { eventStoreContract } from './event-store-contract';
