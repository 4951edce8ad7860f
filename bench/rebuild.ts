/**
 * Rebuild benchmark (not a test): seeds REBUILD_EVENTS realistic events straight into the event topics (the relay's
 * envelopes, from a raw batched producer), then times the rebuild `npm run projections:rebuild` runs, from its start
 * until every projection set caught up, beside a raw kafkajs consume of the same topics in the same run.
 *
 * Run: npm run bench:rebuild   (REBUILD_EVENTS=50000 to change the size; default 50,000)
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ensureEventTopics, topicFor } from '@cm/messaging';
import { collectionNameOf, projectionSetNames, rebuildProjectionSets } from '@cm/read-models';
import { streamTypes } from '@cm/domain';
import { consumeFromBeginning, type ConsumeMode } from './baseline/kafka-consume';
import { markdownTable, measureBaseline } from './baseline';
import { seedTopics } from './rebuild/seed-topics';

const events = Number(process.env.REBUILD_EVENTS ?? 50_000);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const mongodbUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  console.log(`load average at start: ${load()}`);
  const baseline = await measureBaseline({ maxSeconds: 5, largeReadDocs: 0 });
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `bench_rebuild_${runId}`;
  const topicPrefix = `bench.rebuild.${runId}.`;
  const kafka = new Kafka({ clientId: 'bench-rebuild', brokers, logLevel: logLevel.ERROR });
  const mongo = await new MongoClient(mongodbUri, { retryWrites: false, monitorCommands: true }).connect();
  let commands = 0;
  let written = 0;
  mongo.on('commandStarted', (event) => {
    commands += 1;
    const command = event.command as { documents?: unknown[]; updates?: unknown[] };
    written += command.documents?.length ?? command.updates?.length ?? 0;
  });
  const db = mongo.db(database);
  const topics = streamTypes.map((streamType) => topicFor(streamType, topicPrefix));
  const groups: string[] = [];
  try {
    await ensureEventTopics(kafka, { prefix: topicPrefix, partitions: 3, replicationFactor: 1 });
    console.log(`seeding ≥${events.toLocaleString('en-US')} events into ${topicPrefix}* (3 partitions per topic)`);
    const seeded = await seedTopics(kafka, topicPrefix, events, (line) => console.log(line));
    const total = seeded.events;
    console.log(`seeded ${total} events over ${seeded.streams} streams in ${seeded.seconds.toFixed(1)} s`);

    // Raw: one fresh group reads all five topics once, from consumer.run() to the last message (join included).
    const raw = async (mode: ConsumeMode) => {
      const groupId = `${topicPrefix}raw-${mode}-${groups.length}`;
      const result = await consumeFromBeginning(
        kafka,
        topics,
        groupId,
        mode,
        total,
        { maxSeconds: 300 },
        {
          groups,
          consumers: [],
        },
      );
      if (result.count < total) throw new Error(`raw ${mode} read ${result.count} of ${total}`);
      const seconds = result.joinSeconds + result.seconds;
      console.log(`raw ${mode}: ${total} in ${seconds.toFixed(2)} s (join ${result.joinSeconds.toFixed(2)} s)`);
      return { seconds, join: result.joinSeconds, rate: total / seconds };
    };
    const rawBefore = await raw('eachMessage');
    const rawBatch = await raw('eachBatch');

    const loadAtRebuild = load();
    const rebuildCommands = commands;
    const writtenBefore = written;
    const started = Date.now();
    const results = await rebuildProjectionSets(db, kafka, projectionSetNames, {
      topicPrefix,
      switchOver: true,
      log: (line) => console.log(line),
    });
    const wall = (Date.now() - started) / 1000;
    const trips = (commands - rebuildCommands) / total;
    const documents = written - writtenBefore;
    const rawAfter = await raw('eachMessage');

    // The rebuilt generation holds one document per stream of each stream view.
    for (const [model, streamType] of [
      ['needs', 'need'],
      ['pledges', 'pledge'],
      ['allocations', 'allocation'],
      ['participants', 'participant'],
      ['coalitions', 'coalition'],
    ] as const) {
      const generation = results.find((result) => result.set === model)!.generation;
      const count = await db.collection(collectionNameOf(model, generation)).countDocuments();
      const expected = seeded.streamsByType[streamType] ?? 0;
      if (count !== expected) throw new Error(`${model}: ${count} documents for ${expected} streams`);
    }

    const rate = total / wall;
    const rawRate = Math.max(rawBefore.rate, rawAfter.rate);
    const caughtUp = Math.max(...results.map((r) => r.caughtUpSeconds));
    const insertRate = baseline.opsPerSecond['mongo.insertMany'] ?? Number.NaN;
    const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    console.log(`\n## Rebuild at ${f(total)} events (load average ${loadAtRebuild} when the rebuild started)\n`);
    console.log(
      markdownTable(
        ['measure', 'value'],
        [
          ['log: events (streams) per topic', streamTypes.map((t) => `${t} ${seeded.byStreamType[t] ?? 0}`).join(', ')],
          ['seeding (raw batched producer, relay envelopes)', `${f(total / seeded.seconds)} events/s`],
          ['raw kafkajs consume, eachMessage, 1 group × 5 topics (before)', `${f(rawBefore.rate)} events/s`],
          ['raw kafkajs consume, eachMessage (after the rebuild)', `${f(rawAfter.rate)} events/s`],
          ['raw kafkajs consume, eachBatch', `${f(rawBatch.rate)} events/s`],
          [
            'measureBaseline consume eachMessage / eachBatch (1 KB values)',
            `${f(baseline.opsPerSecond['kafka.consume.eachMessage'] ?? 0)} / ${f(baseline.opsPerSecond['kafka.consume.eachBatch'] ?? 0)} msg/s`,
          ],
          [`rebuild, ${projectionSetNames.length} sets, start → caught up and switched`, `${wall.toFixed(1)} s`],
          ['rebuild throughput (log events ÷ wall)', `${f(rate)} events/s`],
          ['rebuild ÷ raw eachMessage (better of before/after)', `${(rate / rawRate).toFixed(2)}×`],
          [
            'rebuild: caught up in memory (slowest set); log events ÷ that, ÷ raw',
            `${caughtUp.toFixed(1)} s; ${f(total / caughtUp)} events/s; ${(total / caughtUp / rawRate).toFixed(2)}×`,
          ],
          ['rebuild database round trips per event', trips.toFixed(3)],
          ['documents written by the rebuild', `${f(documents)} (${f(documents / wall)}/s over the wall time)`],
          ['raw insertMany 100/batch (measureBaseline, same run)', `${f(insertRate)} docs/s`],
          ['write-out floor: documents ÷ raw insertMany', `${(documents / insertRate).toFixed(1)} s`],
          ['per set (events, s)', results.map((r) => `${r.set} ${r.events}/${r.seconds.toFixed(1)}`).join('; ')],
        ],
        ['left', 'right'],
      ),
    );
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    const rebuildGroups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(topicPrefix));
    await admin.deleteGroups([...new Set([...groups, ...rebuildGroups])]).catch(() => undefined);
    const created = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin.disconnect();
    await db.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
