import { EventEnvelope, EventMetadata } from '../envelope';
import { EventStore } from '../event-store';
import { EventTypeRegistry } from '../registry';

/** A store under test, and a way to change what it stored behind its back (an operator with database access). */
export interface StoreUnderTest {
  store: EventStore;
  rewrite(streamId: string, version: number, change: (stored: EventEnvelope) => EventEnvelope): Promise<void>;
}

/** Opens a store with this registry (and clock); stores opened by one harness may share their storage. */
export type OpenStore = (registry: EventTypeRegistry, options?: { clock?: () => Date }) => StoreUnderTest;

export const contractRegistry = () =>
  new EventTypeRegistry(
    [
      { streamType: 'need', type: 'NeedPosted', schemaVersion: 1 },
      { streamType: 'need', type: 'NeedRevised', schemaVersion: 2 },
    ],
    [
      // v1 carried a bare number of units; v2 carries an exact quantity with its unit.
      {
        type: 'NeedRevised',
        fromVersion: 1,
        upcast: (data) => {
          const { amount, ...rest } = data as { amount: number };
          return { ...rest, quantity: { amount: amount.toFixed(2), unit: 'USD' } };
        },
      },
    ],
  );

export const contractMetadata = (commandId: string): EventMetadata => ({
  commandId,
  correlationId: `corr-${commandId}`,
  causationId: commandId,
  actor: { sub: 'user-1', role: 'affected_state', participantId: 'LAO' },
});
