import { Db, MongoServerError } from 'mongodb';
import { carrierOf, inSpan } from '@cm/observability';
import { commitId, CommitDocument, CommitSummary, EventStoreCollections, eventStoreCollections } from './collections';
import { EventEnvelope, EventMetadata, NewEvent } from './envelope';
import { VersionConflictError } from './errors';
import { AppendResult, EventStore, ExpectedVersion, ReadOptions, StreamRead, StreamVerification } from './event-store';
import { firstBreak } from './hash-chain';
import { markForPublication } from './outbox/markers';
import { EventTypeRegistry } from './registry';
import { previousHash, seal } from './seal';
import { StreamHeads } from './stream-heads';

const STREAM_ID = /^[A-Za-z0-9_.:@-]{1,200}$/;
/** An append slower than this between its outbox marker and its commit writes the marker again (see MongoOutbox). */
const MARKER_REFRESH_MS = 5_000;

export interface MongoEventStoreOptions {
  clock?: () => Date;
}

export class MongoEventStore implements EventStore {
  private readonly collections: EventStoreCollections;
  private readonly heads: StreamHeads;
  private readonly clock: () => Date;

  constructor(
    db: Db,
    private readonly registry: EventTypeRegistry,
    options: MongoEventStoreOptions = {},
  ) {
    this.collections = eventStoreCollections(db);
    this.heads = new StreamHeads(this.collections);
    this.clock = options.clock ?? (() => new Date());
  }

  append(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    const attributes = { 'cm.stream.id': streamId, 'cm.stream.type': streamType, 'cm.command.id': metadata.commandId };
    return inSpan('event-store append', attributes, async (span) => {
      const result = await this.appendTraced(streamId, streamType, expectedVersion, events, metadata);
      span?.setAttributes({ 'cm.stream.version': result.version, 'cm.append.duplicate': result.duplicate });
      return result;
    });
  }

  private async appendTraced(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    if (!STREAM_ID.test(streamId)) throw new Error(`invalid stream id ${JSON.stringify(streamId)}`);
    if (events.length === 0) throw new Error('append needs at least one event');
    const registrations = events.map((event) => this.registry.registrationFor(event.type, streamType));

    // The outbox marker must exist before the commit; writing it alongside the head read saves a round trip.
    const markedAt = Date.now();
    const [initialHead] = await Promise.all([
      this.heads.read(streamId),
      markForPublication(this.collections.outbox, streamId, streamType),
    ]);
    let head = initialHead;
    if (head.streamType && head.streamType !== streamType) {
      throw new Error(`stream ${streamId} is a ${head.streamType} stream, not ${streamType}`);
    }
    const earlier = head.commits.find((commit) => commit.commandId === metadata.commandId);
    if (earlier) return this.duplicateOf(streamId, earlier);
    if (expectedVersion === 'any' || (typeof expectedVersion === 'number' && expectedVersion > head.version)) {
      head = await this.heads.read(streamId, { probe: true }); // the head may lag behind its last commit
    }
    const base = expectedVersion === 'any' ? head.version : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    if (base !== head.version) throw new VersionConflictError(streamId, expectedVersion, head.version);

    const recordedAt = this.clock();
    const envelopes = seal(events, previousHash(head.commits, base), {
      streamId,
      streamType,
      base,
      schemaVersions: registrations.map((registration) => registration.schemaVersion),
      metadata,
      recordedAt,
    });
    const commit: CommitDocument = {
      _id: commitId(streamId, base + 1),
      streamId,
      streamType,
      start: base + 1,
      end: base + events.length,
      commandId: metadata.commandId,
      lastHash: envelopes[envelopes.length - 1].hash,
      events: envelopes,
      recordedAt,
    };
    const trace = carrierOf();
    if (trace) commit.trace = trace;

    try {
      await this.collections.commits.insertOne(commit);
    } catch (error) {
      if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
      const current = await this.heads.read(streamId, { probe: true });
      const stored = current.commits.find((summary) => summary.commandId === metadata.commandId);
      if (stored) return this.duplicateOf(streamId, stored);
      throw new VersionConflictError(streamId, expectedVersion, current.version);
    }
    if (Date.now() - markedAt > MARKER_REFRESH_MS)
      await markForPublication(this.collections.outbox, streamId, streamType);
    await this.heads.record(streamId, streamType, commit);
    return { streamId, version: commit.end, fromVersion: commit.start, events: envelopes, duplicate: false };
  }

  async readStream(streamId: string, options: ReadOptions = {}): Promise<StreamRead> {
    const { streamType, commits } = await this.heads.readCommits(streamId);
    const stored = commits.flatMap((commit) => commit.events);
    const wanted = stored.filter(
      (event) =>
        (options.toVersion === undefined || event.version <= options.toVersion) &&
        (options.until === undefined || event.recordedAt <= new Date(options.until).toISOString()),
    );
    const events = wanted.map((event) => this.upcast(event));
    return { streamId, streamType, version: events.at(-1)?.version ?? 0, events };
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const { commits } = await this.heads.readCommits(streamId);
    const stored = commits.flatMap((commit) => commit.events);
    const broken = firstBreak(stored);
    return broken
      ? { streamId, ok: false, eventsChecked: stored.length, firstBrokenVersion: broken.version, reason: broken.reason }
      : { streamId, ok: true, eventsChecked: stored.length };
  }

  private async duplicateOf(streamId: string, summary: CommitSummary): Promise<AppendResult> {
    const commit = await this.collections.commits.findOne({ _id: commitId(streamId, summary.start) });
    if (!commit) throw new Error(`commit ${commitId(streamId, summary.start)} is listed but missing`);
    return { streamId, version: commit.end, fromVersion: commit.start, events: commit.events, duplicate: true };
  }

  private upcast(event: EventEnvelope): EventEnvelope {
    const { schemaVersion, data } = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }
}
