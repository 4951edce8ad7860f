import type { Consumer, Kafka } from 'kafkajs';
import { now } from './measure';

export type ConsumeMode = 'eachBatch' | 'eachMessage';

export interface ConsumeResult {
  count: number;
  /** From the first delivered batch to the last counted message (or the time limit). */
  seconds: number;
  joinSeconds: number;
}

/**
 * A fresh consumer group reads `limit` messages of `topic` (or of several topics) from the beginning (auto-commit as
 * the apps use it), or as many as arrive within maxSeconds of the first batch; the consumer is disconnected before
 * returning.
 */
export async function consumeFromBeginning(
  kafka: Kafka,
  topic: string | string[],
  groupId: string,
  mode: ConsumeMode,
  limit: number,
  options: { maxSeconds: number },
  track: { groups: string[]; consumers: Consumer[] },
): Promise<ConsumeResult> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  track.groups.push(groupId);
  track.consumers.push(consumer);
  let count = 0;
  let bytes = 0;
  let firstAt: number | undefined;
  let finish: (at: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let timer: NodeJS.Timeout | undefined;
  const arrived = () => {
    if (firstAt === undefined) {
      firstAt = now();
      // Bounded: stop counting maxSeconds after the first batch even if the topic was not read to its end.
      timer = setTimeout(() => finish(now()), options.maxSeconds * 1000);
    }
  };
  // No first batch within this bound means something is wrong with the broker or the group; fail instead of hanging.
  const joinTimer = setTimeout(() => finish(Number.NaN), 30_000);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: typeof topic === 'string' ? [topic] : topic, fromBeginning: true });
    const runAt = now();
    if (mode === 'eachBatch') {
      await consumer.run({
        eachBatch: async ({ batch }) => {
          arrived();
          for (const message of batch.messages) bytes += message.value?.length ?? 0;
          count += batch.messages.length;
          if (count >= limit) finish(now());
        },
      });
    } else {
      await consumer.run({
        eachMessage: async ({ message }) => {
          arrived();
          bytes += message.value?.length ?? 0;
          count += 1;
          if (count >= limit) finish(now());
        },
      });
    }
    const doneAt = await finished;
    if (Number.isNaN(doneAt) || firstAt === undefined) throw new Error(`${groupId} received nothing within 30s`);
    const counted = Math.min(count, limit);
    if (bytes === 0) throw new Error(`${groupId} received only empty values`);
    return { count: counted, seconds: (doneAt - firstAt) / 1000, joinSeconds: (firstAt - runAt) / 1000 };
  } finally {
    clearTimeout(joinTimer);
    if (timer !== undefined) clearTimeout(timer);
    await consumer.disconnect();
  }
}
