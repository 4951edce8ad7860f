import { v7 as uuidv7 } from 'uuid';
import { EventEnvelope, EventMetadata, NewEvent } from '../envelope';
import { VersionConflictError } from '../errors';
import { AppendResult, EventStore, ExpectedVersion, ReadOptions, StreamRead, StreamVerification } from '../event-store';
import { firstBreak, GENESIS_HASH, hashOf } from '../hash-chain';
import { EventTypeRegistry } from '../registry';

const STREAM_ID = /^[A-Za-z0-9_.:@-]{1,200}$/;

/** One command's events, as the MongoDB store keeps them in one commit document. */
interface Commit {
  commandId: string;
  events: EventEnvelope[];
}

export interface InMemoryEventStoreOptions {
  clock?: () => Date;
}

/**
 * For unit tests only: the EventStore contract (`event-store-contract.ts`, which the MongoDB store passes too) in a
 * Map: expected versions, idempotency by command id, registered types, the hash chain, upcasting and time travel.
 * Appends are atomic because nothing is awaited between the version check and the write.
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, { streamType: string; commits: Commit[] }>();
  private readonly clock: () => Date;
  /** Called before each append; a test can throw from it to simulate a crash or an outage. */
  beforeAppend?: (streamId: string, events: NewEvent[]) => void | Promise<void>;

  constructor(
    private readonly registry: EventTypeRegistry,
    options: InMemoryEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    await this.beforeAppend?.(streamId, events);
    if (!STREAM_ID.test(streamId)) throw new Error(`invalid stream id ${JSON.stringify(streamId)}`);
    if (events.length === 0) throw new Error('append needs at least one event');
    const registrations = events.map((event) => this.registry.registrationFor(event.type, streamType));
    const stream = this.streams.get(streamId) ?? { streamType, commits: [] };
    if (stream.streamType !== streamType) {
      throw new Error(`stream ${streamId} is a ${stream.streamType} stream, not ${streamType}`);
    }
    const earlier = stream.commits.find((commit) => commit.commandId === metadata.commandId);
    if (earlier) return resultOf(streamId, structuredClone(earlier.events), true);

    const stored = stream.commits.flatMap((commit) => commit.events);
    const current = stored.length;
    const base = expectedVersion === 'any' ? current : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    if (base !== current) throw new VersionConflictError(streamId, expectedVersion, current);

    const recordedAt = this.clock().toISOString();
    const envelopes: EventEnvelope[] = [];
    let prevHash = stored.at(-1)?.hash ?? GENESIS_HASH;
    for (const [index, event] of events.entries()) {
      const unsigned = {
        eventId: uuidv7(),
        type: event.type,
        schemaVersion: registrations[index].schemaVersion,
        streamId,
        streamType,
        version: base + index + 1,
        occurredAt: event.occurredAt ?? recordedAt,
        recordedAt,
        data: structuredClone(event.data),
        metadata: structuredClone(metadata),
        prevHash,
      };
      const envelope = { ...unsigned, hash: hashOf(unsigned) };
      envelopes.push(envelope);
      prevHash = envelope.hash;
    }
    stream.commits.push({ commandId: metadata.commandId, events: envelopes });
    this.streams.set(streamId, stream);
    return resultOf(streamId, structuredClone(envelopes), false);
  }

  async readStream(streamId: string, options: ReadOptions = {}): Promise<StreamRead> {
    const until = options.until === undefined ? undefined : new Date(options.until).toISOString();
    const events = this.eventsOf(streamId)
      .filter(
        (event) =>
          (options.toVersion === undefined || event.version <= options.toVersion) &&
          (until === undefined || event.recordedAt <= until),
      )
      .map((event) => this.upcast(event));
    const streamType = this.streams.get(streamId)?.streamType ?? null;
    return { streamId, streamType, version: events.at(-1)?.version ?? 0, events };
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const stored = this.eventsOf(streamId);
    const broken = firstBreak(stored);
    return broken
      ? { streamId, ok: false, eventsChecked: stored.length, firstBrokenVersion: broken.version, reason: broken.reason }
      : { streamId, ok: true, eventsChecked: stored.length };
  }

  /** The stream's events as stored (not upcast), copied: what a test inspects after the api wrote them. */
  eventsOf(streamId: string): EventEnvelope[] {
    return structuredClone(this.streams.get(streamId)?.commits.flatMap((commit) => commit.events) ?? []);
  }

  get eventCount(): number {
    let count = 0;
    for (const { commits } of this.streams.values()) for (const commit of commits) count += commit.events.length;
    return count;
  }

  /** Rewrites one stored event behind the store's back, as someone with database access could. */
  rewrite(streamId: string, version: number, change: (stored: EventEnvelope) => EventEnvelope): void {
    for (const commit of this.streams.get(streamId)?.commits ?? []) {
      const index = commit.events.findIndex((event) => event.version === version);
      if (index >= 0) {
        commit.events[index] = change(structuredClone(commit.events[index]));
        return;
      }
    }
    throw new Error(`stream ${streamId} has no version ${version}`);
  }

  private upcast(event: EventEnvelope): EventEnvelope {
    const { schemaVersion, data } = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }
}

function resultOf(streamId: string, events: EventEnvelope[], duplicate: boolean): AppendResult {
  return { streamId, version: events.at(-1)!.version, fromVersion: events[0].version, events, duplicate };
}
