import { Db, MongoServerError } from 'mongodb';
import { carrierOf, inSpan } from '@cm/observability';
import { commitId, CommitDocument, CommitSummary, EventStoreCollections, eventStoreCollections } from './collections';
import { EventEnvelope, EventMetadata, NewEvent } from './envelope';
import { VersionConflictError } from './errors';
import { AppendResult, EventStore, ExpectedVersion, ReadOptions, StreamRead, StreamVerification } from './event-store';
import { firstBreak, GENESIS_HASH } from './hash-chain';
import { markForPublication } from './outbox/markers';
import { EventTypeRegistry } from './registry';
import { previousHash, seal } from './seal';
import { StreamHeads } from './stream-heads';
import { StreamTails } from './stream-tails';

const STREAM_ID = /^[A-Za-z0-9_.:@-]{1,200}$/;
/** An append slower than this between its outbox marker and its commit writes the marker again (see MongoOutbox). */
const MARKER_REFRESH_MS = 5_000;

export interface MongoEventStoreOptions {
  clock?: () => Date;
  /** How many streams' ends this process remembers, so that appends at those ends skip the head read. */
  cachedStreams?: number;
}

export class MongoEventStore implements EventStore {
  private readonly collections: EventStoreCollections;
  private readonly heads: StreamHeads;
  private readonly tails: StreamTails;
  private readonly clock: () => Date;

  constructor(
    db: Db,
    private readonly registry: EventTypeRegistry,
    options: MongoEventStoreOptions = {},
  ) {
    this.collections = eventStoreCollections(db);
    this.heads = new StreamHeads(this.collections);
    this.tails = new StreamTails(options.cachedStreams ?? 10_000);
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

    // The hot path: the caller decided on the end this process last saw (or on a new stream), so no head read.
    const tail = expectedVersion === 'no_stream' ? undefined : this.tails.at(streamId, expectedVersion as number);
    const known = expectedVersion === 'no_stream' || (tail !== undefined && tail.streamType === streamType);
    if (known && tail?.commandIds.has(metadata.commandId)) return this.duplicateOf(streamId, metadata.commandId);
    const end = known
      ? { base: tail?.version ?? 0, lastHash: tail?.lastHash }
      : await this.endFromHead(streamId, streamType, expectedVersion, metadata);
    if ('duplicate' in end) return end.duplicate;

    const recordedAt = this.clock();
    const envelopes = seal(events, end.lastHash ?? GENESIS_HASH, {
      streamId,
      streamType,
      base: end.base,
      schemaVersions: registrations.map((registration) => registration.schemaVersion),
      metadata,
      recordedAt,
    });
    const commit: CommitDocument = {
      _id: commitId(streamId, end.base + 1),
      streamId,
      streamType,
      start: end.base + 1,
      end: end.base + events.length,
      commandId: metadata.commandId,
      lastHash: envelopes[envelopes.length - 1].hash,
      events: envelopes,
      recordedAt,
    };
    const trace = carrierOf();
    if (trace) commit.trace = trace;

    // The marker and the commit go out together; see markForPublication for why either order is safe.
    const markedAt = Date.now();
    const [marked, inserted] = await Promise.allSettled([
      markForPublication(this.collections.outbox, streamId, streamType),
      this.collections.commits.insertOne(commit),
    ]);
    if (inserted.status === 'rejected') {
      const error: unknown = inserted.reason;
      if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
      this.tails.forget(streamId);
      const current = await this.heads.read(streamId, { probe: true });
      if (current.commits.some((summary) => summary.commandId === metadata.commandId)) {
        return this.duplicateOf(streamId, metadata.commandId, current.commits);
      }
      throw new VersionConflictError(streamId, expectedVersion, current.version);
    }
    if (marked.status === 'rejected' || Date.now() - markedAt > MARKER_REFRESH_MS)
      await markForPublication(this.collections.outbox, streamId, streamType);
    this.tails.advance(tail, commit);
    this.heads.recordLater(streamId, streamType, commit);
    return { streamId, version: commit.end, fromVersion: commit.start, events: envelopes, duplicate: false };
  }

  /** The slow path: where the stream ends according to its head (probed when it may lag), or the earlier result. */
  private async endFromHead(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    metadata: EventMetadata,
  ): Promise<{ base: number; lastHash?: string } | { duplicate: AppendResult }> {
    let head = await this.heads.read(streamId);
    if (head.streamType && head.streamType !== streamType) {
      throw new Error(`stream ${streamId} is a ${head.streamType} stream, not ${streamType}`);
    }
    if (head.commits.some((commit) => commit.commandId === metadata.commandId)) {
      return { duplicate: await this.duplicateOf(streamId, metadata.commandId, head.commits) };
    }
    if (expectedVersion === 'any' || (typeof expectedVersion === 'number' && expectedVersion > head.version)) {
      head = await this.heads.read(streamId, { probe: true }); // the head may lag behind its last commit
    }
    const base = expectedVersion === 'any' ? head.version : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    if (base !== head.version) throw new VersionConflictError(streamId, expectedVersion, head.version);
    return { base, lastHash: previousHash(head.commits, base) };
  }

  async readStream(streamId: string, options: ReadOptions = {}): Promise<StreamRead> {
    const { streamType, commits } = await this.heads.readCommits(streamId);
    if (streamType) this.tails.remember(streamId, streamType, commits);
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

  /**
   * The first result of a command already stored. Its stream is marked again: when the first attempt's marker write
   * failed after its commit landed, the client's retry is what gets the events published.
   */
  private async duplicateOf(streamId: string, commandId: string, known?: CommitSummary[]): Promise<AppendResult> {
    const summaries = known ?? (await this.heads.read(streamId, { probe: true })).commits;
    const summary = summaries.find((candidate) => candidate.commandId === commandId);
    const commit = summary && (await this.collections.commits.findOne({ _id: commitId(streamId, summary.start) }));
    if (!commit) throw new Error(`command ${commandId} is listed in stream ${streamId} but its commit is missing`);
    await markForPublication(this.collections.outbox, streamId, commit.streamType);
    return { streamId, version: commit.end, fromVersion: commit.start, events: commit.events, duplicate: true };
  }

  private upcast(event: EventEnvelope): EventEnvelope {
    const { schemaVersion, data } = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }
}
