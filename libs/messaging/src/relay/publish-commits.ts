import { Message, Producer } from 'kafkajs';
import type { EventEnvelope, UnpublishedCommit } from '@cm/event-store';
import { inSpanPerItem, SpanKind, TraceCarrier, tracingStarted } from '@cm/observability';
import { StreamType, topicFor } from '../topics';

/**
 * Sends commits as one awaited batch, acknowledged by all in-sync replicas. Each traced commit gets a send span,
 * child of its request's trace (stored with the commit), whose context goes to the projectors in the W3C
 * `traceparent` header. `cm.outbox.wait_ms` is the relay's lag.
 */
export async function publishCommits(
  producer: Producer,
  commits: UnpublishedCommit[],
  topicPrefix: string,
): Promise<void> {
  const now = Date.now();
  const topicOf = (event: EventEnvelope) => topicFor(event.streamType as StreamType, topicPrefix);
  // Off: no items, so nothing is built per commit and every carrier is undefined.
  const traced = (tracingStarted() ? commits : []).map((commit) => ({
    carrier: commit.trace,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topicOf(commit.events[0]),
      'messaging.kafka.message.key': commit.events[0].streamId,
      'messaging.batch.message_count': commit.events.length,
      'cm.event.types': commit.events.map((event) => event.type).join(','),
      'cm.outbox.wait_ms': Math.max(0, now - Date.parse(commit.events[0].recordedAt)),
    },
  }));
  await inSpanPerItem(
    (item) => `send ${String(item.attributes['messaging.destination.name'])}`,
    SpanKind.PRODUCER,
    traced,
    async (carriers) => {
      const byTopic = new Map<string, Message[]>();
      commits.forEach((commit, index) => {
        for (const event of commit.events) {
          const messages = byTopic.get(topicOf(event)) ?? [];
          messages.push(messageOf(event, carriers[index]));
          byTopic.set(topicOf(event), messages);
        }
      });
      const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
      await producer.sendBatch({ acks: -1, topicMessages });
    },
  );
}

/** Key = stream id, so one stream's events keep their order on one partition; the value is the envelope as JSON. */
function messageOf(event: EventEnvelope, trace: TraceCarrier | undefined): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      type: event.type,
      eventId: event.eventId,
      streamType: event.streamType,
      schemaVersion: String(event.schemaVersion),
      ...trace,
    },
  };
}
