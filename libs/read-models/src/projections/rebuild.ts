import { randomBytes } from 'node:crypto';
import { ConsumerRunner, topicFor, waitForTopics } from '@cm/messaging';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { collectionNameOf, consumerGroupOf, readModelsBySet, switchAlias, type ProjectionSetName } from './aliases';
import { projectionBatchHandler, projectionHandler } from './projection-handler';
import { ensureListIndexes } from './list-indexes';
import { projectionSets } from './projection-sets';

export interface RebuildOptions {
  topicPrefix: string;
  /** Replication factor of the new consumer group's dead-letter topic. */
  replicationFactor?: number;
  /** Point queries and the projector at the new generation once caught up (default true). */
  switchOver?: boolean;
  log?: (line: string) => void;
  progressEveryMs?: number;
  timeoutMs?: number;
}

export interface RebuildResult {
  set: ProjectionSetName;
  generation: string;
  groupId: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const newGeneration = (): string => `g${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * Replays a set's topic from offset 0 into fresh collections with a new consumer group. It switches the alias only
 * when it has applied everything up to the end offsets taken at the start; until then queries read the old
 * generation. The new group keeps its committed offsets, so the projector continues from there after the switch.
 */
export async function rebuildProjectionSet(
  db: Db,
  kafka: Kafka,
  set: ProjectionSetName,
  options: RebuildOptions,
): Promise<RebuildResult> {
  const log = options.log ?? (() => undefined);
  const generation = newGeneration();
  const groupId = `projector.${set}.${generation}`;
  const topic = topicFor(projectionSets[set].streamType, options.topicPrefix);
  // The relay creates the event topics; a rebuild only reads them.
  await waitForTopics(kafka, [topic], { timeoutMs: options.timeoutMs ?? 60_000 });
  for (const model of readModelsBySet[set]) {
    await db
      .collection(collectionNameOf(model, generation))
      .drop()
      .catch(() => undefined);
  }
  const targets = await endOffsetsOf(kafka, topic);
  const applied = new Map<number, number>();
  let events = 0;
  const onApplied = (message: { partition: number; offset: string }) => {
    events += 1;
    applied.set(message.partition, Number(message.offset));
  };
  const runner = new ConsumerRunner(kafka, {
    groupId: consumerGroupOf(groupId, options.topicPrefix),
    topics: [topic],
    replicationFactor: options.replicationFactor,
    handle: projectionHandler(db, set, generation, onApplied),
    handleBatch: projectionBatchHandler(db, set, generation, onApplied),
  });
  const lagOf = () =>
    [...targets].reduce((lag, [partition, end]) => lag + Math.max(0, end - 1 - (applied.get(partition) ?? -1)), 0);
  const started = Date.now();
  log(`[${set}] rebuilding into generation ${generation} (group ${groupId}); ${lagOf()} events to catch up`);
  await runner.start();
  try {
    let reported = started;
    let reportedEvents = 0;
    while (lagOf() > 0) {
      if (options.timeoutMs && Date.now() - started > options.timeoutMs) {
        throw new Error(`[${set}] rebuild did not catch up within ${options.timeoutMs} ms (lag ${lagOf()})`);
      }
      await sleep(100);
      if (Date.now() - reported >= (options.progressEveryMs ?? 1_000)) {
        const rate = ((events - reportedEvents) * 1000) / (Date.now() - reported);
        log(`[${set}] ${events} events applied, ${rate.toFixed(0)} events/s, lag ${lagOf()}`);
        reported = Date.now();
        reportedEvents = events;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    if (options.switchOver ?? true) {
      await ensureListIndexes(db, set, generation);
      await switchAlias(db, { _id: set, generation, groupId });
      log(`[${set}] caught up: switched to generation ${generation}`);
    }
    log(`[${set}] ${events} events in ${seconds.toFixed(1)} s (${(events / seconds).toFixed(0)} events/s)`);
    return { set, generation, groupId, events, seconds, eventsPerSecond: events / seconds };
  } finally {
    await runner.stop();
  }
}

/** High watermark per partition: the offset after the last message present now. */
async function endOffsetsOf(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}
