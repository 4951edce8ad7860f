/**
 * Seeds the event topics straight from a raw batched producer, with the envelopes and messages the relay would
 * publish: each command's event sealed by the event store's own `seal` (hash chain, schema version from the domain's
 * registrations) and sent by the relay's own `publishCommits`. Skipping the store and the outbox is what makes a log
 * of 50,000 events take seconds instead of minutes; the rebuild only reads Kafka, so nothing else is needed.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Kafka } from 'kafkajs';
import { eventRegistrations } from '@cm/domain';
import { EventTypeRegistry, GENESIS_HASH, seal, type UnpublishedCommit } from '@cm/event-store';
import { publishCommits } from '@cm/messaging';
import { replayLog } from './replay-log';

/** Events per publishCommits call: one sendBatch of about 1 MB. */
const SEND_EVENTS = 1_000;
/** Recording times advance by this much per event from a fixed start, so reruns seal the same times. */
const TICK_MS = 250;
const START = Date.parse('2025-02-01T10:00:00.000Z');

export interface SeededLog {
  events: number;
  streams: number;
  /** Events per stream type, which is events per topic. */
  byStreamType: Record<string, number>;
  streamsByType: Record<string, number>;
  seconds: number;
}

export async function seedTopics(
  kafka: Kafka,
  topicPrefix: string,
  events: number,
  log: (line: string) => void,
): Promise<SeededLog> {
  const registry = new EventTypeRegistry(eventRegistrations);
  const tails = new Map<string, { version: number; hash: string }>();
  const byStreamType: Record<string, number> = {};
  const streamsByType: Record<string, number> = {};
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = Date.now();
  let sent = 0;
  let reported = started;
  let pending: UnpublishedCommit[] = [];
  const send = async () => {
    await publishCommits(producer, pending, topicPrefix);
    sent += pending.length;
    pending = [];
    if (Date.now() - reported >= 1_000 || sent >= events) {
      reported = Date.now();
      const rate = (sent * 1000) / Math.max(1, reported - started);
      log(`  seeded ${sent.toLocaleString('en-US')} / ${events.toLocaleString('en-US')} events (${rate.toFixed(0)}/s)`);
    }
  };
  try {
    for (const { story, step } of replayLog(events)) {
      const [streamType, id, event] = step;
      const streamId = `${streamType}-${id}`;
      const tail = tails.get(streamId) ?? { version: 0, hash: GENESIS_HASH };
      const commandId = uuidv7();
      const [envelope] = seal([event], tail.hash, {
        streamId,
        streamType,
        base: tail.version,
        schemaVersions: [registry.registrationFor(event.type, streamType).schemaVersion],
        metadata: { commandId, correlationId: story, causationId: commandId, actor: { sub: 'seed', role: 'admin' } },
        recordedAt: new Date(START + (sent + pending.length) * TICK_MS),
      });
      tails.set(streamId, { version: envelope.version, hash: envelope.hash });
      byStreamType[streamType] = (byStreamType[streamType] ?? 0) + 1;
      if (envelope.version === 1) streamsByType[streamType] = (streamsByType[streamType] ?? 0) + 1;
      pending.push({ events: [envelope] });
      if (pending.length >= SEND_EVENTS) await send();
    }
    if (pending.length > 0) await send();
  } finally {
    await producer.disconnect();
  }
  return { events: sent, streams: tails.size, byStreamType, streamsByType, seconds: (Date.now() - started) / 1000 };
}
