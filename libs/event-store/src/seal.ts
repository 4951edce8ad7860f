import { v7 as uuidv7 } from 'uuid';
import type { CommitSummary } from './collections';
import type { EventEnvelope, EventMetadata, NewEvent } from './envelope';
import { GENESIS_HASH, hashOf } from './hash-chain';

export interface SealContext {
  streamId: string;
  streamType: string;
  /** The stream's version before these events. */
  base: number;
  /** The schema version each event is written with, in the order of the events. */
  schemaVersions: number[];
  metadata: EventMetadata;
  recordedAt: Date;
}

/** The hash the first new event links to: the last hash of the commit that ends at `base`. */
export function previousHash(commits: CommitSummary[], base: number): string {
  if (base === 0) return GENESIS_HASH;
  const previous = commits.find((commit) => commit.end === base);
  if (!previous) throw new Error(`no commit ends at version ${base}`);
  return previous.lastHash;
}

/** Turns a command's new events into stored envelopes, each hashed and linked to the one before. */
export function seal(events: NewEvent[], prevHash: string, context: SealContext): EventEnvelope[] {
  const recordedAt = context.recordedAt.toISOString();
  const sealed: EventEnvelope[] = [];
  let previous = prevHash;
  for (const [index, event] of events.entries()) {
    const unsigned = {
      eventId: uuidv7(),
      type: event.type,
      schemaVersion: context.schemaVersions[index],
      streamId: context.streamId,
      streamType: context.streamType,
      version: context.base + index + 1,
      occurredAt: event.occurredAt ?? recordedAt,
      recordedAt,
      data: event.data,
      metadata: context.metadata,
      prevHash: previous,
    };
    const envelope = { ...unsigned, hash: hashOf(unsigned) };
    sealed.push(envelope);
    previous = envelope.hash;
  }
  return sealed;
}
