import { eventStoreContract } from './event-store-contract';
import { InMemoryEventStore } from './in-memory-event-store';

describe('InMemoryEventStore, on the contract the MongoDB store passes', () => {
  eventStoreContract((registry, options) => {
    const store = new InMemoryEventStore(registry, options);
    return { store, rewrite: async (streamId, version, change) => store.rewrite(streamId, version, change) };
  });
});
