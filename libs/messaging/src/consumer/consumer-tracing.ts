import { inSpanPerItem, SpanKind, TracedItem, tracingStarted } from '@cm/observability';
import type { ConsumedMessage } from './consumed-message';

/**
 * Each message that carries a trace (W3C `traceparent` header, set by the relay) gets a process span, child of the
 * relay's send; `cm.consumer.lag_ms` is how long after the send it was applied.
 */
export function traced(groupId: string, messages: ConsumedMessage[], apply: () => Promise<void>): Promise<void> {
  if (!tracingStarted()) return apply();
  const now = Date.now();
  const items: TracedItem[] = messages.map((message) => ({
    carrier: message.headers,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.topic,
      'messaging.consumer.group.name': groupId,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.batch.message_count': messages.length,
      'cm.event.type': message.headers.type,
      'cm.consumer.lag_ms': Math.max(0, now - Number(message.timestamp)),
    },
  }));
  const topic = messages[0].topic;
  return inSpanPerItem(() => `process ${topic}`, SpanKind.CONSUMER, items, apply);
}
