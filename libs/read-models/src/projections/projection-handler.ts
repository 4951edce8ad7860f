import type { EventEnvelope } from '@cm/event-store';
import type { BatchHandler, ConsumedMessage, MessageHandler } from '@cm/messaging';
import type { Db } from 'mongodb';
import type { ProjectionSetName } from './aliases';
import type { ReadModelDocuments } from './projection-set';
import { collectionsOf, projectionSets } from './projection-sets';

/** What a handler reports after each applied message: the position it reached. */
export type AppliedListener = (message: ConsumedMessage, envelope: EventEnvelope) => void;

/**
 * The Kafka adapter of a projection set: parse the envelopes of a fetched batch and apply the set's own events to
 * one generation's read models, together (see ProjectionSet.applyBatch): live by default, or the documents a rebuild
 * holds in memory.
 */
export function projectionBatchHandler(
  db: Db,
  setName: ProjectionSetName,
  generation: string,
  onApplied?: AppliedListener,
  collections: ReadModelDocuments = collectionsOf(db, setName, generation),
): BatchHandler {
  const set = projectionSets[setName];
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
  collections?: ReadModelDocuments,
): MessageHandler {
  const batch = projectionBatchHandler(db, setName, generation, onApplied, collections);
  return (message) => batch([message]);
}
