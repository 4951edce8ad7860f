import { randomBytes } from 'node:crypto';
import { type ConsumedMessage, ConsumerRunner, topicFor, waitForTopics } from '@cm/messaging';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { collectionNameOf, consumerGroupOf, readModelsBySet, switchAlias, type ProjectionSetName } from './aliases';
import { projectionBatchHandler } from './projection-handler';
import { ensureListIndexes } from './list-indexes';
import { memoryCollectionsOf, projectionSets } from './projection-sets';

/** Documents changed in memory before a rebuild writes them out (the rest is written once it caught up). */
const FLUSH_EVERY = 5_000;

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
  /** Until every event up to the end offsets was applied in memory, before the last documents were written. */
  caughtUpSeconds: number;
  seconds: number;
  eventsPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const newGeneration = (): string => `g${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * Replays a set's topic from offset 0 into fresh collections with a new consumer group, folding every event in memory
 * (the new generation is empty, so nothing is read back) and inserting the documents in bulk. It switches the alias only
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
  // The generation is empty and only this rebuild writes it: its documents live in memory, written in bulk.
  const memory = memoryCollectionsOf(db, set, generation);
  const models = Object.values(memory);
  const flushAll = () => Promise.all(models.map((documents) => documents.flush()));
  const applyInMemory = projectionBatchHandler(db, set, generation, onApplied, memory);
  const handleBatch = async (messages: ConsumedMessage[]) => {
    await applyInMemory(messages);
    // Not awaited: the replay folds on while the server inserts (memory holds every document anyway). A failed
    // write fails the final flush, before any switch-over; waiting here held batches past the group's session.
    if (models.some((documents) => documents.pending >= FLUSH_EVERY)) flushAll().catch(() => undefined);
  };
  const runner = new ConsumerRunner(kafka, {
    groupId: consumerGroupOf(groupId, options.topicPrefix),
    topics: [topic],
    replicationFactor: options.replicationFactor,
    // The group's only member, with no one to hand its partitions to: a session as short as the projector's cost a
    // rebalance and a replay whenever ten sets folding on one event loop delayed a heartbeat past 12 s.
    sessionTimeoutMs: 60_000,
    handle: (message) => handleBatch([message]),
    handleBatch,
  });
  let running = true;
  const stopRunner = async () => {
    if (running) await runner.stop();
    running = false;
  };
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
    const caughtUpSeconds = (Date.now() - started) / 1000;
    // Stopped before the last flush: every event whose offset the group committed is in the documents written.
    await stopRunner();
    await flushAll();
    const seconds = (Date.now() - started) / 1000;
    if (options.switchOver ?? true) {
      await ensureListIndexes(db, set, generation);
      await switchAlias(db, { _id: set, generation, groupId });
      log(`[${set}] caught up: switched to generation ${generation}`);
    }
    log(`[${set}] ${events} events in ${seconds.toFixed(1)} s (${(events / seconds).toFixed(0)} events/s)`);
    return { set, generation, groupId, events, caughtUpSeconds, seconds, eventsPerSecond: events / seconds };
  } finally {
    await stopRunner();
  }
}

/**
 * Rebuilds several sets side by side, as `npm run projections:rebuild` does: their consumer groups join and fetch
 * at the same time instead of one after another.
 */
export function rebuildProjectionSets(
  db: Db,
  kafka: Kafka,
  sets: readonly ProjectionSetName[],
  options: RebuildOptions,
): Promise<RebuildResult[]> {
  return Promise.all(sets.map((set) => rebuildProjectionSet(db, kafka, set, options)));
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
