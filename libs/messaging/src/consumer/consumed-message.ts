import type { IHeaders, KafkaMessage } from 'kafkajs';

/** A message as handlers see it: its coordinates, key, value and headers as text. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export type MessageHandler = (message: ConsumedMessage) => Promise<void>;
/** Applies a run of one partition's messages, in order, as one unit (e.g. one read and one write per document). */
export type BatchHandler = (messages: ConsumedMessage[]) => Promise<void>;

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value ?? '')]));
}

/** Headers are converted when first read: most handlers never read them, and a replay reads thousands a second. */
export function consumedOf(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  let headers: Record<string, string> | undefined;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    get headers() {
      return (headers ??= headersOf(message.headers));
    },
    timestamp: message.timestamp,
  };
}
