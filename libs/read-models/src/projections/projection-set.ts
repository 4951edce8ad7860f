import type { EventEnvelope } from '@cm/event-store';
import type { StreamType } from '@cm/messaging';
import type { Collection, Document } from 'mongodb';
import type { ProjectionSetName, ReadModelName } from './aliases';

export type ReadModelCollections = Record<ReadModelName, Collection<Document>>;

/** Applies a run of one partition's events, with one read and one write per document. */
export type ApplyBatch = (collections: ReadModelCollections, envelopes: EventEnvelope[]) => Promise<void>;

export interface ProjectionSet {
  name: ProjectionSetName;
  streamType: StreamType;
  /** Safe to call again with the same events, or with older ones: every document remembers what it applied. */
  applyBatch: ApplyBatch;
  /** One event: a batch of one, through the same path. */
  apply(collections: ReadModelCollections, envelope: EventEnvelope): Promise<void>;
}

/** A set defined by its batch path alone, so that one event and a fetched batch are always applied the same way. */
export const projectionSet = (
  name: ProjectionSetName,
  streamType: StreamType,
  applyBatch: ApplyBatch,
): ProjectionSet => ({
  name,
  streamType,
  applyBatch,
  apply: (collections, envelope) => applyBatch(collections, [envelope]),
});
