import { Kafka, logLevel } from 'kafkajs';
import type { Db, Document } from 'mongodb';
import type { EventEnvelope } from '@cm/event-store';
import { collectionNameOf, liveAlias, type ReadModelName } from '@cm/read-models';
import { waitFor } from '../support/processes';
import { uniqueName } from '../support/servers';

/** How the cluster proof reads what the stack holds: live read-model documents, a whole topic, compared as stored. */

/** JSON as stored: undefined fields dropped, keys sorted, so a folded document and a read one compare equal. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return value === undefined ? 'undefined' : JSON.stringify(sort(JSON.parse(JSON.stringify(value))));
}

export async function liveDocs(
  db: Db,
  model: ReadModelName,
  set: Parameters<typeof liveAlias>[1],
): Promise<Document[]> {
  const alias = await liveAlias(db, set);
  return db.collection(collectionNameOf(model, alias.generation)).find({}).toArray();
}

/** Every envelope of a topic from offset 0, read by a fresh group until `count` distinct events have arrived. */
export async function readTopic(brokers: string, topic: string, count: number): Promise<EventEnvelope[]> {
  const kafka = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  const consumer = kafka.consumer({ groupId: uniqueName('cluster_check') });
  const received: EventEnvelope[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push(JSON.parse(message.value!.toString()) as EventEnvelope);
      },
    });
    await waitFor(
      async () => (new Set(received.map((e) => e.eventId)).size >= count ? true : undefined),
      `${count} events on ${topic}`,
      120_000,
      () => `${received.length} received`,
    );
  } finally {
    await consumer.disconnect();
  }
  return received;
}
