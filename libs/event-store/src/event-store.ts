import { EventEnvelope, EventMetadata, NewEvent } from './envelope';

/**
 * `expectedVersion`: the stream version the caller decided on (as returned by `readStream`), `'no_stream'` for a
 * stream that must not exist yet, or `'any'` to append at whatever the end is.
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after this append (the last new event's version). */
  version: number;
  /** The first and last versions written by this command. */
  fromVersion: number;
  events: EventEnvelope[];
  /** True when the command id was already stored: nothing was written and this is the first result. */
  duplicate: boolean;
}

export interface ReadOptions {
  /** Only events up to this version. */
  toVersion?: number;
  /** Only events recorded at or before this time (ISO 8601): the stream as it was then. */
  until?: string;
}

export interface StreamRead {
  streamId: string;
  streamType: string | null;
  /** Version of the last event returned (0 when none). */
  version: number;
  events: EventEnvelope[];
}

/** A stream at a version: what a command wrote, and what a read model must have applied to include it. */
export interface StreamPosition {
  streamType: string;
  streamId: string;
  version: number;
}

export interface StreamVerification {
  streamId: string;
  ok: boolean;
  eventsChecked: number;
  /** The first version whose hash or link to its predecessor does not hold. */
  firstBrokenVersion?: number;
  reason?: string;
}

export interface EventStore {
  append(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadOptions): Promise<StreamRead>;
  verifyStream(streamId: string): Promise<StreamVerification>;
}
