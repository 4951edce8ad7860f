import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  EventEnvelope,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  StreamRead,
  StreamVerification,
  VersionConflictError,
} from '@cm/event-store';

/** For unit tests only: the EventStore contract (expected version, idempotency by command id) in a Map. */
export class InMemoryEventStore implements EventStore {
  readonly streams = new Map<string, EventEnvelope[]>();
  /** Called before each append; a test can throw from it to simulate a crash or an outage. */
  beforeAppend?: (streamId: string, events: NewEvent[]) => void | Promise<void>;

  async append(
    streamId: string,
    streamType: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    await this.beforeAppend?.(streamId, events);
    const stream = this.streams.get(streamId) ?? [];
    const earlier = stream.filter((event) => event.metadata.commandId === metadata.commandId);
    if (earlier.length > 0) {
      const version = earlier[earlier.length - 1].version;
      return { streamId, version, fromVersion: earlier[0].version, events: earlier, duplicate: true };
    }
    const current = stream.length;
    const base = expectedVersion === 'any' ? current : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    if (base !== current) throw new VersionConflictError(streamId, expectedVersion, current);
    const recordedAt = new Date().toISOString();
    const envelopes: EventEnvelope[] = events.map((event, index) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      streamId,
      streamType,
      version: base + index + 1,
      occurredAt: event.occurredAt ?? recordedAt,
      recordedAt,
      data: structuredClone(event.data),
      metadata,
      prevHash: '',
      hash: '',
    }));
    this.streams.set(streamId, [...stream, ...envelopes]);
    return { streamId, version: base + events.length, fromVersion: base + 1, events: envelopes, duplicate: false };
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const events = this.streams.get(streamId) ?? [];
    return { streamId, streamType: events[0]?.streamType ?? null, version: events.length, events: [...events] };
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    return { streamId, ok: true, eventsChecked: this.streams.get(streamId)?.length ?? 0 };
  }

  eventsOf(streamId: string): EventEnvelope[] {
    return this.streams.get(streamId) ?? [];
  }

  get eventCount(): number {
    return [...this.streams.values()].reduce((total, stream) => total + stream.length, 0);
  }
}
