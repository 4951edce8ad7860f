import { Kafka } from 'kafkajs';
import { Db } from 'mongodb';
import { EventEnvelope, EventTypeRegistry, MongoEventStore } from '@cm/event-store';
import { eventRegistrations } from '@cm/domain';
import { uniqueName } from './servers';

/** An event store with the real domain registrations, for tests that need streams to publish. */
export function storeFor(db: Db): MongoEventStore {
  return new MongoEventStore(db, new EventTypeRegistry(eventRegistrations));
}

/** Appends `perStream` NeedRevised-like events to each of `streams` needs (one command per event). */
export async function appendNeedEvents(store: MongoEventStore, streams: string[], perStream: number): Promise<void> {
  for (let version = 1; version <= perStream; version++) {
    await Promise.all(
      streams.map((streamId) =>
        store.append(
          streamId,
          'need',
          version === 1 ? 'no_stream' : version - 1,
          [{ type: version === 1 ? 'NeedPosted' : 'NeedRevised', data: { needId: streamId, n: version } }],
          {
            commandId: `${streamId}-${version}`,
            correlationId: 'test',
            causationId: `${streamId}-${version}`,
            actor: { sub: 'test', role: 'coordinator' },
          },
        ),
      ),
    );
  }
}

export interface ReceivedLog {
  events: EventEnvelope[];
  stop: () => Promise<void>;
}

/** Reads a topic from the beginning with a fresh consumer group and collects the envelopes as they arrive. */
export async function collectTopic(kafka: Kafka, topic: string): Promise<ReceivedLog> {
  const consumer = kafka.consumer({ groupId: uniqueName('collector'), retry: { retries: 20 } });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const events: EventEnvelope[] = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as EventEnvelope;
      expect(message.key!.toString()).toBe(envelope.streamId);
      expect(message.headers!.eventId!.toString()).toBe(envelope.eventId);
      events.push(envelope);
    },
  });
  return { events, stop: () => consumer.disconnect() };
}

/**
 * Checks per-stream order with duplicates allowed only as the same event: dropping repeats of a version must leave
 * versions 1..n in order, and a repeat must carry the original event id.
 */
export function assertStreamOrder(events: EventEnvelope[], expectedPerStream: Map<string, number>): void {
  const byStream = new Map<string, EventEnvelope[]>();
  for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  expect([...byStream.keys()].sort()).toEqual([...expectedPerStream.keys()].sort());
  for (const [streamId, received] of byStream) {
    const firstIdOfVersion = new Map<number, string>();
    const firstSeen: number[] = [];
    for (const event of received) {
      const known = firstIdOfVersion.get(event.version);
      if (known === undefined) {
        firstIdOfVersion.set(event.version, event.eventId);
        firstSeen.push(event.version);
      } else {
        expect(event.eventId).toBe(known);
      }
    }
    const count = expectedPerStream.get(streamId)!;
    expect({ streamId, versions: firstSeen }).toEqual({
      streamId,
      versions: Array.from({ length: count }, (_, i) => i + 1),
    });
  }
}
