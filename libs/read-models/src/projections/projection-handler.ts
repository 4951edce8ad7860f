import type { EventEnvelope } from '@cm/event-store';
import type { BatchHandler, ConsumedMessage, MessageHandler } from '@cm/messaging';
import type { Db } from 'mongodb';
import type { ProjectionSetName } from './aliases';
import { collectionsOf, projectionSets } from './projection-sets';

/** What a handler reports after each applied message: the position it reached. */
export type AppliedListener = (message: ConsumedMessage, envelope: EventEnvelope) => void;

/**
 * The Kafka adapter of a projection set: parse the envelopes of a fetched batch and apply the set's own events to
 * one generation's collections, together (see ProjectionSet.applyBatch).
 */
export function projectionBatchHandler(
  db: Db,
  setName: ProjectionSetName,
  generation: string,
  onApplied?: AppliedListener,
): BatchHandler {
  const set = projectionSets[setName];
  const collections = collectionsOf(db, setName, generation);
  return async (messages) => {
    const parsed = messages
      .filter((message) => message.value)
      .map((message) => ({ message, envelope: JSON.parse(message.value!.toString()) as EventEnvelope }));
    const envelopes = parsed
      .map(({ envelope }) => envelope)
      .filter((envelope) => envelope.streamType === set.streamType);
    if (envelopes.length > 0) await set.applyBatch(collections, envelopes);
    for (const { message, envelope } of parsed) onApplied?.(message, envelope);
  };
}

/** One message (a batch replayed message by message after it kept failing): a batch of one, the same path. */
export function projectionHandler(
  db: Db,
  setName: ProjectionSetName,
  generation: string,
  onApplied?: AppliedListener,
): MessageHandler {
  const batch = projectionBatchHandler(db, setName, generation, onApplied);
  return (message) => batch([message]);
}
