import type { EventEnvelope } from '@cm/event-store';
import type { StreamType } from '@cm/messaging';
import type { ProjectionSetName, ReadModelName } from './aliases';
import type { ModelDocuments } from './documents';

/** A set's read models, live (StoredDocuments) or held in memory by a rebuild (MemoryDocuments). */
export type ReadModelDocuments = Record<ReadModelName, ModelDocuments>;

/** Applies a run of one partition's events: per read model one load and one write for the whole run. */
export type ApplyBatch = (documents: ReadModelDocuments, envelopes: EventEnvelope[]) => Promise<void>;

export interface ProjectionSet {
  name: ProjectionSetName;
  streamType: StreamType;
  /** Safe to call again with the same events, or with older ones: every document remembers what it applied. */
  applyBatch: ApplyBatch;
  /** One event: a batch of one, through the same path. */
  apply(documents: ReadModelDocuments, envelope: EventEnvelope): Promise<void>;
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
  apply: (documents, envelope) => applyBatch(documents, [envelope]),
});
